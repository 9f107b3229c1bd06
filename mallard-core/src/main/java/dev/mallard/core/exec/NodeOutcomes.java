package dev.mallard.core.exec;

import dev.mallard.core.error.MallardException;
import dev.mallard.core.manifest.Node;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a finished node reports in run_results: a failure's description, the adapter's response. */
final class NodeOutcomes {
    private static final Pattern INSERT = Pattern.compile("INSERT (\\d+)");

    private NodeOutcomes() {
    }

    /** A failed node's message: its file (and the SQL error's line where known), the error, a hint. */
    /**
     * A node's failure as its result's message: dbt's first line ("Runtime Error in model orders
     * (models/orders.sql)": a compilation error for a template or a project mistake, a runtime error for what
     * the database refused), then Mallard's own, which names the file and line.
     */
    static String describeFailure(Node node, RuntimeException e, String compiled) {
        boolean compilation = e instanceof MallardException me && (me.code() == dev.mallard.core.error.ErrorCode.JINJA
                || me.code() == dev.mallard.core.error.ErrorCode.PROJECT
                || me.code() == dev.mallard.core.error.ErrorCode.UNKNOWN_REFERENCE);
        return (compilation ? "Compilation Error" : "Runtime Error") + " in " + node.resourceType().dbtName() + " "
                + node.name() + " (" + node.originalFilePath() + ")" + System.lineSeparator() + describe(node, e);
    }

    private static String describe(Node node, RuntimeException e) {
        if (e instanceof MallardException me) {
            if (me.file() != null) {
                return me.describe();
            }
            // the engine's line is one of the compiled SQL: a line of the node's file only when that is the SQL
            // (a unit test's or generic test's YAML, a Python model's file have no such line)
            int line = node.originalFilePath().endsWith(".sql") ? SqlErrorLines.lineOf(me.getMessage()) : 0;
            String where = node.originalFilePath() + (line > 0 ? ":" + line : "");
            return where + ": " + me.getMessage() + (me.hint() == null ? "" : System.lineSeparator() + "  hint: " + me.hint());
        }
        return node.originalFilePath() + ": " + e;
    }

    /** As dbt-duckdb answers: a load's {@code INSERT n} with its code and row count, anything else its message only. */
    static Map<String, Object> adapterResponse(String message) {
        Matcher m = INSERT.matcher(message);
        if (m.matches()) {
            return Map.of("_message", message, "code", "INSERT", "rows_affected", Long.parseLong(m.group(1)));
        }
        return Map.of("_message", message);
    }
}
