package dev.mallard.core.parse;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.manifest.ModelNode;
import dev.mallard.core.manifest.ModelVersion;
import dev.mallard.core.manifest.Node;
import dev.mallard.core.manifest.ResourceType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which models a unit test runs on: the model, or for a versioned one every version its
 * {@code versions: {include: [...], exclude: [...]}} keeps (all by default), as dbt does.
 */
final class UnitTestVersions {
    private UnitTestVersions() {
    }

    static List<ModelNode> models(Collection<Node> nodes, String pkg, String name, Object versions, String where,
                                  String file) {
        List<String> include = null;
        List<String> exclude = List.of();
        if (versions instanceof Map<?, ?> m) {
            include = m.get("include") == null ? null : labels(m.get("include"));
            exclude = m.get("exclude") == null ? List.of() : labels(m.get("exclude"));
        } else if (versions != null) {
            throw new MallardException(ErrorCode.YAML, where + ": 'versions:' must be a mapping with include: or "
                    + "exclude:", file, 0);
        }
        List<ModelNode> out = new ArrayList<>();
        for (Node n : nodes) {
            if (n instanceof ModelNode m && m.resourceType() == ResourceType.MODEL && m.name().equals(name)
                    && m.packageName().equals(pkg)) {
                String label = m.version() == null ? null : m.version().label();
                if (label == null || (include == null || include.contains(label)) && !exclude.contains(label)) {
                    out.add(m);
                }
            }
        }
        return out;
    }

    /** The {@code versions:} of a unit test as dbt writes it: include and exclude, null when not given. */
    static Map<String, Object> normalized(Object versions) {
        if (!(versions instanceof Map<?, ?> m)) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("include", m.get("include"));
        out.put("exclude", m.get("exclude"));
        return out;
    }

    private static List<String> labels(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof List<?> l) {
            l.forEach(v -> out.add(ModelVersion.text(v)));
        } else {
            out.add(ModelVersion.text(value));
        }
        return out;
    }
}
