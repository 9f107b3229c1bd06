package dev.mallard.core.migrate.diff;

import java.util.Objects;

/** One column as the catalog reports it: the type and default in DuckDB's normalised spelling. */
public record ColumnModel(String name, String dataType, boolean nullable, String defaultExpression) {
    public ColumnModel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dataType, "dataType");
    }

    /** The column as it would appear after {@code ADD COLUMN}. */
    String definition() {
        StringBuilder sb = new StringBuilder(SqlNames.quote(name)).append(' ').append(dataType);
        if (defaultExpression != null) {
            sb.append(" DEFAULT ").append(defaultExpression);
        }
        if (!nullable) {
            sb.append(" NOT NULL");
        }
        return sb.toString();
    }
}
