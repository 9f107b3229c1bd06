package dev.mallard.core.events;

/** Where events go: the CLI's logging, a test's list, or plain text on a stream. */
@FunctionalInterface
public interface EventSink {
    void emit(Event event);
}
