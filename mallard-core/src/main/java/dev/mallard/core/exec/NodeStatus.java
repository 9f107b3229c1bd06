package dev.mallard.core.exec;

import java.util.Locale;

/** A node's outcome, named as run_results.json names it. */
public enum NodeStatus {
    SUCCESS,
    ERROR,
    SKIPPED,
    PASS,
    FAIL,
    WARN,
    /** Nothing to do (a saved query in dbt Core). */
    NO_OP;

    public String dbtName() {
        return this == NO_OP ? "no-op" : name().toLowerCase(Locale.ROOT);
    }
}
