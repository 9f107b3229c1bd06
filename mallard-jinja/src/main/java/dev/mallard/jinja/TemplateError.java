package dev.mallard.jinja;

/**
 * A template that cannot be parsed or rendered: the message in Jinja2's words, the file,
 * 1-based line and column, and the text of the offending line.
 */
public final class TemplateError extends RuntimeException {
    /** Whether the template could not be read at all, or failed while rendering. */
    public enum Kind { SYNTAX, RUNTIME }

    private final Kind kind;
    private final String file;
    private final int line;
    private final int column;
    private final String sourceLine;
    private final java.util.List<Call> calls = new java.util.ArrayList<>(2);

    /** A macro call the error passed through on its way out: the macro and where it was called. */
    public record Call(String macro, dev.mallard.jinja.ast.Pos site) {
    }

    public TemplateError(Kind kind, String message, String file, int line, int column, String sourceLine,
                         Throwable cause) {
        super(message, cause, false, false);
        this.kind = kind;
        this.file = file;
        this.line = line;
        this.column = column;
        this.sourceLine = sourceLine;
    }

    public Kind kind() {
        return kind;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** The offending line's text, or null when unknown. */
    public String sourceLine() {
        return sourceLine;
    }

    /** The macro calls the error passed through, innermost first (site null when called from Java). */
    public java.util.List<Call> calls() {
        return java.util.Collections.unmodifiableList(calls);
    }

    /** Records that the error left macro {@code macro}, called at {@code site}. */
    public TemplateError passedThrough(String macro, dev.mallard.jinja.ast.Pos site) {
        calls.add(new Call(macro, site));
        return this;
    }

    /** The message alone, without position. */
    public String reason() {
        return getMessage();
    }

    /** {@code file:line:column: message}, then the line and a caret under the column. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append(file).append(':').append(line);
        if (column > 0) {
            sb.append(':').append(column);
        }
        sb.append(": ").append(getMessage());
        if (sourceLine != null && !sourceLine.isBlank()) {
            sb.append('\n').append("  ").append(sourceLine.stripTrailing());
            if (column > 0) {
                sb.append('\n').append("  ").append(" ".repeat(Math.max(0, column - 1))).append('^');
            }
        }
        return sb.toString();
    }

    /** The text of line {@code line} (1-based) of {@code source}, or null. */
    public static String lineOf(String source, int line) {
        if (source == null || line < 1) {
            return null;
        }
        int start = 0;
        for (int i = 1; i < line; i++) {
            int nl = source.indexOf('\n', start);
            if (nl < 0) {
                return null;
            }
            start = nl + 1;
        }
        int end = source.indexOf('\n', start);
        return source.substring(start, end < 0 ? source.length() : end);
    }
}
