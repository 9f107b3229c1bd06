package dev.mallard.core.migrate;

import java.util.Locale;

/** Table names as migrations write them: plain or double-quoted parts, dot-qualified. */
final class SqlNames {
    /** A possibly qualified name, as one capturing group. */
    static final String QUALIFIED = "((?:\"(?:[^\"]|\"\")+\"|[\\w$]+)(?:\\s*\\.\\s*(?:\"(?:[^\"]|\"\")+\"|[\\w$]+))*)";

    private SqlNames() {
    }

    /** Unquoted and dot-joined; plain parts lower-case (DuckDB folds them), quoted parts as written. */
    static String unquote(String qualified) {
        StringBuilder sb = new StringBuilder();
        for (String part : qualified.split("\\s*\\.\\s*(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
            if (!sb.isEmpty()) {
                sb.append('.');
            }
            String p = part.strip();
            sb.append(p.startsWith("\"") ? p.substring(1, p.length() - 1).replace("\"\"", "\"")
                    : p.toLowerCase(Locale.ROOT));
        }
        return sb.toString();
    }

    /** The last part, unquoted (quoted parts keep their case). */
    static String bare(String qualified) {
        String name = unquote(qualified);
        return name.substring(name.lastIndexOf('.') + 1);
    }

    /** The last part, unquoted and lower-case: how the checks compare table names. */
    static String key(String qualified) {
        return bare(qualified).toLowerCase(Locale.ROOT);
    }
}
