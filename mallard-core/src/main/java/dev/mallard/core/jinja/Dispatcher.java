package dev.mallard.core.jinja;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.jinja.value.Py;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code adapter.dispatch(name, namespace)} as dbt resolves it: the packages searched are the
 * {@code dispatch:} search order of dbt_project.yml for that namespace, else the root project
 * and then the namespace itself, else (no namespace) the macros every node sees; in each,
 * {@code <adapter type>__name} before {@code default__name}.
 */
final class Dispatcher {
    private final String[] prefixes;

    private final Map<String, Object> shared;
    private final Map<String, Map<String, Object>> byPackage;
    private final String root;
    private final Map<String, List<String>> searchOrders;

    /**
     * @param shared the macro table unqualified calls see
     * @param byPackage each package's own macros (the root project's and dbt's included)
     * @param root the root project's name; null when packages are unknown (then only {@code shared} is searched)
     * @param searchOrders the {@code dispatch:} entries, by macro namespace
     * @param adapterType the target's adapter type, whose implementations come first
     */
    Dispatcher(Map<String, Object> shared, Map<String, Map<String, Object>> byPackage, String root,
               Map<String, List<String>> searchOrders, String adapterType) {
        this.prefixes = new String[] {adapterType + "__", "default__"};
        this.shared = shared;
        this.byPackage = byPackage;
        this.root = root;
        this.searchOrders = searchOrders;
    }

    Object find(String macroName, Object namespaceArg) {
        String name = macroName;
        String namespace = namespaceArg == null ? null : Py.str(namespaceArg);
        int dot = macroName.lastIndexOf('.');
        if (dot > 0) {
            // the old form dispatch('package.name')
            name = macroName.substring(dot + 1);
            namespace = namespace == null ? macroName.substring(0, dot) : namespace;
        }
        List<String> packages = packagesToSearch(namespace);
        List<String> searched = new ArrayList<>();
        for (String pkg : packages) {
            Map<String, Object> macros = pkg == null ? shared : byPackage.getOrDefault(pkg, Map.of());
            for (String prefix : prefixes) {
                Object macro = macros.get(prefix + name);
                if (macro != null) {
                    return macro;
                }
                String label = pkg != null ? pkg : namespace;
                searched.add((label == null ? "" : label + ".") + prefix + name);
            }
        }
        throw new MallardException(ErrorCode.JINJA, "In dispatch: No macro named '" + name
                + "' found within namespace: '" + (namespace == null ? "None" : namespace)
                + "'\n    Searched for: " + String.join(", ", searched.stream().map(s -> "'" + s + "'").toList()));
    }

    private List<String> packagesToSearch(String namespace) {
        List<String> out = new ArrayList<>();
        if (namespace == null || root == null) {
            out.add(null);
            return out;
        }
        List<String> configured = searchOrders.get(namespace);
        if (configured != null && !configured.isEmpty()) {
            return configured;
        }
        out.add(root);
        if (!namespace.equals(root)) {
            out.add(namespace);
        }
        return out;
    }
}
