package dev.mallard.docs.lineage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One relation in a FROM clause as the walker sees it: a CTE or subquery with its derived
 * columns, a project node (its columns from the catalog, when known) or something opaque.
 *
 * @param alias the name the query refers to it by (lower case)
 * @param columns lower-cased name to output name and derivation, in order; {@code null} when unknown
 * @param node the project node behind a base table, or {@code null}
 * @param opaque why the relation cannot be traced (table functions, unknown tables), or {@code null}
 * @param hidden columns a star leaves out (the right side's USING columns)
 */
record Relation(String alias, Map<String, Column> columns, String node, String opaque, Set<String> hidden) {
    record Column(String name, Derivation derivation) {
    }

    static Relation of(String alias, List<Column> columns) {
        Map<String, Column> map = new LinkedHashMap<>();
        for (Column c : columns) {
            if (c.name() != null) {
                map.putIfAbsent(lower(c.name()), c);
            }
        }
        return new Relation(lower(alias), map, null, null, Set.of());
    }

    static Relation node(String alias, String node, List<String> columns) {
        Map<String, Column> map = null;
        if (columns != null) {
            map = new LinkedHashMap<>();
            for (String c : columns) {
                map.putIfAbsent(lower(c), new Column(c, Derivation.of(new ColumnRef(node, c))));
            }
        }
        return new Relation(lower(alias), map, node, null, Set.of());
    }

    static Relation opaque(String alias, String why) {
        return new Relation(lower(alias), null, null, why, Set.of());
    }

    Relation hiding(Set<String> names) {
        return new Relation(alias, columns, node, opaque, names);
    }

    /** This relation with each named column also derived from the same column of {@code others}. */
    Relation coalescedWith(Set<String> names, List<Relation> others) {
        if (columns == null) {
            return this;
        }
        Map<String, Column> map = new LinkedHashMap<>(columns);
        for (String name : names) {
            Column mine = map.get(name);
            if (mine == null) {
                continue;
            }
            List<Derivation> parts = new java.util.ArrayList<>(List.of(mine.derivation()));
            for (Relation o : others) {
                Derivation d = o.column(name);
                if (d != null) {
                    parts.add(d);
                }
            }
            map.put(name, new Column(mine.name(), Derivation.union(parts)));
        }
        return new Relation(alias, map, node, opaque, hidden);
    }

    /** Renames the columns in order, as {@code from t as x(a, b)} does. */
    Relation renamed(String newAlias, List<String> names) {
        if (columns == null || names.isEmpty()) {
            return new Relation(newAlias == null ? alias : lower(newAlias), columns, node, opaque, hidden);
        }
        Map<String, Column> map = new LinkedHashMap<>();
        int i = 0;
        for (Column c : columns.values()) {
            String name = i < names.size() ? names.get(i) : c.name();
            map.putIfAbsent(lower(name), new Column(name, c.derivation()));
            i++;
        }
        return new Relation(newAlias == null ? alias : lower(newAlias), map, node, opaque, hidden);
    }

    /** The derivation of a column of this relation, or {@code null} when it has no such column. */
    Derivation column(String name) {
        if (columns != null) {
            Column c = columns.get(lower(name));
            return c == null ? null : c.derivation();
        }
        if (node != null) {
            return Derivation.of(new ColumnRef(node, name));
        }
        return Derivation.unresolved("column " + name + " of " + opaque);
    }

    boolean knowsColumns() {
        return columns != null;
    }

    static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
