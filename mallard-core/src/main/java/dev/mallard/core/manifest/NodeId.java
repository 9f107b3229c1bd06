package dev.mallard.core.manifest;

import java.util.Objects;

/** A node's unique id as dbt writes it: {@code model.jaffle_shop.customers}. */
public record NodeId(String value) implements Comparable<NodeId> {
    public NodeId {
        Objects.requireNonNull(value, "value");
    }

    public static NodeId of(ResourceType type, String packageName, String name) {
        return new NodeId(type.dbtName() + "." + packageName + "." + name);
    }

    @Override
    public int compareTo(NodeId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
