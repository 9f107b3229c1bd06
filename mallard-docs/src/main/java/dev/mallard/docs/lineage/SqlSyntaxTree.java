package dev.mallard.docs.lineage;

/**
 * Parses one SQL statement into DuckDB's JSON syntax tree, the text of
 * {@code json_serialize_sql(sql)}. The CLI answers it through its engine session.
 */
@FunctionalInterface
public interface SqlSyntaxTree {
    String parse(String sql);

    /** Parses many statements, in order; an engine answers them in fewer round trips. */
    default java.util.List<String> parseAll(java.util.List<String> sqls) {
        return sqls.stream().map(this::parse).toList();
    }
}
