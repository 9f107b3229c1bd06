package dev.mallard.core.parse;

import dev.mallard.core.manifest.ColumnSpec;
import dev.mallard.core.manifest.RefCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Model-level {@code constraints:} and the refs in foreign keys' {@code to: ref('x')},
 * which make the referenced model a parent, as in dbt, so it is built first.
 */
final class ConstraintRefs {
    private ConstraintRefs() {
    }

    @SuppressWarnings("unchecked")
    static List<Object> modelConstraints(PropertyPatch patch) {
        if (patch == null || !(patch.raw().get("constraints") instanceof List<?> l)) {
            return List.of();
        }
        return (List<Object>) l;
    }

    static List<RefCall> withForeignKeyRefs(List<RefCall> refs, PropertyPatch patch) {
        if (patch == null) {
            return refs;
        }
        List<RefCall> out = new ArrayList<>(refs);
        List<Object> all = new ArrayList<>(modelConstraints(patch));
        for (ColumnSpec c : patch.columns().values()) {
            all.addAll(c.constraints());
        }
        for (Object o : all) {
            if (o instanceof Map<?, ?> m && m.get("to") instanceof String to) {
                for (RefCall call : JinjaCalls.in(to).refs()) {
                    boolean known = out.stream().anyMatch(x -> x.name().equals(call.name())
                            && java.util.Objects.equals(x.packageName(), call.packageName()));
                    if (!known) {
                        out.add(call);
                    }
                }
            }
        }
        return out;
    }
}
