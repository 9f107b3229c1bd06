package dev.mallard.core.migrate;

import java.sql.Connection;

/** A {@link JavaMigration} that {@code migrate down} can undo. */
public interface ReversibleJavaMigration extends JavaMigration {
    /** Undoes {@link #up}; same transaction rules. */
    void down(Connection connection) throws Exception;
}
