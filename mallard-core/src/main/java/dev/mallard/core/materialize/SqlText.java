package dev.mallard.core.materialize;

/** Small text fixes that make compiled SQL embeddable in DDL. */
final class SqlText {
    private SqlText() {
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
