package dev.mallard.core.events;

import java.util.Locale;

/** dbt's event levels, lowest first. */
public enum EventLevel {
    DEBUG, INFO, WARN, ERROR;

    /** The name dbt writes in {@code info.level} and in debug-format lines. */
    public String dbtName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a {@code --log-level} value (debug, info, warn, error; {@code none} gives null). */
    public static EventLevel parse(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "debug" -> DEBUG;
            case "info" -> INFO;
            case "warn" -> WARN;
            case "error" -> ERROR;
            case "none" -> null;
            default -> throw new IllegalArgumentException(
                    "'" + value + "' is not one of 'debug', 'info', 'warn', 'error', 'none'.");
        };
    }
}
