package dev.mallard.docs.lineage;

import java.util.Locale;
import java.util.Objects;

/**
 * One column of one node: the node's unique id (as in manifest.json) and the column's name.
 * Names compare without case, as DuckDB compares identifiers.
 */
public record ColumnRef(String node, String column) implements Comparable<ColumnRef> {
    public ColumnRef {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(column, "column");
    }

    /** The key two refs to the same column share. */
    public String key() {
        return node + "." + column.toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ColumnRef r && r.key().equals(key());
    }

    @Override
    public int hashCode() {
        return key().hashCode();
    }

    @Override
    public int compareTo(ColumnRef o) {
        return key().compareTo(o.key());
    }

    @Override
    public String toString() {
        return node + "." + column;
    }
}
