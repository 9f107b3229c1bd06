package dev.mallard.core.jinja;

import dev.mallard.jinja.eval.MacroValue;
import dev.mallard.jinja.value.PyCallable;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** A unit test's {@code overrides: macros:} as bindings of a render (see {@link JinjaEngine#macroOverrides}). */
final class MacroOverrides {
    private MacroOverrides() {
    }

    static Map<String, Object> bindings(Map<String, Object> macros, Map<String, Object> statics,
                                        Map<String, Object> overrides) {
        Map<String, Object> bindings = new HashMap<>();
        Map<String, Map<String, Object>> byPackage = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : overrides.entrySet()) {
            String key = e.getKey();
            Object value = e.getValue();
            PyCallable fixed = (site, a) -> value;
            int dot = key.indexOf('.');
            if (dot < 0) {
                if (key.equals("is_incremental")) {
                    continue;
                }
                Object original = macros.containsKey(key) ? macros.get(key) : statics.get(key);
                if (original != null) {
                    bindings.put(key, original instanceof MacroValue
                            || original instanceof PyCallable ? fixed : value);
                }
            } else if (statics.get(key.substring(0, dot)) instanceof MacroNamespace) {
                byPackage.computeIfAbsent(key.substring(0, dot), k -> new HashMap<>()).put(key.substring(dot + 1), fixed);
            }
        }
        byPackage.forEach((pkg, fixed) -> bindings.put(pkg, ((MacroNamespace) statics.get(pkg)).overriding(fixed)));
        return bindings;
    }
}
