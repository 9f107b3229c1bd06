package dev.mallard.jinja.oracle;

import java.util.Locale;

/** How Mallard's outcome for a case compares with the oracle's. */
enum Verdict {
    EQUAL("equal"),
    OUTPUT_DIFFERS("output differs"),
    MALLARD_RAISED("Mallard raised, Jinja2 rendered"),
    MALLARD_DID_NOT_RAISE("Jinja2 raised, Mallard rendered"),
    MESSAGE_DIFFERS("both raised, messages differ"),
    CRASH("Mallard crashed (exception other than TemplateError)"),
    TIMEOUT("Mallard did not finish");

    /** Which error messages must match: for undefined errors only (default), all, or none. */
    enum MessageRule {
        UNDEFINED, ALL, NONE;

        static MessageRule fromProperty() {
            return valueOf(System.getProperty("jinja.oracle.messages", "undefined").toUpperCase(Locale.ROOT));
        }
    }

    final String label;

    Verdict(String label) {
        this.label = label;
    }

    static Verdict of(OracleCase c, Outcome expected, Outcome actual, MessageRule rule) {
        if (actual.timeout()) {
            return TIMEOUT;
        }
        if (actual.crash()) {
            return CRASH;
        }
        if (expected.ok() && actual.ok()) {
            return expected.out().equals(actual.out()) ? EQUAL : OUTPUT_DIFFERS;
        }
        if (expected.ok()) {
            return MALLARD_RAISED;
        }
        if (actual.ok()) {
            return MALLARD_DID_NOT_RAISE;
        }
        boolean compare = c.compareMessage() != null ? c.compareMessage()
                : rule == MessageRule.ALL || rule == MessageRule.UNDEFINED && "UndefinedError".equals(expected.errorType());
        return !compare || expected.message().equals(actual.message()) ? EQUAL : MESSAGE_DIFFERS;
    }
}
