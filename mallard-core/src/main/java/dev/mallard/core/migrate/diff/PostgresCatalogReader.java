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
import java.util.stream.Collectors;

/**
 * Reads one schema of a Postgres database into a {@link SchemaModel} through pg_catalog, in
 * Postgres' own spelling ({@code format_type}, {@code pg_get_expr}, {@code pg_get_constraintdef},
 * {@code pg_get_indexdef}). Postgres keeps no CREATE TABLE text, so a table's is put together
 * from its columns and named constraints. A serial column reads back as {@code serial} (its
 * owned sequence and default are its own), an identity column with its GENERATED clause. The
 * schema read ({@code readSchema}, say a scratch one) may differ from the one the model names.
 */
final class PostgresCatalogReader {
    private static final String TABLES = "select c.oid, c.relname from pg_class c join pg_namespace n "
            + "on n.oid = c.relnamespace where n.nspname = ? and c.relkind in ('r', 'p') order by 2";
    private static final String COLUMNS = "select c.relname, a.attname, format_type(a.atttypid, a.atttypmod), "
            + "not a.attnotnull, pg_get_expr(d.adbin, d.adrelid), a.attidentity, a.attgenerated, "
            + "(select s.relname from pg_depend dep join pg_class s on s.oid = dep.objid "
            + "where dep.classid = 'pg_class'::regclass and dep.refobjid = c.oid and dep.refobjsubid = a.attnum "
            + "and s.relkind = 'S' and dep.deptype = 'a' limit 1) "
            + "from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace "
            + "left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum "
            + "where n.nspname = ? and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped "
            + "order by c.relname, a.attnum";
    private static final String CONSTRAINTS = "select c.relname, con.conname, con.contype, "
            + "pg_get_constraintdef(con.oid), array(select a.attname::text from unnest(con.conkey) with ordinality "
            + "k(num, i) join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.num order by k.i), rc.relname "
            + "from pg_constraint con join pg_class c on c.oid = con.conrelid join pg_namespace n on n.oid = c.relnamespace "
            + "left join pg_class rc on rc.oid = con.confrelid "
            + "where n.nspname = ? and con.contype in ('p', 'u', 'f', 'c', 'x') order by con.conname";
    private static final String INDEXES = "select i.relname, t.relname, pg_get_indexdef(i.oid) from pg_index x "
            + "join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid "
            + "join pg_namespace n on n.oid = t.relnamespace where n.nspname = ? and not exists (select 1 "
            + "from pg_constraint con where con.conindid = x.indexrelid and con.conrelid = x.indrelid "
            + "and con.contype in ('p', 'u', 'x'))";
    // sequences that serial and identity columns own come with their tables
    private static final String SEQUENCES = "select s.relname, q.seqstart, q.seqincrement from pg_class s "
            + "join pg_namespace n on n.oid = s.relnamespace join pg_sequence q on q.seqrelid = s.oid "
            + "where n.nspname = ? and s.relkind = 'S' and not exists (select 1 from pg_depend d where d.objid = s.oid "
            + "and d.classid = 'pg_class'::regclass and d.refclassid = 'pg_class'::regclass and d.deptype in ('a', 'i'))";

    private final Connection connection;
    private final String readSchema;
    private final DiffScope scope;
    /** The schema the model names: empty for an unqualified scope. */
    private final String named;

    PostgresCatalogReader(Connection connection, String readSchema, DiffScope scope) {
        this.connection = connection;
        this.readSchema = readSchema;
        this.scope = scope;
        this.named = scope.qualified() ? scope.schema() : "";
    }

    SchemaModel read() throws SQLException {
        // names in the schema read print unqualified, as they would in the target schema
        try (PreparedStatement ps = connection.prepareStatement("select set_config('search_path', quote_ident(?), false)")) {
            ps.setString(1, readSchema);
            ps.execute();
        }
        Set<String> names = new java.util.TreeSet<>();
        for (List<Object> row : query(TABLES)) {
            String name = (String) row.get(1);
            if (!scope.ignores(name)) {
                names.add(name);
            }
        }
        Map<String, List<ColumnModel>> columns = columns(names);
        Map<String, Set<ConstraintModel>> constraints = constraints(names);
        TreeMap<String, TableModel> tables = new TreeMap<>();
        for (String name : names) {
            List<ColumnModel> cols = columns.getOrDefault(name, List.of());
            Set<ConstraintModel> cons = constraints.getOrDefault(name, Set.of());
            tables.put(name, new TableModel(name, createTable(name, cols, cons), cols, cons));
        }
        return new SchemaModel(named, !query("select 1 from pg_namespace where nspname = ?").isEmpty(),
                tables, indexes(names), sequences());
    }

    private String createTable(String name, List<ColumnModel> columns, Set<ConstraintModel> constraints) {
        List<String> parts = new ArrayList<>();
        columns.forEach(c -> parts.add(c.definition()));
        constraints.stream().sorted(java.util.Comparator.comparing(PostgresCatalogReader::order)
                .thenComparing(ConstraintModel::text)).forEach(c -> parts.add(c.text()));
        return "CREATE TABLE " + SqlNames.qualified(named, name) + " (" + String.join(", ", parts) + ")";
    }

