package dev.mallard.core.migrate.diff;

import java.util.List;

/** One direction of a migration: the changes it makes and the statements that make them. */
record PlannedMigration(List<Change> changes, List<String> statements) {
    PlannedMigration {
        changes = List.copyOf(changes);
        statements = List.copyOf(statements);
    }
}
