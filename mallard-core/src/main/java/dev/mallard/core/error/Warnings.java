package dev.mallard.core.error;

import dev.mallard.core.events.Deprecation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What dbt only warns about while loading and parsing a project (duplicate YAML keys,
 * properties for missing nodes, unknown property keys): collected in the order met, and
 * printed by the command before it runs. Deprecations ride among them encoded (see {@link Deprecation}).
 */
public final class Warnings {
    private final List<String> messages = new ArrayList<>();
    /** The same, to tell a repeat in constant time: a project may give thousands of deprecations (one per test). */
    private final Set<String> known = new HashSet<>();
    /** Kept (a saved parse saves them again) but not said: deprecations of a parse reused from the saved one. */
    private final Set<String> unsaid = new HashSet<>();
    private int taken;

    /** A collector nobody reads, for callers that load a file only to look one value up. */
    public static Warnings ignored() {
        return new Warnings();
    }

    public synchronized void add(String message) {
        if (known.add(message)) {
            messages.add(message);
        }
    }

    /**
     * The warnings of a saved parse that this one reuses: said again, except the deprecations, which
     * dbt's partial parse says again only for the nodes it parses again ({@code reparsed}, by name).
     */
    public synchronized void addAgain(Collection<String> saved, Set<String> reparsed) {
        for (String message : saved) {
            Deprecation d = Deprecation.decode(message);
            if (d != null && !reparsed.contains(d.resource()) && !known.contains(message)) {
                unsaid.add(message);
            }
            add(message);
        }
    }

    public synchronized List<String> all() {
        return List.copyOf(messages);
    }

    /** The warnings added since the last call, so that each is printed once. */
    public synchronized List<String> takeNew() {
        List<String> fresh = new ArrayList<>(messages.subList(taken, messages.size()));
        fresh.removeIf(unsaid::contains);
        taken = messages.size();
        return List.copyOf(fresh);
    }
}
