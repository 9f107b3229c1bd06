package dev.mallard.core.migrate;

import java.sql.Connection;

/**
 * A migration written in Java, for changes SQL cannot express (back-fills that call code,
 * data reshaping). Put the compiled class (with a public no-argument constructor) under
 * {@code migrations/java/} as a class folder or a jar, or on a folder or jar listed in
 * {@code migrations: {classpath: [...]}}.
 *
 * <p>{@link #up} runs inside the transaction Mallard opened on {@code connection}, together
 * with the history row: do not commit, roll back or close it. Throw to fail the migration,
 * which rolls it back whole. Implement {@link ReversibleJavaMigration} to make it reversible.
 */
public interface JavaMigration {
    /** The version, e.g. "3" or "2.1"; shares the numbering of the SQL files. */
    String version();

    String description();

    void up(Connection connection) throws Exception;
}
