package dev.mallard.core.migrate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Auto-increment keys the way Postgres users write them, on DuckDB, which has sequences but
 * neither identity columns nor serial types. In a migration's CREATE TABLE, a column
 * {@code GENERATED {ALWAYS | BY DEFAULT} AS IDENTITY [(START WITH n INCREMENT BY m)]} or of
 * type {@code SMALLSERIAL / SERIAL / BIGSERIAL} becomes {@code DEFAULT nextval('<table>_<column>_seq')}
 * after a {@code CREATE SEQUENCE} of that name, marked as owned by the column (a comment).
 * {@code DROP TABLE} drops the sequences its identity columns owned, as Postgres does.
 * {@code ALWAYS} is not enforced: an explicit value is accepted as with {@code BY DEFAULT}.
 */
public final class IdentityColumns {
    static final String OWNED_BY = "mallard identity column of ";

    private static final String NAME = "(?:\"(?:[^\"]|\"\")+\"|[A-Za-z_][\\w$]*)";
    private static final Pattern CREATE = Pattern.compile("(?is)^(\\s*create\\s+(?:or\\s+replace\\s+)?table\\s+"
            + "(?:if\\s+not\\s+exists\\s+)?)" + SqlNames.QUALIFIED + "\\s*\\(");
    private static final Pattern DROP = Pattern.compile("(?is)^\\s*drop\\s+table\\s+(?:if\\s+exists\\s+)?"
            + SqlNames.QUALIFIED + "\\s*;?\\s*$");
    private static final Pattern IDENTITY = Pattern.compile("(?is)\\s+generated\\s+(?:always|by\\s+default)\\s+as\\s+"
            + "identity(?:\\s*\\(([^)]*)\\))?");
    private static final Pattern SERIAL = Pattern.compile("(?is)^(\\s*" + NAME + "\\s+)(smallserial|serial|bigserial|"
            + "serial2|serial4|serial8)\\b");
    private static final Pattern START = Pattern.compile("(?i)start\\s+(?:with\\s+)?(-?\\d+)");
    private static final Pattern INCREMENT = Pattern.compile("(?i)increment\\s+(?:by\\s+)?(-?\\d+)");

    private IdentityColumns() {
    }

    /** The statements to run for {@code sql}: itself, or the sequences then the rewritten CREATE TABLE. */
    public static List<String> expand(String statement) {
        int lead = afterComments(statement, 0);
        String head = statement.substring(0, lead);
        String sql = statement.substring(lead);
        Matcher create = CREATE.matcher(sql);
        if (!create.find()) {
            return List.of(statement);
        }
        int open = create.end() - 1;
        int close = matchingParen(sql, open);
        if (close < 0) {
            return List.of(sql);
        }
        String table = create.group(2);
        List<String> sequences = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        for (String element : elements(sql, open, close)) {
            String rewritten = element;
            String column = columnName(element);
            Matcher identity = IDENTITY.matcher(element);
            int start = afterComments(element, 0);
            Matcher serial = SERIAL.matcher(element.substring(start));
            if (column != null && identity.find()) {
                String seq = sequenceName(table, column);
                sequences.add(createSequence(seq, identity.group(1)));
                rewritten = element.substring(0, identity.start()) + " DEFAULT nextval('" + seq.replace("'", "''") + "')"
                        + element.substring(identity.end());
            } else if (column != null && serial.find()) {
                String seq = sequenceName(table, column);
                sequences.add(createSequence(seq, null));
                String type = switch (serial.group(2).toLowerCase(Locale.ROOT)) {
                    case "smallserial", "serial2" -> "SMALLINT";
                    case "bigserial", "serial8" -> "BIGINT";
                    default -> "INTEGER";
                };
                rewritten = element.substring(0, start) + serial.group(1) + type + " NOT NULL DEFAULT nextval('"
                        + seq.replace("'", "''") + "')" + element.substring(start + serial.end());
            } else {
                rewritten = element;
            }
            if (!body.isEmpty()) {
                body.append(',');
            }
            body.append(rewritten);
        }
        if (sequences.isEmpty()) {
            return List.of(statement);
        }
        List<String> out = new ArrayList<>();
        for (String s : sequences) {
            out.add(s);
        }
        for (String s : sequences) {
            String seq = s.substring("CREATE SEQUENCE ".length(), s.indexOf(' ', "CREATE SEQUENCE ".length()) < 0
                    ? s.length() : s.indexOf(' ', "CREATE SEQUENCE ".length()));
            out.add("COMMENT ON SEQUENCE " + seq + " IS '" + OWNED_BY + SqlNames.bare(table).replace("'", "''") + "'");
        }
        out.add(head + sql.substring(0, open + 1) + body + sql.substring(close));
        return out;
    }

