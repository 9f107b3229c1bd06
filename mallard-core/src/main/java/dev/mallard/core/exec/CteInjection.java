package dev.mallard.core.exec;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Ephemeral models' SQL put before the statement that reads them, as dbt's common table expressions. */
final class CteInjection {
    /** The statement's own {@code with} (or {@code with recursive}), after any whitespace and comments. */
    private static final Pattern LEADING_WITH = Pattern.compile(
            "^(\\s*(?:--[^\\n]*\\n\\s*|/\\*.*?\\*/\\s*)*)with(\\s+recursive)?\\b",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private CteInjection() {
    }

    /**
     * {@code sql} with {@code ctes} (name to SQL) defined first, spaced as dbt's compiled code is: each CTE is
     * {@code " name as (\n<sql>\n)"}, joined by {@code ", "}, and put after the statement's own {@code with}
     * (or {@code with recursive}) followed by {@code ", "}, or else after a new {@code with} before the
     * statement's first token, followed by a space. A CTE's trailing semicolon is dropped (dbt keeps it and the
     * statement then fails).
     */
    static String inject(String sql, Map<String, String> ctes) {
        if (ctes.isEmpty()) {
            return sql;
        }
        StringBuilder defs = new StringBuilder();
        for (Map.Entry<String, String> e : ctes.entrySet()) {
            if (!defs.isEmpty()) {
                defs.append(", ");
            }
            String body = e.getValue();
            if (body.stripTrailing().endsWith(";")) {
                body = NodeCompiler.stripTrailingSemicolon(body);
            }
            defs.append(' ').append(e.getKey()).append(" as (\n").append(body).append("\n)");
        }
        Matcher m = LEADING_WITH.matcher(sql);
        if (m.find()) {
            int next = m.end();
            while (next < sql.length() && Character.isWhitespace(sql.charAt(next))) {
                next++;
            }
            return sql.substring(0, next) + defs + ", " + sql.substring(next);
        }
        int first = 0;
        while (first < sql.length() && Character.isWhitespace(sql.charAt(first))) {
            first++;
        }
        return sql.substring(0, first) + "with" + defs + " " + sql.substring(first);
    }
}
