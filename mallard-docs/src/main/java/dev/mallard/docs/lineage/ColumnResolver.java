package dev.mallard.docs.lineage;

import java.util.ArrayList;
import java.util.List;

/**
 * Resolves one column reference ({@code c}, {@code t.c}, {@code s.t.c}, or a struct field
 * {@code c.f}) against the relations of a query, as DuckDB binds it: the query's own FROM
 * clause, then an earlier alias of the same select list, then enclosing queries.
 */
final class ColumnResolver {
    private ColumnResolver() {
    }

    static Derivation resolve(List<String> names, List<Relation> relations, List<QueryWalker.Output> select,
                              List<List<Relation>> outer) {
        String shown = String.join(".", names);
        if (names.size() >= 2) {
            // t.c (or s.t.c): the relation by its alias; failing that, c.f is field f of column c
            String table = names.get(names.size() - 2);
            for (Relation r : relations) {
                if (Relation.lower(table).equals(r.alias())) {
                    Derivation d = r.column(names.get(names.size() - 1));
                    return d != null ? d : Derivation.unresolved(shown + " (no such column in " + table + ")");
                }
            }
            for (List<Relation> level : outer) {
                for (Relation r : level) {
                    if (Relation.lower(table).equals(r.alias())) {
                        Derivation d = r.column(names.get(names.size() - 1));
                        return d != null ? d : Derivation.unresolved(shown + " (no such column in " + table + ")");
                    }
                }
            }
            Derivation struct = unqualified(names.get(0), relations, select, outer);
            return struct == null ? Derivation.unresolved(shown + " (unknown relation " + table + ")")
                    : struct.transformed();
        }
        Derivation d = unqualified(names.get(0), relations, select, outer);
        return d != null ? d : Derivation.unresolved(shown + " (not found in any relation of the query)");
    }

    private static Derivation unqualified(String column, List<Relation> relations, List<QueryWalker.Output> select,
                                          List<List<Relation>> outer) {
        Derivation d = inLevel(column, relations);
        if (d != null) {
            return d;
        }
        for (QueryWalker.Output o : select) {
            if (o.name() != null && o.name().equalsIgnoreCase(column)) {
                return o.derivation();
            }
        }
        for (List<Relation> level : outer) {
            d = inLevel(column, level);
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    /** A column of exactly one relation that knows its columns, or of the one relation that does not. */
    private static Derivation inLevel(String column, List<Relation> relations) {
        List<Derivation> known = new ArrayList<>();
        List<Relation> unknown = new ArrayList<>();
        boolean using = false;
        for (Relation r : relations) {
            if (r.knowsColumns()) {
                Derivation d = r.column(column);
                if (d != null) {
                    known.add(d);
                    using |= r.hidden().contains(Relation.lower(column));
                }
            } else {
                unknown.add(r);
            }
        }
        if (known.size() == 1 && unknown.isEmpty()) {
            return known.get(0);
        }
        if (known.size() > 1) {
            // a USING column is both sides' (coalesced in a full join); otherwise DuckDB rejects it
            return using ? Derivation.union(known)
                    : Derivation.unresolved(column + " (ambiguous between " + known.size() + " relations)");
        }
        if (known.isEmpty() && unknown.size() == 1) {
            return unknown.get(0).column(column);
        }
        if (!unknown.isEmpty()) {
            return known.size() == 1 && unknown.stream().allMatch(r -> r.node() == null && r.opaque() == null)
                    ? known.get(0)
                    : Derivation.unresolved(column + " (could come from " + describe(unknown) + ")");
        }
        return null;
    }

    private static String describe(List<Relation> unknown) {
        List<String> names = new ArrayList<>();
        for (Relation r : unknown) {
            names.add(r.opaque() != null ? r.opaque() : r.node() + " (columns not in the catalog)");
        }
        return String.join(" or ", names);
    }
}
