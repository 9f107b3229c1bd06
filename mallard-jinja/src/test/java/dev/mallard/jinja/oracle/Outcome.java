package dev.mallard.jinja.oracle;

/**
 * What a template gave: its output, or an error. Errors carry the Python exception name on
 * the oracle's side, and {@code TemplateError.SYNTAX}/{@code TemplateError.RUNTIME} on
 * Mallard's; {@code crash} marks any other exception escaping the engine, {@code timeout}
 * a case that did not finish.
 */
record Outcome(boolean ok, String out, String errorType, String message, String phase, boolean crash,
               boolean timeout) {

    static Outcome output(String out) {
        return new Outcome(true, out, null, null, null, false, false);
    }

    static Outcome error(String type, String message, String phase) {
        return new Outcome(false, null, type, message, phase, false, false);
    }

    static Outcome crash(Throwable t) {
        return new Outcome(false, null, t.getClass().getName(), String.valueOf(t.getMessage()), "crash", true, false);
    }

    static Outcome timedOut(long seconds) {
        return new Outcome(false, null, "timeout", "did not finish within " + seconds + "s", "timeout", false, true);
    }

    /** One line for the report: the output in Java string notation, or the error. */
    String describe() {
        if (ok) {
            return Json.quote(out);
        }
        return "ERROR " + errorType + ": " + Json.quote(message) + (phase == null ? "" : " (" + phase + ")");
    }
}
