package dev.mallard.core.materialize;

/** Small text fixes that make compiled SQL embeddable in DDL. */
final class SqlText {
    private SqlText() {
    }

    private static final java.util.regex.Pattern CREATE_AS = java.util.regex.Pattern.compile(
            "^\\s*create\\s+(?:or\\s+replace\\s+)?(?:table|view)\\s+(\\S+)\\s+as\\s*",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    /**
     * The model's SELECT. Some projects (seed 000) write {@code CREATE OR REPLACE TABLE
     * {{ this }} AS SELECT ...} inside a table model; dbt fails on that, Mallard takes the
     * SELECT and still builds through the atomic swap.
     */
    static String selectOf(String sql, dev.mallard.core.engine.Relation self) {
        java.util.regex.Matcher m = CREATE_AS.matcher(sql);
        if (m.find() && sameRelation(m.group(1), self)) {
            return body(sql.substring(m.end()));
        }
        return body(sql);
    }

    private static boolean sameRelation(String written, dev.mallard.core.engine.Relation self) {
        String w = written.replace("\"", "").toLowerCase(java.util.Locale.ROOT);
        String id = self.identifier().toLowerCase(java.util.Locale.ROOT);
        return w.equals(id) || w.endsWith("." + id);
    }

    /** The statement without trailing semicolons, so it can sit inside {@code AS ( ... )}. */
    static String body(String sql) {
        String s = sql.stripTrailing();
        while (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).stripTrailing();
        }
        return s;
    }
}
