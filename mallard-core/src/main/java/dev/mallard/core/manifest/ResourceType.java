package dev.mallard.core.manifest;

import java.util.Locale;

public enum ResourceType {
    MODEL,
    SEED,
    SNAPSHOT,
    TEST,
    UNIT_TEST,
    SOURCE,
    ANALYSIS,
    EXPOSURE,
    SEMANTIC_MODEL,
    METRIC,
    SAVED_QUERY,
    OPERATION,
    MACRO,
    /** A Mallard ingest ({@code ingest/*.yml}): fills raw tables that sources name. */
    INGEST;

    public String dbtName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ResourceType fromDbtName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
