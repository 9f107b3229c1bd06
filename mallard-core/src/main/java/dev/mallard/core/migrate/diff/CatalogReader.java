package dev.mallard.core.migrate.diff;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one schema of a DuckDB database into a {@link SchemaModel} through the duckdb_*()
 * catalog functions. Both sides of a diff go through here, so both get DuckDB's own
 * normalised spelling of types, defaults and constraints.
 */
final class CatalogReader {
    private static final Pattern NEXTVAL = Pattern.compile("nextval\\('([^']+)'");
    private static final String WHERE = " WHERE database_name = current_database() AND schema_name = ?";

    private final Connection connection;
    private final DiffScope scope;

    CatalogReader(Connection connection, DiffScope scope) {
        this.connection = connection;
        this.scope = scope;
    }

    SchemaModel read() throws SQLException {
        Map<String, String> tableSql = new TreeMap<>();
        for (List<Object> row : query("SELECT table_name, sql FROM duckdb_tables()" + WHERE + " AND NOT temporary")) {
            String name = (String) row.get(0);
            if (!scope.ignores(name)) {
                tableSql.put(name, (String) row.get(1));
            }
        }
        Map<String, List<ColumnModel>> columns = columns(tableSql.keySet());
        Map<String, Set<ConstraintModel>> constraints = constraints(tableSql.keySet());
        TreeMap<String, TableModel> tables = new TreeMap<>();
        tableSql.forEach((name, sql) -> tables.put(name, new TableModel(name, SqlNames.withoutSemicolon(sql),
                columns.getOrDefault(name, List.of()), constraints.getOrDefault(name, Set.of()))));
        return new SchemaModel(scope.schema(), schemaExists(), tables, indexes(tableSql.keySet()), sequences());
    }

    private boolean schemaExists() throws SQLException {
        return !query("SELECT schema_name FROM duckdb_schemas()" + WHERE).isEmpty();
    }

    private Map<String, List<ColumnModel>> columns(Set<String> tables) throws SQLException {
        Map<String, List<ColumnModel>> byTable = new LinkedHashMap<>();
        String sql = "SELECT table_name, column_name, data_type, is_nullable, column_default FROM duckdb_columns()"
                + WHERE + " ORDER BY table_name, column_index";
        for (List<Object> row : query(sql)) {
            String table = (String) row.get(0);
            if (tables.contains(table)) {
                byTable.computeIfAbsent(table, t -> new ArrayList<>()).add(new ColumnModel(
                        (String) row.get(1), (String) row.get(2), (Boolean) row.get(3), (String) row.get(4)));
            }
        }
        return byTable;
    }

    private Map<String, Set<ConstraintModel>> constraints(Set<String> tables) throws SQLException {
        Map<String, Set<ConstraintModel>> byTable = new LinkedHashMap<>();
        String sql = "SELECT table_name, constraint_type, constraint_text, constraint_column_names, referenced_table"
                + " FROM duckdb_constraints()" + WHERE + " AND constraint_type <> 'NOT NULL'";
        for (List<Object> row : query(sql)) {
            String table = (String) row.get(0);
            if (tables.contains(table)) {
                byTable.computeIfAbsent(table, t -> new HashSet<>()).add(new ConstraintModel(
                        (String) row.get(1), (String) row.get(2), strings(row.get(3)), (String) row.get(4)));
            }
        }
        return byTable;
    }

    private TreeMap<String, IndexModel> indexes(Set<String> tables) throws SQLException {
        TreeMap<String, IndexModel> indexes = new TreeMap<>();
        for (List<Object> row : query("SELECT index_name, table_name, sql FROM duckdb_indexes()" + WHERE)) {
            String table = (String) row.get(1);
            if (tables.contains(table) && row.get(2) != null) {
                indexes.put((String) row.get(0),
                        new IndexModel((String) row.get(0), table, SqlNames.withoutSemicolon((String) row.get(2))));
            }
        }
        return indexes;
    }

    private TreeMap<String, SequenceModel> sequences() throws SQLException {
        Set<String> usedByIgnoredTables = sequencesUsedByIgnoredTables();
        TreeMap<String, SequenceModel> sequences = new TreeMap<>();
        for (List<Object> row : query("SELECT sequence_name, sql FROM duckdb_sequences()" + WHERE)) {
            String name = (String) row.get(0);
            if (!scope.ignores(name) && !usedByIgnoredTables.contains(name)) {
                sequences.put(name, new SequenceModel(name, sequenceSql(name, (String) row.get(1))));
            }
        }
        return sequences;
    }

    // A sequence behind an ignored table (say the migration history) is that table's business.
    private Set<String> sequencesUsedByIgnoredTables() throws SQLException {
        Set<String> used = new HashSet<>();
        String sql = "SELECT table_name, column_default FROM duckdb_columns()" + WHERE
                + " AND column_default LIKE 'nextval(%'";
        for (List<Object> row : query(sql)) {
            Matcher m = NEXTVAL.matcher((String) row.get(1));
            if (scope.ignores((String) row.get(0)) && m.find()) {
                String qualified = m.group(1);
                used.add(qualified.substring(qualified.lastIndexOf('.') + 1));
            }
        }
        return used;
    }

    // DuckDB prints "CREATE SEQUENCE name ..." without the schema, unlike tables and indexes.
    private String sequenceSql(String name, String sql) {
        String body = SqlNames.withoutSemicolon(sql);
        String prefix = "CREATE SEQUENCE ";
        int afterName = body.indexOf(' ', prefix.length());
        String options = afterName < 0 ? "" : body.substring(afterName);
        return prefix + SqlNames.qualified(scope.schema(), name) + options;
    }

    private List<List<Object>> query(String sql) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, scope.schema());
            try (ResultSet rs = ps.executeQuery()) {
                int width = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>(width);
                    for (int i = 1; i <= width; i++) {
                        row.add(rs.getObject(i));
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    private static List<String> strings(Object value) throws SQLException {
        if (value == null) {
            return List.of();
        }
        Object[] items = value instanceof Array array ? (Object[]) array.getArray() : (Object[]) value;
        List<String> result = new ArrayList<>(items.length);
        for (Object item : items) {
            result.add(String.valueOf(item));
        }
        return result;
    }
}
