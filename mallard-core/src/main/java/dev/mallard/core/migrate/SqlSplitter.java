package dev.mallard.core.migrate;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL text into statements at semicolons that are outside quotes ('...', "..."),
 * dollar quotes ($$...$$, $tag$...$tag$) and comments (-- and nested /* *&#47;), keeping
 * the line each statement starts on so that errors can name it.
 */
final class SqlSplitter {
    /** A block comment that never ends would silently swallow every statement after it. */
    static final class UnterminatedComment extends RuntimeException {
        final int line;

        UnterminatedComment(int line) {
            super("a /* comment that is never closed starts here", null, false, false);
            this.line = line;
        }
    }

    private SqlSplitter() {
    }

    /** Statements of {@code sql}, whose first line is line {@code firstLine} of its file. */
    static List<SqlStatement> split(String sql, int firstLine) {
        List<SqlStatement> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int line = firstLine;
        int startLine = -1;
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                end = end < 0 ? n : end;
                current.append(sql, i, end);
                i = end;
                continue;
            }
            if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = blockCommentEnd(sql, i);
                if (end < 0) {
                    throw new UnterminatedComment(line);
                }
                String comment = sql.substring(i, end);
                current.append(comment);
                line += count(comment, '\n');
                i = end;
                continue;
            }
            if (startLine < 0 && !Character.isWhitespace(c) && c != ';') {
                startLine = line;
            }
            if (c == '\'' || c == '"') {
                int end = quotedEnd(sql, i, c, c == '\'' && isEscapeString(sql, i));
                String quoted = sql.substring(i, end);
                current.append(quoted);
                line += count(quoted, '\n');
                i = end;
                continue;
            }
            if (c == '$') {
                String tag = dollarTag(sql, i);
                if (tag != null) {
                    int close = sql.indexOf(tag, i + tag.length());
                    int end = close < 0 ? n : close + tag.length();
                    String quoted = sql.substring(i, end);
                    current.append(quoted);
                    line += count(quoted, '\n');
                    i = end;
                    continue;
                }
            }
            if (c == ';') {
                add(out, current, startLine);
                current.setLength(0);
                startLine = -1;
                i++;
                continue;
            }
            if (c == '\n') {
                line++;
            }
            current.append(c);
            i++;
        }
        add(out, current, startLine);
        return out;
    }

    private static void add(List<SqlStatement> out, StringBuilder current, int startLine) {
        String text = current.toString().strip();
        if (startLine >= 0 && !text.isEmpty()) {
            out.add(new SqlStatement(text, startLine));
        }
    }

    private static int blockCommentEnd(String sql, int start) {
        int depth = 0;
        int i = start;
        while (i < sql.length()) {
            if (sql.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (sql.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return -1;
    }

    /** {@code E'...'}: a string where a backslash escapes the next character. */
    private static boolean isEscapeString(String sql, int quote) {
        if (quote < 1 || Character.toUpperCase(sql.charAt(quote - 1)) != 'E') {
            return false;
        }
        return quote < 2 || !(Character.isLetterOrDigit(sql.charAt(quote - 2)) || sql.charAt(quote - 2) == '_');
    }

    /**
     * End (exclusive) of a quoted run starting at {@code start}; a doubled quote is an
     * escaped one, and so is a backslashed one in an escape string.
     */
    private static int quotedEnd(String sql, int start, char quote, boolean backslashEscapes) {
        int i = start + 1;
        while (i < sql.length()) {
            if (backslashEscapes && sql.charAt(i) == '\\') {
                i += 2;
                continue;
            }
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    /** {@code $$} or {@code $tag$} starting at {@code start}, else null (e.g. a positional $1). */
    private static String dollarTag(String sql, int start) {
        int i = start + 1;
        while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
            i++;
        }
        if (i < sql.length() && sql.charAt(i) == '$') {
            String tag = sql.substring(start, i + 1);
            if (tag.length() > 2 && Character.isDigit(tag.charAt(1))) {
                return null;
            }
            return tag;
        }
        return null;
    }

    private static int count(String s, char c) {
        int k = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                k++;
            }
        }
        return k;
    }
}
