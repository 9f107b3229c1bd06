package dev.mallard.core.error;

import java.nio.file.Path;

/**
 * The one root exception. User errors carry the file and line they come from, and an
 * optional hint; the CLI prints {@link #describe()} and no stack trace unless --debug.
 */
public class MallardException extends RuntimeException {
    private final ErrorCode code;
    private final String file;
    private final int line;
    private final String hint;
    private final int column;

    public MallardException(ErrorCode code, String message) {
        this(code, message, null, 0, null, null);
    }

    public MallardException(ErrorCode code, String message, String file, int line) {
        this(code, message, file, line, null, null);
    }

    public MallardException(ErrorCode code, String message, String file, int line, String hint, Throwable cause) {
        this(code, message, file, line, 0, hint, cause);
    }

    private MallardException(ErrorCode code, String message, String file, int line, int column, String hint,
                             Throwable cause) {
        super(message, cause);
        this.code = code;
        this.file = file;
        this.line = line;
        this.column = column;
        this.hint = hint;
    }

    /** The same error pointing at a 1-based column of its line (0: unknown). */
    public MallardException atColumn(int newColumn) {
        return new MallardException(code, getMessage(), file, line, newColumn, hint, getCause());
    }

    /** The 1-based column on the line, or 0 when unknown. */
    public int column() {
        return column;
    }

    public static MallardException at(ErrorCode code, Path file, int line, String message) {
        return new MallardException(code, message, file == null ? null : file.toString(), line);
    }

    public ErrorCode code() {
        return code;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public String hint() {
        return hint;
    }

    public int exitCode() {
        return code.exitCode();
    }

    public MallardException withHint(String newHint) {
        return new MallardException(code, getMessage(), file, line, column, newHint, getCause());
    }

    /** Same error, attributed to a file and line if it has none yet. */
    public MallardException locatedAt(String newFile, int newLine) {
        if (file != null) {
            return this;
        }
        return new MallardException(code, getMessage(), newFile, newLine, hint, getCause());
    }

    /** "file:line: message" plus the hint on its own line. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        if (file != null) {
            sb.append(file);
            if (line > 0) {
                sb.append(':').append(line);
                if (column > 0) {
                    sb.append(':').append(column);
                }
            }
            sb.append(": ");
        }
        sb.append(getMessage());
        if (hint != null && !hint.isBlank()) {
            sb.append(System.lineSeparator()).append("  hint: ").append(hint);
        }
        return sb.toString();
    }
}
