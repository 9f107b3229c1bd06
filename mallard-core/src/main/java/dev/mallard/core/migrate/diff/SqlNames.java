package dev.mallard.core.migrate.diff;

import java.util.Set;
import java.util.regex.Pattern;

/** Identifier spelling for the statements the diff writes: bare when DuckDB allows it, quoted otherwise. */
final class SqlNames {
    private static final Pattern BARE = Pattern.compile("[a-z_][a-z0-9_]*");
    // DuckDB 2.0's reserved, column-name and type/function keywords (duckdb_keywords()), which
    // need quotes as identifiers; unreserved keywords do not.
    private static final Set<String> KEYWORDS = Set.of(
            "all", "analyse", "analyze", "and", "anti", "any", "array", "as", "asc", "asof", "asymmetric",
            "at", "authorization", "between", "bigint", "binary", "bit", "boolean", "both", "by", "case",
            "cast", "char", "character", "check", "coalesce", "collate", "collation", "column", "columns",
            "concurrently", "constraint", "create", "cross", "dec", "decimal", "default", "deferrable",
            "desc", "describe", "distinct", "do", "else", "end", "except", "exists", "extract", "false",
            "fetch", "float", "for", "foreign", "freeze", "from", "full", "generated", "glob", "group",
            "grouping", "grouping_id", "having", "ilike", "in", "initially", "inner", "inout", "int",
            "integer", "intersect", "interval", "into", "is", "isnull", "join", "lambda", "lateral",
            "leading", "left", "like", "limit", "map", "national", "natural", "nchar", "none", "not",
            "notnull", "null", "nullif", "numeric", "offset", "on", "only", "or", "order", "out", "outer",
            "overlaps", "overlay", "pivot", "pivot_longer", "pivot_wider", "placing", "position",
            "positional", "precision", "primary", "qualify", "real", "references", "returning", "right",
            "row", "select", "semi", "setof", "show", "similar", "smallint", "some", "struct", "substring",
            "summarize", "symmetric", "table", "tablesample", "then", "time", "timestamp", "to", "trailing",
            "treat", "trim", "true", "try_cast", "tuple", "union", "unique", "unpack", "unpivot", "using",
            "values", "varchar", "variadic", "verbose", "when", "where", "window", "with", "xmlattributes",
            "xmlconcat", "xmlelement", "xmlexists", "xmlforest", "xmlnamespaces", "xmlparse", "xmlpi",
            "xmlroot", "xmlserialize", "xmltable");

    private SqlNames() {
    }

    static String quote(String identifier) {
        if (BARE.matcher(identifier).matches() && !KEYWORDS.contains(identifier)) {
            return identifier;
        }
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /**
     * {@code name} in {@code schema}; objects in {@code main} are left unqualified, as DuckDB prints
     * them, and so are all where {@code schema} is empty (a model of an unqualified Postgres scope).
     */
    static String qualified(String schema, String name) {
        return "main".equals(schema) || schema.isEmpty() ? quote(name) : quote(schema) + "." + quote(name);
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
