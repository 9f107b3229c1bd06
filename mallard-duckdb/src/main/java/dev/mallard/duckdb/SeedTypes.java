package dev.mallard.duckdb;

import dev.mallard.core.engine.Relation;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A seed's column types as dbt-duckdb gives them, inferred inside DuckDB from the file's text
 * (read once, as VARCHAR, into a temporary table). dbt infers each column with agate's type
 * tester — number, then date {@code %Y-%m-%d}, datetime {@code %Y-%m-%d %H:%M:%S}, ISO
 * datetime, boolean {@code true/false}, else text; {@code ''} and {@code null} fit any of them
 * — so {@code 08:00:00} is text, a whole-number column INTEGER and one with a fraction
 * DOUBLE. Where dbt fails on whole numbers beyond INTEGER, Mallard widens to BIGINT/HUGEINT.
 *
 * <p>Written by hand because no library reproduces agate's rules. To stay near the speed of
 * reading the file, each kind is a search for one value that does not fit (a text column
 * ends each search at its first row), and the number test tries DuckDB's own DOUBLE cast
 * before agate's pattern: every value DuckDB reads as a DOUBLE, except those with {@code +-}
 * or {@code _}, is an agate number (checked on a large sample of generated strings), so the
 * regular expression only runs on the others.
 */
final class SeedTypes {
    static final String WS = "' \t\n\r\f'";
    private static final String CURRENCY = "'؋$ƒ៛¥₡₱£€¢﷼₪₩₭₮₦฿₤₫'";
    private static final String DECIMAL =
            "'[+-]?([0-9]+(_[0-9]+)*(\\.([0-9]+(_[0-9]+)*)?)?|\\.[0-9]+(_[0-9]+)*)([eE][+-]?[0-9]+)?'";
    private static final String SPECIAL = "'[+-]?(inf(inity)?|s?nan[0-9]*)'";
    private static final String DATE = "([0-9]{4})-(1[0-2]|0[1-9]|[1-9])-(3[01]|[12][0-9]|0[1-9]|[1-9]| [1-9])";
    private static final String DATETIME = DATE + "\\s+(2[0-3]|[01][0-9]|[0-9]):([0-5][0-9]|[0-9]):([0-5][0-9]|[0-9])";
    private static final String ISO_DATE = "([0-9]{4})-?([0-9]{2})-?([0-9]{2})";
    private static final String ISO_TIME =
            "(2[0-4]|[01][0-9])(:?[0-5][0-9](:?([0-5][0-9]|60)([.,][0-9]+)?)?)?(Z|[+-][0-9]{2}(:?[0-9]{2})?)?";
    /** Read by DuckDB as a DOUBLE and so an agate number (not so with +- or _, which agate may refuse). */
    private static final String FAST_NUMBER =
            "(TRY_CAST(s AS DOUBLE) IS NOT NULL AND NOT contains(s, '+-') AND NOT contains(s, '_'))";
    private static final BigDecimal INT_MIN = BigDecimal.valueOf(Integer.MIN_VALUE);
    private static final BigDecimal INT_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private final Function<String, List<List<Object>>> sql;
    private final String table;

    /** {@code sql} runs a query and gives its rows; {@code table} holds the file's text. */
    SeedTypes(Function<String, List<List<Object>>> sql, String table) {
        this.sql = sql;
        this.table = table;
    }

    /** The DuckDB type of each column, in the order given. */
    Map<String, String> infer(List<String> columns) {
        Map<String, String> types = new LinkedHashMap<>();
        for (String column : columns) {
            types.put(column, columnType(column));
        }
        return types;
    }

    private String columnType(String column) {
        // DuckDB evaluates a filter's AND terms one after the other on the rows left, so the
        // costly pattern runs only on values DuckDB's DOUBLE cast does not settle
        String r = numberText("s");
        if (allFit(column, FAST_NUMBER) || allFit(column, FAST_NUMBER, "regexp_full_match(" + r + ", " + SPECIAL
                + ", 'i') OR regexp_full_match(" + r + ", " + DECIMAL + ")")) {
            return numberType(column);
        }
        // the usual layouts are settled by DuckDB's own date parsing, the others by agate's patterns
        if (allFit(column, "(s LIKE '____-__-__' AND TRY_CAST(s AS DATE) IS NOT NULL)", "regexp_full_match(s, '" + DATE
                + "') AND TRY_CAST(replace(s, ' ', '') AS DATE) IS NOT NULL")) {
            return "DATE";
        }
        if (allFit(column, "(s LIKE '____-__-__ __:__:__' AND TRY_STRPTIME(s, '%Y-%m-%d %H:%M:%S') IS NOT NULL)",
                datetimeFits()) || allFit(column, isoFits())) {
            return "TIMESTAMP";
        }
        return allFit(column, "s IN ('true', 'false', 'True', 'False', 'TRUE', 'FALSE')",
                "lower(trim(replace(s, ',', ''), " + WS + ")) IN ('true', 'false')") ? "BOOLEAN" : "VARCHAR";
    }

    /** Whether every value of the column that is not empty or null satisfies {@code fits} (of its trimmed text s). */
    private boolean allFit(String column, String fits) {
        return allFit(column, "false", fits);
    }

    /** As above, where a value that satisfies {@code settled} fits without {@code fits} being evaluated. */
    private boolean allFit(String column, String settled, String fits) {
        List<List<Object>> rows = sql.apply("SELECT count(*) = 0 FROM (SELECT 1 FROM (SELECT " + trimmed(column)
                + " AS s FROM " + table + ") WHERE NOT " + nullish("s") + " AND NOT coalesce(" + settled + ", false)"
                + " AND NOT coalesce(" + fits + ", false) LIMIT 1)");
        return Boolean.TRUE.equals(rows.get(0).get(0));
    }

