package dev.mallard.core.exec;

import java.util.Locale;

/** A node's outcome, named as run_results.json names it. */
public enum NodeStatus {
    SUCCESS,
    ERROR,
    SKIPPED,
    PASS,
    FAIL,
    WARN;

    public String dbtName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
