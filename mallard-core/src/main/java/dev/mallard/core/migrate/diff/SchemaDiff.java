package dev.mallard.core.migrate.diff;

import java.util.List;

/**
 * The result of {@code mallard migrate diff}: what differs, the statements that take the live
 * database to the declared schema (up) and those that take it back (down).
 */
public record SchemaDiff(List<Change> changes, List<String> upStatements, List<String> downStatements) {
    public SchemaDiff {
        changes = List.copyOf(changes);
        upStatements = List.copyOf(upStatements);
        downStatements = List.copyOf(downStatements);
    }

    /** True when the live database already matches the declared schema. */
    public boolean isEmpty() {
        return changes.isEmpty() && upStatements.isEmpty();
    }

    /** The migration file body: an up section and a down section, one statement per line. */
    public String toMigrationText() {
        StringBuilder sb = new StringBuilder("-- migrate:up\n");
        upStatements.forEach(s -> sb.append(s).append(";\n"));
        sb.append("\n-- migrate:down\n");
        downStatements.forEach(s -> sb.append(s).append(";\n"));
        return sb.toString();
    }
}
