package dev.mallard.core.exec;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the line an engine error points at ("LINE 3:"), mapped back to the model's compiled SQL. */
final class SqlErrorLines {
    private static final Pattern LINE = Pattern.compile("LINE (\\d+):");

    private SqlErrorLines() {
    }

    /** The DDL wrapper adds one line before the model's SQL. */
    static int lineOf(String message) {
        if (message == null) {
            return 0;
        }
        Matcher m = LINE.matcher(message);
        if (m.find()) {
            return Math.max(1, Integer.parseInt(m.group(1)) - 1);
        }
        return 0;
    }
}
