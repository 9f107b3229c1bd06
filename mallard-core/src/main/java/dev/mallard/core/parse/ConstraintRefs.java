package dev.mallard.core.parse;

import dev.mallard.core.manifest.ColumnSpec;
import dev.mallard.core.manifest.RefCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Model-level {@code constraints:} and the refs in foreign keys' {@code to: ref('x')},
 * which make the referenced model a parent, as in dbt, so it is built first.
 */
final class ConstraintRefs {
    private static final Pattern REF = Pattern.compile(
            "\\bref\\(\\s*['\"]([^'\"]+)['\"]\\s*(?:,\\s*['\"]([^'\"]+)['\"]\\s*)?\\)");

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
                Matcher r = REF.matcher(to);
                if (r.find()) {
                    RefCall call = r.group(2) == null ? new RefCall(null, r.group(1), 0)
                            : new RefCall(r.group(1), r.group(2), 0);
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
