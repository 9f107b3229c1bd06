package dev.mallard.core.migrate;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a SQL migration file in dbmate's layout: a {@code -- migrate:up} line, the up SQL,
 * then optionally a {@code -- migrate:down} line and the down SQL. A file without a down
 * section cannot be reversed.
 */
public final class SqlMigrationParser {
    /** {@code V1__init.sql}, {@code V2_1__add_index.sql}, {@code V20240101120000__x.sql}. */
    static final Pattern FILE_NAME = Pattern.compile("V([0-9]+(?:[._][0-9]+)*)__([^.]+(?:\\.[^.]+)*)\\.sql");
    /** Transaction control inside a file would commit half a migration: Mallard owns the transaction. */
    private static final Pattern TRANSACTION_CONTROL = Pattern.compile(
            "(?is)^(?:\\s*--[^\\n]*\\n|\\s*/\\*.*?\\*/)*\\s*(BEGIN|START\\s+TRANSACTION|COMMIT|END|ROLLBACK|ABORT)\\b.*");
    private static final Pattern MARKER = Pattern.compile("^\\s*--\\s*migrate:(\\w+)\\b.*$");
    /** A line that looks meant as a marker but is not one ({@code -- migrate: down}, {@code -- Migrate:Down}). */
    private static final Pattern NEAR_MARKER = Pattern.compile("(?i)^\\s*--+\\s*migrate\\s*[:=]?\\s*(up|down)\\b.*$");

    private SqlMigrationParser() {
    }

    /** The version and description a file name encodes; errors name the file. */
    static Matcher checkName(String fileName, String script) {
        Matcher m = FILE_NAME.matcher(fileName);
        if (!m.matches()) {
            throw new MallardException(ErrorCode.PROJECT, "'" + fileName
                    + "' is not a migration file name", script, 0,
                    "name it V<version>__<description>.sql, e.g. V1__create_users.sql or V2_1__add_index.sql", null);
        }
        return m;
    }

    /** Parses {@code content} of the file at {@code script} (relative path, for messages). */
    public static SqlMigration parse(String fileName, String script, String content) {
        Matcher name = checkName(fileName, script);
        MigrationVersion version = MigrationVersion.parse(name.group(1));
        String description = name.group(2).replace('_', ' ').strip();
        String text = Checksums.normalize(content);
        String[] lines = text.split("\n", -1);
        int upLine = 0;
        int downLine = 0;
        for (int i = 0; i < lines.length; i++) {
            Matcher marker = MARKER.matcher(lines[i]);
            if (!marker.matches() && NEAR_MARKER.matcher(lines[i]).matches()) {
                // taken as a comment, it would run the down SQL as part of the up section
                throw new MallardException(ErrorCode.PROJECT, "'" + lines[i].strip() + "' is not a marker", script,
                        i + 1, "write it exactly '-- migrate:up' or '-- migrate:down' (lower case, no space after "
                                + "the colon)", null);
            }
            if (!marker.matches()) {
                if (upLine == 0 && !isCommentOrBlank(lines[i])) {
                    throw new MallardException(ErrorCode.PROJECT, "SQL before the '-- migrate:up' line", script, i + 1,
                            "start the file with '-- migrate:up'", null);
                }
                continue;
            }
            String kind = marker.group(1);
            if (kind.equals("up")) {
                if (upLine != 0) {
                    throw new MallardException(ErrorCode.PROJECT, "a second '-- migrate:up' line (the first is on line "
                            + upLine + ")", script, i + 1);
                }
                upLine = i + 1;
            } else if (kind.equals("down")) {
                if (upLine == 0) {
                    throw new MallardException(ErrorCode.PROJECT, "'-- migrate:down' comes before '-- migrate:up'",
                            script, i + 1);
                }
                if (downLine != 0) {
                    throw new MallardException(ErrorCode.PROJECT, "a second '-- migrate:down' line (the first is on line "
                            + downLine + ")", script, i + 1);
                }
                downLine = i + 1;
            } else {
                throw new MallardException(ErrorCode.PROJECT, "unknown marker '-- migrate:" + kind
                        + "' (expected migrate:up or migrate:down)", script, i + 1);
            }
        }
        if (upLine == 0) {
            throw new MallardException(ErrorCode.PROJECT, "no '-- migrate:up' line", script, 1,
                    "a migration file starts with '-- migrate:up' and may end with a '-- migrate:down' section", null);
        }
        int upEnd = downLine == 0 ? lines.length : downLine - 1;
        List<SqlStatement> up;
        List<SqlStatement> down;
        try {
            up = SqlSplitter.split(join(lines, upLine, upEnd), upLine + 1);
            down = downLine == 0 ? List.of() : SqlSplitter.split(join(lines, downLine, lines.length), downLine + 1);
        } catch (SqlSplitter.UnterminatedComment e) {
            throw new MallardException(ErrorCode.PROJECT, e.getMessage(), script, e.line,
                    "close it with */ (DuckDB nests block comments: each /* needs its own */)", null);
        }
        refuseTransactionControl(up, script);
        refuseTransactionControl(down, script);
        // an empty down section (the template's, left unfilled) undoes nothing: not reversible
        return new SqlMigration(version, description, script, Checksums.of(content), up, down, !down.isEmpty());
    }

    private static void refuseTransactionControl(List<SqlStatement> statements, String script) {
        for (SqlStatement st : statements) {
            Matcher m = TRANSACTION_CONTROL.matcher(st.sql());
            if (m.matches()) {
                throw new MallardException(ErrorCode.PROJECT, "'" + m.group(1).toUpperCase(java.util.Locale.ROOT)
                        + "' in a migration", script, st.line(),
                        "remove it: each migration runs in its own transaction, committed with its history row", null);
            }
        }
    }

    /** Lines {@code from} (0-based, inclusive) to {@code to} (exclusive), joined by LF. */
    private static String join(String[] lines, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) {
            sb.append(lines[i]).append('\n');
        }
        return sb.toString();
    }

    private static boolean isCommentOrBlank(String line) {
        String s = line.strip();
        return s.isEmpty() || s.startsWith("--");
    }
}
