package dev.mallard.core.migrate;

import dev.mallard.core.engine.EngineSession;

/**
 * A migration found in the project (a SQL file or a Java class), ready to run.
 * {@link #up} and {@link #down} run inside a transaction the caller owns.
 */
public interface Migration {
    MigrationVersion version();

    String description();

    MigrationType type();

    /** The file path relative to the project, or the Java class name. */
    String script();

    /** Null for Java migrations that do not declare one. */
    String checksum();

    boolean reversible();

    void up(EngineSession session);

    /** Only called when {@link #reversible()}. */
    void down(EngineSession session);
}
