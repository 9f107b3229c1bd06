package dev.mallard.cli;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every relation of the schemas whose names start with one prefix (the target schema and those
 * derived from it: {@code _dbt_test__audit}, a snapshot's {@code target_schema}) against those
 * of another prefix, on one Postgres: kind, columns with types, rows as a multiset, relation and
 * column comments, indexes (without their names, which dbt-postgres derives from the time),
 * constraints (without their names, which follow the name a table was built under) and grants.
 * A snapshot's meta columns whose value comes from now() (a check strategy's, a hard delete's)
 * are compared as "now", and their {@code dbt_scd_id}, a hash of that time, as "now-based", as
 * conformance/compare.py leaves time-dependent values out.
 */
final class PostgresSchemaComparison {
    private static final Set<String> SNAPSHOT_TIMES = Set.of("dbt_valid_from", "dbt_valid_to", "dbt_updated_at",
            "valid_from", "valid_to");

    private final Connection conn;

    PostgresSchemaComparison(Connection conn) {
        this.conn = conn;
    }

    /** One line per relation of either side: "match ..." or "DIFF ...". */
    List<String> compare(String expectedPrefix, String actualPrefix) throws SQLException {
        Map<String, String> expected = relations(expectedPrefix);
        Map<String, String> actual = relations(actualPrefix);
        Set<String> names = new TreeSet<>(expected.keySet());
        names.addAll(actual.keySet());
        List<String> lines = new ArrayList<>();
        for (String name : names) {
            if (!actual.containsKey(name) || !expected.containsKey(name)) {
                lines.add("DIFF   " + name + ": only in " + (actual.containsKey(name) ? "Mallard" : "dbt"));
                continue;
            }
            String[] e = split(expectedPrefix, name);
            String[] a = split(actualPrefix, name);
            List<String> problems = new ArrayList<>();
            if (!expected.get(name).equals(actual.get(name))) {
                problems.add("kind " + expected.get(name) + " != " + actual.get(name));
            }
            List<List<String>> ec = columns(e);
            List<List<String>> ac = columns(a);
            if (!ec.equals(ac)) {
                problems.add("columns " + ec + " != " + ac);
            } else {
                Map<List<String>, Integer> er = rows(e, ec);
                Map<List<String>, Integer> ar = rows(a, ac);
                if (!er.equals(ar)) {
                    problems.add("rows " + er + " != " + ar);
                }
            }
            for (String aspect : List.of("comments", "indexes", "constraints", "grants")) {
                List<List<String>> x = aspect(aspect, e);
                List<List<String>> y = aspect(aspect, a);
                if (!x.equals(y)) {
                    problems.add(aspect + " " + x + " != " + y);
                }
            }
            lines.add(problems.isEmpty() ? "match  " + name : "DIFF   " + name + ": " + String.join("; ", problems));
        }
        return lines;
    }

    /** Relation "schema-suffix.name" to its kind, for the schemas starting with {@code prefix}. */
    private Map<String, String> relations(String prefix) throws SQLException {
        Map<String, String> out = new TreeMap<>();
        for (List<String> r : query("select table_schema, table_name, table_type from information_schema.tables "
                + "where starts_with(table_schema, '" + prefix + "')")) {
            out.put(r.get(0).substring(prefix.length()) + "." + r.get(1), r.get(2));
        }
        return out;
    }

    private static String[] split(String prefix, String name) {
        int dot = name.indexOf('.');
        return new String[] {prefix + name.substring(0, dot), name.substring(dot + 1)};
    }

    private List<List<String>> columns(String[] rel) throws SQLException {
        return query("select column_name, data_type, coalesce(character_maximum_length, 0)::text, "
                + "coalesce(numeric_precision, 0)::text, coalesce(numeric_scale, 0)::text from information_schema.columns "
                + "where table_schema = '" + rel[0] + "' and table_name = '" + rel[1] + "' order by ordinal_position");
    }

    private Map<List<String>, Integer> rows(String[] rel, List<List<String>> columns) throws SQLException {
        List<String> recent = new ArrayList<>();
        for (List<String> c : columns) {
            if (SNAPSHOT_TIMES.contains(c.get(0)) && c.get(1).startsWith("timestamp")) {
                recent.add(quote(c.get(0)) + " >= now() - interval '1 day'");
            }
        }
        List<String> select = new ArrayList<>();
        for (List<String> c : columns) {
            String col = quote(c.get(0));
            if (SNAPSHOT_TIMES.contains(c.get(0)) && c.get(1).startsWith("timestamp")) {
                select.add("case when " + col + " >= now() - interval '1 day' then 'now' else " + col + "::text end");
            } else if (c.get(0).equals("dbt_scd_id") && !recent.isEmpty()) {
                select.add("case when " + String.join(" or ", recent) + " then 'now-based' else " + col + "::text end");
            } else {
                select.add(col + "::text");
            }
        }
        Map<List<String>, Integer> out = new HashMap<>();
        for (List<String> r : query("select " + String.join(", ", select) + " from " + quote(rel[0]) + "."
                + quote(rel[1]))) {
            out.merge(r, 1, Integer::sum);
        }
        return out;
    }

    private List<List<String>> aspect(String aspect, String[] rel) throws SQLException {
        String oid = "'" + quote(rel[0]).replace("'", "''") + "." + quote(rel[1]).replace("'", "''") + "'::regclass";
        String schema = rel[0];
        return switch (aspect) {
            case "comments" -> query("select objsubid::text, description from pg_description where objoid = " + oid
                    + " order by 1");
            case "indexes" -> query("select regexp_replace(replace(indexdef, '" + schema + ".', ''), "
                    + "'^CREATE (UNIQUE )?INDEX \\S+ ON ', 'CREATE \\1INDEX ON ') from pg_indexes where schemaname = '"
                    + schema + "' and tablename = '" + rel[1] + "' order by 1");
            case "constraints" -> query("select contype::text, replace(pg_get_constraintdef(oid), '" + schema
                    + ".', '') from pg_constraint where conrelid = " + oid + " order by 1, 2");
            default -> query("select grantee, privilege_type from information_schema.role_table_grants where "
                    + "table_schema = '" + schema + "' and table_name = '" + rel[1] + "' and grantee <> current_user "
                    + "order by 1, 2");
        };
    }

    private static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    private List<List<String>> query(String sql) throws SQLException {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            List<List<String>> out = new ArrayList<>();
            while (rs.next()) {
                List<String> row = new ArrayList<>(n);
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                out.add(row);
            }
            return out;
        }
    }
}
