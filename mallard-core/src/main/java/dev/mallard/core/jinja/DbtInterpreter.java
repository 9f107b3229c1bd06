package dev.mallard.core.jinja;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.TemplateError;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.function.Function;

/**
 * One render's interpreter. It turns the first fatal template error into a
 * {@link TemplateAbort}, so rendering stops there as it does in dbt, and it keeps the
 * stack of project macros being evaluated, so the error names the user's file and line
 * and the macros it went through.
 */
final class DbtInterpreter extends JinjavaInterpreter {
    private final String templatePath;
    private final Function<String, String> macroFiles;
    private final Deque<Frame> frames = new ArrayDeque<>();

    /** A macro being evaluated, and the line (in its caller) it was called from. */
    private record Frame(String macro, int callLine) {
    }

    DbtInterpreter(Jinjava jinjava, Context context, String templatePath, Function<String, String> macroFiles) {
        super(jinjava, context, jinjava.getGlobalConfig());
        this.templatePath = templatePath;
        this.macroFiles = macroFiles;
    }

    /** Booleans print as Python prints them ({@code True}), as dbt's Jinja does. */
    @Override
    public String getAsString(Object value) {
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        return super.getAsString(value);
    }

    void enterMacro(String name, int callLine) {
        frames.push(new Frame(name, callLine));
    }

    void exitMacro() {
        frames.pop();
    }

    @Override
    public void addError(TemplateError error) {
        TemplateAbort earlier = TemplateAbort.in(error.getException());
        if (earlier != null) {
            throw earlier;
        }
        MacroReturn pendingReturn = returnIn(error.getException());
        if (pendingReturn != null) {
            // return() inside a caller() body, reached through reflection: keep unwinding to the macro
            throw pendingReturn;
        }
        if (isFatal(error)) {
            throw new TemplateAbort(toException(error));
        }
        super.addError(error);
    }

    /** Everything fatal to Jinjava, plus calls of functions that do not exist, which dbt rejects. */
    private static boolean isFatal(TemplateError error) {
        if (error.getSeverity() == TemplateError.ErrorType.FATAL) {
            return true;
        }
        return error.getItem() == TemplateError.ErrorItem.FUNCTION
                && error.getReason() == TemplateError.ErrorReason.UNKNOWN;
    }

    private MallardException toException(TemplateError error) {
        MallardException cause = mallardCause(error.getException());
        ErrorCode code = cause == null ? ErrorCode.JINJA : cause.code();
        String message = cause == null ? cleanMessage(error.getMessage()) : cause.getMessage();
        if (cause != null && cause.file() != null) {
            return cause;
        }
        int line = error.getLineno();
        if (frames.isEmpty()) {
            return new MallardException(code, message, templatePath, line, cause == null ? null : cause.hint(), cause);
        }
        StringBuilder trace = new StringBuilder(message);
        int innerLine = line;
        Frame outermost = null;
        for (Iterator<Frame> it = frames.iterator(); it.hasNext(); ) {
            Frame f = it.next();
            trace.append(outermost == null ? "\n  in macro '" : "\n  called from macro '").append(f.macro()).append('\'');
            String file = macroFiles.apply(f.macro());
            if (file != null) {
                trace.append(" (").append(file).append(innerLine > 0 ? ":" + innerLine : "").append(')');
            }
            innerLine = f.callLine();
            outermost = f;
        }
        // a macro called from Java (no call site in a template) is reported at its own file
        if (outermost.callLine() <= 0) {
            String file = macroFiles.apply(frames.peekFirst().macro());
            return new MallardException(code, trace.toString(), file == null ? templatePath : file, line,
                    cause == null ? null : cause.hint(), cause);
        }
        return new MallardException(code, trace.toString(), templatePath, outermost.callLine(),
                cause == null ? null : cause.hint(), cause);
    }

    private static MacroReturn returnIn(Throwable t) {
        for (int depth = 0; t != null && depth < 20; depth++, t = t.getCause()) {
            if (t instanceof MacroReturn r) {
                return r;
            }
        }
        return null;
    }

    private static MallardException mallardCause(Throwable t) {
        for (int depth = 0; t != null && depth < 20; depth++, t = t.getCause()) {
            if (t instanceof MallardException me) {
                return me;
            }
        }
        return null;
    }

    /** Jinjava prefixes messages with the expression and Java class names; keep what the user needs. */
    private static String cleanMessage(String message) {
        if (message == null) {
            return "template error";
        }
        return message.replace("jinjava.javax.el.ELException: ", "")
                .replace("com.hubspot.jinjava.interpret.", "")
                .replaceAll("Could not resolve function '([^']*)'", "'$1' is undefined (no macro or function of that name)");
    }
}
