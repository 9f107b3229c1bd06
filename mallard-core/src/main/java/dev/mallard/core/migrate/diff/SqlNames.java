package dev.mallard.core.migrate.diff;

import java.util.Set;
import java.util.regex.Pattern;

/** Identifier spelling for the statements the diff writes: bare when DuckDB allows it, quoted otherwise. */
final class SqlNames {
    private static final Pattern BARE = Pattern.compile("[a-z_][a-z0-9_]*");
    // The reserved words most likely to be used as column names; anything else bare is safe.
    private static final Set<String> RESERVED = Set.of(
            "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "both", "case",
            "cast", "check", "collate", "column", "constraint", "create", "default", "deferrable", "desc",
            "distinct", "do", "else", "end", "except", "false", "fetch", "for", "foreign", "from", "grant",
            "group", "having", "in", "initially", "intersect", "into", "lateral", "leading", "limit",
            "not", "null", "offset", "on", "only", "or", "order", "placing", "primary", "references",
            "returning", "select", "some", "symmetric", "table", "then", "to", "trailing", "true", "union",
            "unique", "user", "using", "variadic", "when", "where", "window", "with");

    private SqlNames() {
    }

    static String quote(String identifier) {
        if (BARE.matcher(identifier).matches() && !RESERVED.contains(identifier)) {
            return identifier;
        }
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** {@code name} in {@code schema}; objects in {@code main} are left unqualified, as DuckDB prints them. */
    static String qualified(String schema, String name) {
        return "main".equals(schema) ? quote(name) : quote(schema) + "." + quote(name);
    }

    /** DuckDB ends catalog SQL with a semicolon; statements here carry none. */
    static String withoutSemicolon(String sql) {
        String s = sql.strip();
        while (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return s;
    }
}
