package dev.mallard.core.jinja;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.jinja.TemplateError;
import java.util.List;
import java.util.Map;

/** Template errors as Mallard reports them: file, line and column, the macros passed through, dbt's hints. */
final class TemplateErrors {
    private TemplateErrors() {
    }

    /** One error for all syntax errors, each with its file, line and offending text. */
    static MallardException syntax(List<TemplateError> errors) {
        TemplateError first = errors.get(0);
        if (errors.size() == 1) {
            return new MallardException(ErrorCode.JINJA, syntaxMessage(first), first.file(), first.line())
                    .atColumn(first.column());
        }
        StringBuilder sb = new StringBuilder("Compilation Error: " + errors.size() + " templates cannot be parsed:");
        for (TemplateError e : errors) {
            sb.append("\n").append(e.describe().replace("\n", "\n  "));
        }
        // each entry names its own file, line and column
        return new MallardException(ErrorCode.JINJA, sb.toString());
    }

    private static String syntaxMessage(TemplateError e) {
        String line = e.sourceLine();
        String message = "Compilation Error: " + e.getMessage();
        return line == null || line.isBlank() ? message : message + "\n  > " + line.strip();
    }

    /**
     * A template error as Mallard reports it: the message, the macros it passed through, and
     * the place in the rendered file (the outermost call) where it happened.
     */
    static MallardException toMallard(TemplateError e, Map<String, String> macroFiles) {
        MallardException host = e.getCause() instanceof MallardException me ? me : null;
        if (host != null && host.file() != null) {
            return host;
        }
        ErrorCode code = host == null ? ErrorCode.JINJA : host.code();
        String hint = host == null ? undefinedHint(e) : host.hint();
        StringBuilder message = new StringBuilder(e.getMessage());
        if (e.calls().isEmpty()) {
            if (host == null && e.sourceLine() != null && !e.sourceLine().isBlank()) {
                message.append("\n  > ").append(e.sourceLine().strip());
            }
            return new MallardException(code, message.toString(), e.file(), e.line(), hint, host)
                    .atColumn(host == null ? e.column() : 0);
        }
        int innerLine = e.line();
        String file = e.file();
        int line = e.line();
        String previous = null;
        int repeated = 0;
        for (int i = 0; i < e.calls().size(); i++) {
            TemplateError.Call call = e.calls().get(i);
            String macroFile = macroFiles.getOrDefault(call.macro(), file);
            String frame = (i == 0 ? "\n  in macro '" : "\n  called from macro '") + call.macro() + "' (" + macroFile
                    + (innerLine > 0 ? ":" + innerLine : "") + ")";
            // a runaway recursion would list the same call hundreds of times: said once, then counted (as Python does)
            if (frame.equals(previous)) {
                repeated++;
            } else {
                appendRepeats(message, repeated);
                repeated = 0;
                message.append(frame);
                previous = frame;
            }
            if (call.site() != null) {
                innerLine = call.site().line();
                file = call.site().file();
                line = call.site().line();
            } else {
                file = macroFile;
                line = e.line();
                break;
            }
        }
        appendRepeats(message, repeated);
        return new MallardException(code, message.toString(), file, line, hint, host);
    }

    private static void appendRepeats(StringBuilder message, int repeated) {
        if (repeated > 0) {
            message.append("\n  [the call above repeated ").append(repeated).append(repeated == 1 ? " more time]"
                    : " more times]");
        }
    }

    /** dbt's advice for an undefined name, which is most often a macro from a missing package. */
    private static String undefinedHint(TemplateError e) {
        return e.getMessage().endsWith("' is undefined")
                ? "this can happen when calling a macro that does not exist: check for typos, and that the "
                  + "package defining it is installed" : null;
    }
}
