package dev.mallard.spark;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a script at the semicolons that end statements (not those in quotes or comments):
 * Spark's {@code sql()} runs one statement at a time, where hooks and operations may hold several.
 */
final class SparkStatements {
    private SparkStatements() {
    }

    static List<String> split(String sql) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int end = i + 1;
                while (end < n && sql.charAt(end) != c) {
                    end += sql.charAt(end) == '\\' && c == '\'' ? 2 : 1;
                }
                end = Math.min(end + 1, n);
                current.append(sql, i, end);
                i = end;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                end = end < 0 ? n : end;
                current.append(sql, i, end);
                i = end;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                current.append(sql, i, end);
                i = end;
            } else if (c == ';') {
                add(out, current);
                i++;
            } else {
                current.append(c);
                i++;
            }
        }
        add(out, current);
        return out;
    }

    private static void add(List<String> out, StringBuilder current) {
        String s = current.toString().strip();
        if (!s.isEmpty() && !onlyComments(s)) {
            out.add(s);
        }
        current.setLength(0);
    }

    private static boolean onlyComments(String s) {
        return s.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("--[^\n]*", "").isBlank();
    }
}
