package dev.mallard.docs.lineage;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/** What one expression is computed from, while a query is walked. Immutable. */
record Derivation(Set<ColumnRef> refs, Set<String> unresolved, boolean direct) {
    static final Derivation NONE = new Derivation(Set.of(), Set.of(), false);

    Derivation {
        refs = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(refs));
        unresolved = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(unresolved));
    }

    static Derivation of(ColumnRef ref) {
        return new Derivation(Set.of(ref), Set.of(), true);
    }

    static Derivation unresolved(String reason) {
        return new Derivation(Set.of(), Set.of(reason), false);
    }

    /** The same sources, no longer a plain pass-through. */
    Derivation transformed() {
        return direct ? new Derivation(refs, unresolved, false) : this;
    }

    static Derivation union(Collection<Derivation> parts) {
        if (parts.size() == 1) {
            return parts.iterator().next();
        }
        Set<ColumnRef> refs = new LinkedHashSet<>();
        Set<String> unresolved = new LinkedHashSet<>();
        for (Derivation d : parts) {
            refs.addAll(d.refs);
            unresolved.addAll(d.unresolved);
        }
        return new Derivation(refs, unresolved, false);
    }
}
