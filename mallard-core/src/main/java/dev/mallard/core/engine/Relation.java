package dev.mallard.core.engine;

import java.util.Objects;

/**
 * A database relation name: database.schema.identifier. Renders the way dbt renders
 * {@code {{ this }}}: each part double-quoted when needed.
 */
public record Relation(String database, String schema, String identifier) {
    public Relation {
        Objects.requireNonNull(identifier, "identifier");
    }

    public Relation withIdentifier(String newIdentifier) {
        return new Relation(database, schema, newIdentifier);
    }

    public Relation withSchema(String newSchema) {
        return new Relation(database, newSchema, identifier);
    }

    /** Rendered with every part quoted, as dbt-duckdb does. */
    public String render() {
        StringBuilder sb = new StringBuilder();
        if (database != null && !database.isEmpty()) {
            sb.append(quote(database)).append('.');
        }
        if (schema != null && !schema.isEmpty()) {
            sb.append(quote(schema)).append('.');
        }
        sb.append(quote(identifier));
        return sb.toString();
    }

    public static String quote(String part) {
        return '"' + part.replace("\"", "\"\"") + '"';
    }

    @Override
    public String toString() {
        return render();
    }
}
