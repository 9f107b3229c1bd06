package dev.mallard.core.events;

import java.util.function.Consumer;

/** Where a template's {@code log()} and {@code print()} go; as a plain consumer it takes info lines. */
public interface JinjaLog extends Consumer<String> {
    void log(String message, boolean info);

    void print(String message);

    /** {@code exceptions.warn()}: dbt's JinjaLogWarning; an info line where there are no events. */
    default void warn(String message) {
        log(message, true);
    }

    @Override
    default void accept(String message) {
        log(message, true);
    }
}