    private static int order(ConstraintModel c) {
        return switch (c.type()) {
            case "PRIMARY KEY" -> 0;
            case "UNIQUE" -> 1;
            case "CHECK" -> 2;
            default -> 3;
        };
    }

    private Map<String, List<ColumnModel>> columns(Set<String> tables) throws SQLException {
        Map<String, List<ColumnModel>> byTable = new LinkedHashMap<>();
        for (List<Object> row : query(COLUMNS)) {
            String table = (String) row.get(0);
            if (!tables.contains(table)) {
                continue;
            }
            String type = (String) row.get(2);
            String dflt = (String) row.get(4);
            String identity = String.valueOf(row.get(5)).strip();
            String generated = String.valueOf(row.get(6)).strip();
            String owned = (String) row.get(7);
            if (owned != null && dflt != null && dflt.equals("nextval('" + owned + "'::regclass)")) {
                type = switch (type) {
                    case "smallint" -> "smallserial";
                    case "bigint" -> "bigserial";
                    default -> "serial";
                };
                dflt = null;
            } else if (identity.equals("a") || identity.equals("d")) {
                type += identity.equals("a") ? " GENERATED ALWAYS AS IDENTITY" : " GENERATED BY DEFAULT AS IDENTITY";
            } else if (generated.equals("s")) {
                type += " GENERATED ALWAYS AS (" + dflt + ") STORED";
                dflt = null;
            }
            byTable.computeIfAbsent(table, t -> new ArrayList<>())
                    .add(new ColumnModel((String) row.get(1), type, (Boolean) row.get(3), dflt));
        }
        return byTable;
    }

    private Map<String, Set<ConstraintModel>> constraints(Set<String> tables) throws SQLException {
        Map<String, Set<ConstraintModel>> byTable = new LinkedHashMap<>();
        for (List<Object> row : query(CONSTRAINTS)) {
            String table = (String) row.get(0);
            if (!tables.contains(table)) {
                continue;
            }
            String type = switch (String.valueOf(row.get(2))) {
                case "p" -> "PRIMARY KEY";
                case "u" -> "UNIQUE";
                case "f" -> "FOREIGN KEY";
                case "c" -> "CHECK";
                default -> "EXCLUDE";
            };
            // the name is part of the constraint: ALTER TABLE ... DROP CONSTRAINT needs it
            String text = "CONSTRAINT " + SqlNames.quote((String) row.get(1)) + " " + row.get(3);
            byTable.computeIfAbsent(table, t -> new HashSet<>())
                    .add(new ConstraintModel(type, text, strings(row.get(4)), (String) row.get(5)));
        }
        return byTable;
    }

    private TreeMap<String, IndexModel> indexes(Set<String> tables) throws SQLException {
        String from = " ON " + SqlNames.quote(readSchema) + ".";
        String to = " ON " + (named.isEmpty() ? "" : SqlNames.quote(named) + ".");
        TreeMap<String, IndexModel> indexes = new TreeMap<>();
        for (List<Object> row : query(INDEXES)) {
            String table = (String) row.get(1);
            if (tables.contains(table)) {
                String sql = ((String) row.get(2)).replace(from, to).replace(" ON ONLY " + from.substring(4),
                        " ON ONLY " + to.substring(4));
                indexes.put((String) row.get(0), new IndexModel((String) row.get(0), table, sql));
            }
        }
        return indexes;
    }

    private TreeMap<String, SequenceModel> sequences() throws SQLException {
        TreeMap<String, SequenceModel> sequences = new TreeMap<>();
        for (List<Object> row : query(SEQUENCES)) {
            String name = (String) row.get(0);
            if (scope.ignores(name)) {
                continue;
            }
            long start = ((Number) row.get(1)).longValue();
            long increment = ((Number) row.get(2)).longValue();
            sequences.put(name, new SequenceModel(name, "CREATE SEQUENCE " + SqlNames.qualified(named, name)
                    + (increment != 1 ? " INCREMENT BY " + increment : "") + (start != 1 ? " START WITH " + start : "")));
        }
        return sequences;
    }

    private List<List<Object>> query(String sql) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, readSchema);
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
        Object[] items = (Object[]) ((Array) value).getArray();
        return java.util.Arrays.stream(items).map(String::valueOf).collect(Collectors.toList());
    }

    /** The name in a constraint's text as this reader writes it ({@code CONSTRAINT name ...}). */
    static String constraintName(String text) {
        String rest = text.substring("CONSTRAINT ".length());
        if (rest.startsWith("\"")) {
            int i = 1;
            while (i < rest.length()) {
                if (rest.charAt(i) == '"' && (i + 1 >= rest.length() || rest.charAt(i + 1) != '"')) {
                    break;
                }
                i += rest.charAt(i) == '"' ? 2 : 1;
            }
            return rest.substring(0, i + 1);
        }
        return rest.substring(0, rest.indexOf(' '));
    }
}
