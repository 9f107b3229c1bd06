package dev.mallard.spark;

import dev.mallard.core.engine.Relation;

/** Relation names as Spark's own APIs (not its SQL, which reads Mallard's double quotes) take them. */
final class SparkNames {
    private SparkNames() {
    }

    /** A name part in double quotes, for SQL (the session reads them as identifiers). */
    static String quote(String part) {
        return Relation.quote(part);
    }

    /** {@code `catalog`.`schema`.`table`}: the multi-part name DataFrame APIs parse. */
    static String backticked(Relation r) {
        StringBuilder sb = new StringBuilder();
        for (String part : new String[] {r.database(), r.schema(), r.identifier()}) {
            if (part != null && !part.isEmpty()) {
                sb.append(sb.isEmpty() ? "" : ".").append('`').append(part.replace("`", "``")).append('`');
            }
        }
        return sb.toString();
    }

    /** A string literal. */
    static String literal(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