    /** INTEGER, BIGINT, HUGEINT or DOUBLE for a column whose values all read as agate numbers. */
    private String numberType(String column) {
        // first as DOUBLEs (exact below 2^53); agate reads inf and nan as 0 (an overflow to inf is large)
        String d = "CASE WHEN (isinf(x) OR isnan(x)) AND (lower(s) LIKE '%inf%' OR lower(s) LIKE '%nan%') THEN 0 ELSE x END";
        List<Object> quick = sql.apply("SELECT coalesce(bool_or(d <> floor(d)), false), min(d), max(d), "
                + "coalesce(bool_or(d IS NULL OR abs(d) >= 9007199254740992), false) FROM (SELECT " + d + " AS d FROM "
                + "(SELECT s, CASE WHEN " + FAST_NUMBER + " THEN TRY_CAST(s AS DOUBLE) END AS x FROM (SELECT "
                + trimmed(column) + " AS s FROM " + table + ") WHERE NOT " + nullish("s") + "))").get(0);
        if (!Boolean.TRUE.equals(quick.get(3))) {
            return Boolean.TRUE.equals(quick.get(0)) ? "DOUBLE"
                    : wholeType(decimal(quick.get(1)), decimal(quick.get(2)));
        }
        // some value is large, or only agate reads it (1,000 or $3): its exact text, as DECIMAL(38,0)
        String t = "CASE WHEN " + FAST_NUMBER + " THEN (CASE WHEN starts_with(s, '-') THEN substr(s, 2) ELSE s END)"
                + " ELSE " + numberText("s") + " END";
        String fraction = "CASE WHEN contains(lower(d), 'e') THEN TRY_CAST(d AS DOUBLE) <> floor(TRY_CAST(d AS DOUBLE))"
                + " ELSE rtrim(split_part(d, '.', 2), '0') <> '' END";
        List<Object> row = sql.apply("SELECT coalesce(bool_or(NOT special AND (" + fraction + ")), false), "
                + "coalesce(bool_or(v IS NULL), false), min(v), max(v) FROM (SELECT d, special, (CASE WHEN special THEN 0"
                + " ELSE TRY_CAST(d AS DECIMAL(38,0)) END) * sign AS v FROM (SELECT replace(t, '_', '') AS d, "
                + "(lower(t) LIKE '%inf%' OR lower(t) LIKE '%nan%') AS special, "
                + "CASE WHEN starts_with(trim(s, '%'), '-') THEN -1 ELSE 1 END AS sign FROM (SELECT s, " + t + " AS t"
                + " FROM (SELECT " + trimmed(column) + " AS s FROM " + table + ") WHERE NOT " + nullish("s") + ")))")
                .get(0);
        if (Boolean.TRUE.equals(row.get(0)) || Boolean.TRUE.equals(row.get(1))) {
            return "DOUBLE"; // a fraction, or a whole number beyond 38 digits
        }
        return wholeType(decimal(row.get(2)), decimal(row.get(3)));
    }

    /** The range always includes 0, as agate's does. */
    static String wholeType(BigDecimal min, BigDecimal max) {
        BigDecimal lo = min.min(BigDecimal.ZERO);
        BigDecimal hi = max.max(BigDecimal.ZERO);
        if (lo.compareTo(INT_MIN) >= 0 && hi.compareTo(INT_MAX) <= 0) {
            return "INTEGER";
        }
        return lo.compareTo(LONG_MIN) >= 0 && hi.compareTo(LONG_MAX) <= 0 ? "BIGINT" : "HUGEINT";
    }

    static BigDecimal decimal(Object o) {
        if (o == null) {
            return BigDecimal.ZERO;
        }
        return o instanceof Double x ? BigDecimal.valueOf(x) : new BigDecimal(String.valueOf(o));
    }

    /** Spaces trimmed (agate strips all whitespace; a tab or newline at a value's edge is rare and costly here). */
    private static String trimmed(String column) {
        return "trim(" + Relation.quote(column) + ")";
    }

    private static String nullish(String s) {
        return "(" + s + " IS NULL OR " + s + " = '' OR lower(" + s + ") = 'null')";
    }

    /** agate's Number reads the text without % and currency signs, a leading minus and grouping commas. */
    private static String numberText(String s) {
        String p = "trim(" + s + ", '%')";
        return "trim(replace(trim(CASE WHEN starts_with(" + p + ", '-') THEN substr(" + p + ", 2) ELSE " + p + " END, "
                + CURRENCY + "), ',', ''), " + WS + ")";
    }

    private static String datetimeFits() {
        return "regexp_full_match(s, '" + DATETIME + "') AND TRY_CAST(replace(regexp_extract(s, "
                + "'^[0-9]+-[0-9]+- ?[0-9]+'), ' ', '') AS DATE) IS NOT NULL";
    }

    /** Exactly one T, an ISO date before it (a real date) and an ISO time after it. */
    private static String isoFits() {
        String date = "split_part(s, 'T', 1)";
        String ymd = "regexp_replace(" + date + ", '^" + ISO_DATE + "$', '\\1-\\2-\\3')";
        return "len(s) - len(replace(s, 'T', '')) = 1 AND regexp_full_match(" + date + ", '" + ISO_DATE
                + "') AND regexp_full_match(split_part(s, 'T', 2), '" + ISO_TIME + "') AND regexp_full_match("
                + ymd + ", '" + DATE + "') AND TRY_CAST(" + ymd + " AS DATE) IS NOT NULL";
    }
}
