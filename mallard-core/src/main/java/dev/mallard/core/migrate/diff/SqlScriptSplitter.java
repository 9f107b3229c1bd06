package dev.mallard.core.migrate.diff;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a SQL script on top-level semicolons, skipping those inside quotes, dollar-quoted
 * strings and comments, and remembers the line each statement starts on so that an error
 * can point at it.
 */
public final class SqlScriptSplitter {
    private SqlScriptSplitter() {
    }

    public static List<ScriptStatement> split(String script) {
        List<ScriptStatement> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int line = 1;
        int startLine = -1;
        int i = 0;
        int n = script.length();
        while (i < n) {
            char c = script.charAt(i);
            int end;
            if (c == '-' && i + 1 < n && script.charAt(i + 1) == '-') {
                end = indexOrEnd(script, "\n", i);
                line += newlines(script, i, end);
                i = end;
                continue;
            } else if (c == '/' && i + 1 < n && script.charAt(i + 1) == '*') {
                end = Math.min(n, indexOrEnd(script, "*/", i + 2) + 2);
                line += newlines(script, i, end);
                current.append(' ');
                i = end;
                continue;
            } else if (c == '\'' || c == '"') {
                end = closingQuote(script, i, c);
            } else if (c == '$' && dollarTag(script, i) != null) {
                String tag = dollarTag(script, i);
                end = Math.min(n, indexOrEnd(script, tag, i + tag.length()) + tag.length());
            } else if (c == ';') {
                if (startLine > 0) {
                    statements.add(new ScriptStatement(current.toString().strip(), startLine));
                }
                current.setLength(0);
                startLine = -1;
                i++;
                continue;
            } else {
                end = i + 1;
            }
            if (startLine < 0 && !Character.isWhitespace(c)) {
                startLine = line;
            }
            current.append(script, i, end);
            line += newlines(script, i, end);
            i = end;
        }
        if (startLine > 0) {
            statements.add(new ScriptStatement(current.toString().strip(), startLine));
        }
        return List.copyOf(statements);
    }

    private static int closingQuote(String s, int open, char quote) {
        int i = open + 1;
        while (i < s.length()) {
            if (s.charAt(i) == quote) {
                if (i + 1 < s.length() && s.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return s.length();
    }

    /** {@code $$} or {@code $tag$} starting at {@code i}, or null. */
    private static String dollarTag(String s, int i) {
        int j = i + 1;
        while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
            j++;
        }
        if (j < s.length() && s.charAt(j) == '$' && (j == i + 1 || !Character.isDigit(s.charAt(i + 1)))) {
            return s.substring(i, j + 1);
        }
        return null;
    }

    private static int indexOrEnd(String s, String needle, int from) {
        int at = s.indexOf(needle, from);
        return at < 0 ? s.length() : at;
    }

    private static int newlines(String s, int from, int to) {
        int count = 0;
        for (int k = from; k < to; k++) {
            if (s.charAt(k) == '\n') {
                count++;
            }
        }
        return count;
    }
}
