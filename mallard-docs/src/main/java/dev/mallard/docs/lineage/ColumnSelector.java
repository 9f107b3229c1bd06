package dev.mallard.docs.lineage;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A column selected the way {@code --select} selects nodes: {@code [N+]column:model.column[+N]}
 * (the {@code column:} method is optional). A leading {@code +} walks upstream, a trailing one
 * downstream, a number bounds the hops; neither asks for the column's own sources.
 *
 * @param upstream hops upstream (0: none; {@link Integer#MAX_VALUE}: all)
 * @param downstream hops downstream
 */
public record ColumnSelector(String model, String column, int upstream, int downstream) {
    private static final Pattern SYNTAX = Pattern.compile("^(?:(\\d*)\\+)?(?:column:)?([^+]+)\\.([^.+]+)(?:\\+(\\d*))?$");

    public static ColumnSelector parse(String text) {
        Matcher m = SYNTAX.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a column selector: write [N+]model.column[+N], "
                    + "e.g. orders.amount+ or +column:orders.amount");
        }
        boolean up = text.trim().matches("^\\d*\\+.*");
        boolean down = text.trim().endsWith("+") || text.trim().matches(".*\\+\\d+$");
        int u = up ? hops(m.group(1)) : 0;
        int d = down ? hops(m.group(4)) : 0;
        if (!up && !down) {
            u = 1;
        }
        return new ColumnSelector(m.group(2), m.group(3), u, d);
    }

    private static int hops(String digits) {
        return digits == null || digits.isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(digits);
    }
}