    /** The table a {@code DROP TABLE} statement drops (unqualified), or null. */
    static String droppedTable(String sql) {
        Matcher m = DROP.matcher(sql.substring(afterComments(sql, 0)));
        return m.find() ? SqlNames.bare(m.group(1)) : null;
    }

    /** The schema a {@code DROP TABLE} statement names, or null when unqualified (or not a drop). */
    static String droppedSchema(String sql) {
        Matcher m = DROP.matcher(sql.substring(afterComments(sql, 0)));
        if (!m.find()) {
            return null;
        }
        String name = SqlNames.unquote(m.group(1));
        int dot = name.lastIndexOf('.');
        return dot < 0 ? null : name.substring(name.lastIndexOf('.', dot - 1) + 1, dot);
    }

    /** The index after whitespace and comments starting at {@code from}. */
    static int afterComments(String sql, int from) {
        int i = from;
        while (i < sql.length()) {
            if (Character.isWhitespace(sql.charAt(i))) {
                i++;
            } else if (sql.startsWith("--", i)) {
                int nl = sql.indexOf('\n', i);
                i = nl < 0 ? sql.length() : nl + 1;
            } else if (sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? sql.length() : end + 2;
            } else {
                break;
            }
        }
        return i;
    }

    private static String createSequence(String name, String options) {
        StringBuilder sb = new StringBuilder("CREATE SEQUENCE ").append(name);
        if (options != null) {
            Matcher start = START.matcher(options);
            if (start.find()) {
                sb.append(" START ").append(start.group(1));
            }
            Matcher inc = INCREMENT.matcher(options);
            if (inc.find()) {
                sb.append(" INCREMENT BY ").append(inc.group(1));
            }
        }
        return sb.toString();
    }

    /** {@code <table>_<column>_seq}, in the table's schema, quoted when needed. */
    private static String sequenceName(String table, String column) {
        String qualified = SqlNames.unquote(table);
        int dot = qualified.lastIndexOf('.');
        String prefix = dot < 0 ? "" : quoteIfNeeded(qualified.substring(0, dot)) + ".";
        String bare = dot < 0 ? qualified : qualified.substring(dot + 1);
        return prefix + quoteIfNeeded(bare + "_" + SqlNames.unquote(column) + "_seq");
    }

    private static String quoteIfNeeded(String name) {
        return name.matches("[a-z_][a-z0-9_]*") ? name : "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static String columnName(String element) {
        Matcher m = Pattern.compile("(?s)^\\s*(" + NAME + ")\\s+").matcher(element.substring(afterComments(element, 0)));
        if (!m.find()) {
            return null;
        }
        String word = m.group(1).toLowerCase(Locale.ROOT);
        boolean constraint = switch (word) {
            case "primary", "unique", "check", "foreign", "constraint" -> true;
            default -> false;
        };
        return constraint ? null : m.group(1);
    }

    /**
     * Scans from the {@code (} at {@code open}, skipping quotes and comments, to its matching
     * {@code )}: returns that index (-1 when there is none) and adds to {@code commas} the
     * commas at the first level inside.
     */
    private static int scanParens(String sql, int open, List<Integer> commas) {
        int depth = 0;
        boolean single = false;
        boolean dbl = false;
        for (int i = open; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (single) {
                single = c != '\'';
            } else if (dbl) {
                dbl = c != '"';
            } else if (sql.startsWith("--", i) || sql.startsWith("/*", i)) {
                i = afterComments(sql, i) - 1;
            } else if (c == '\'') {
                single = true;
            } else if (c == '"') {
                dbl = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            } else if (c == ',' && depth == 1) {
                commas.add(i);
            }
        }
        return -1;
    }

    private static int matchingParen(String sql, int open) {
        return scanParens(sql, open, new ArrayList<>());
    }

    /** The elements of the parenthesised list from {@code open} to {@code close}, split at its top-level commas. */
    private static List<String> elements(String sql, int open, int close) {
        List<Integer> commas = new ArrayList<>();
        scanParens(sql, open, commas);
        List<String> out = new ArrayList<>();
        int from = open + 1;
        for (int comma : commas) {
            out.add(sql.substring(from, comma));
            from = comma + 1;
        }
        out.add(sql.substring(from, close));
        return out;
    }
}
