package dev.mallard.core.migrate.diff;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;

/** Orders tables so that a referenced table comes before the tables that reference it. */
final class ForeignKeyOrder {
    private ForeignKeyOrder() {
    }

    /** {@code names} parents first, by the foreign keys in {@code tables}; ties alphabetical. */
    static List<String> parentsFirst(Collection<String> names, SortedMap<String, TableModel> tables) {
        Set<String> pending = new TreeSet<>(names);
        List<String> ordered = new ArrayList<>();
        while (!pending.isEmpty()) {
            String next = pending.stream()
                    .filter(t -> tables.get(t).referencedTables().stream().noneMatch(pending::contains))
                    .findFirst()
                    // A cycle of foreign keys: DuckDB cannot build one anyway, so any order will do.
                    .orElse(pending.iterator().next());
            pending.remove(next);
            ordered.add(next);
        }
        return ordered;
    }

    static List<String> childrenFirst(Collection<String> names, SortedMap<String, TableModel> tables) {
        List<String> ordered = new ArrayList<>(parentsFirst(names, tables));
        java.util.Collections.reverse(ordered);
        return ordered;
    }

    /** Tables in {@code tables} other than {@code parent} with a foreign key to it. */
    static Set<String> children(String parent, SortedMap<String, TableModel> tables) {
        Set<String> children = new TreeSet<>();
        tables.values().forEach(t -> {
            if (t.referencedTables().contains(parent)) {
                children.add(t.name());
            }
        });
        return children;
    }
}
