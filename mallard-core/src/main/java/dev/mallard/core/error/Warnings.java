package dev.mallard.core.error;

import java.util.ArrayList;
import java.util.List;

/**
 * What dbt only warns about while loading and parsing a project (duplicate YAML keys,
 * properties for missing nodes, unknown property keys): collected in the order met, and
 * printed by the command before it runs.
 */
public final class Warnings {
    private final List<String> messages = new ArrayList<>();
    private int taken;

    /** A collector nobody reads, for callers that load a file only to look one value up. */
    public static Warnings ignored() {
        return new Warnings();
    }

    public synchronized void add(String message) {
        if (!messages.contains(message)) {
            messages.add(message);
        }
    }

    public synchronized List<String> all() {
        return List.copyOf(messages);
    }

    /** The warnings added since the last call, so that each is printed once. */
    public synchronized List<String> takeNew() {
        List<String> fresh = List.copyOf(messages.subList(taken, messages.size()));
        taken = messages.size();
        return fresh;
    }
}
