package dev.mallard.core.migrate;

/** What a history row records: a SQL file, a Java class, or a baseline marker. */
public enum MigrationType {
    SQL,
    JAVA,
    BASELINE
}
