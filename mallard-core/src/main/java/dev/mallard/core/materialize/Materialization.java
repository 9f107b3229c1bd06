package dev.mallard.core.materialize;

/** One way of building a node (view, table, seed, ...). Writes through the engine session only. */
public interface Materialization {

    /** Builds the node; returns the adapter message for the console, e.g. "OK" or "INSERT 20". */
    String build(MaterializationContext ctx);

    /** The kind as dbt prints it: "view", "table", "seed". */
    String kind();
}
