package dev.mallard.serve;

import java.util.Locale;
import java.util.Optional;

/** The comparison a filter parameter ({@code col=op:value}) asks for. */
enum FilterOp {
    EQ("="), NE("<>"), GT(">"), GTE(">="), LT("<"), LTE("<="), IN("IN"), LIKE("LIKE"), IS("IS");

    private final String sql;

    FilterOp(String sql) {
        this.sql = sql;
    }

    String sql() {
        return sql;
    }

    String prefix() {
        return name().toLowerCase(Locale.ROOT) + ":";
    }

    /** The operator a value starts with ({@code gt:5}), if it starts with one. */
    static Optional<FilterOp> ofPrefix(String value) {
        int colon = value.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        String head = value.substring(0, colon).toLowerCase(Locale.ROOT);
        for (FilterOp op : values()) {
            if (op.name().toLowerCase(Locale.ROOT).equals(head)) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }
}
