package dev.mallard.core.artifacts;

import dev.mallard.core.manifest.Manifest;
import dev.mallard.core.manifest.Node;
import dev.mallard.core.manifest.ResourceType;
import dev.mallard.core.manifest.SemanticNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What dbt derives for a metric's type_params once every metric is parsed: the
 * {@code input_measures} of a ratio or derived metric are those of the metrics it reads
 * (each measure once, in order), and a cumulative metric without {@code cumulative_type_params}
 * gets dbt's defaults (its window and grain_to_date, period_agg first).
 */
final class MetricInputs {
    private final Manifest manifest;
    private Map<String, Map<String, Object>> typeParamsByName;

    MetricInputs(Manifest manifest) {
        this.manifest = manifest;
    }

    /** Completes {@code typeParams} (as SemanticShapes built it) of a metric of {@code type}. */
    void complete(String type, Map<String, Object> typeParams) {
        if (("ratio".equals(type) || "derived".equals(type)) && typeParams.get("input_measures") instanceof List<?> l
                && l.isEmpty()) {
            typeParams.put("input_measures", inputs(typeParams, new ArrayList<>()));
        }
        if ("cumulative".equals(type) && typeParams.get("cumulative_type_params") == null) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("window", typeParams.get("window"));
            c.put("grain_to_date", typeParams.get("grain_to_date"));
            c.put("period_agg", "first");
            c.put("metric", null);
            typeParams.put("cumulative_type_params", c);
        }
    }

    private List<Object> inputs(Map<String, Object> typeParams, List<String> visiting) {
        List<Object> out = new ArrayList<>();
        if (typeParams.get("input_measures") instanceof List<?> own && !own.isEmpty()) {
            own.forEach(m -> add(out, m));
            return out;
        }
        List<Object> children = new ArrayList<>();
        children.add(typeParams.get("numerator"));
        children.add(typeParams.get("denominator"));
        if (typeParams.get("metrics") instanceof List<?> l) {
            children.addAll(l);
        }
        for (Object child : children) {
            if (!(child instanceof Map<?, ?> m) || m.get("name") == null) {
                continue;
            }
            String name = String.valueOf(m.get("name"));
            Map<String, Object> childParams = byName().get(name);
            if (childParams == null || visiting.contains(name)) {
                continue;
            }
            visiting.add(name);
            inputs(childParams, visiting).forEach(i -> add(out, i));
            visiting.remove(name);
        }
        return out;
    }

    private static void add(List<Object> out, Object measure) {
        Object name = measure instanceof Map<?, ?> m ? m.get("name") : null;
        if (out.stream().noneMatch(o -> o instanceof Map<?, ?> m && java.util.Objects.equals(m.get("name"), name))) {
            out.add(measure);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Object>> byName() {
        if (typeParamsByName == null) {
            typeParamsByName = new HashMap<>();
            for (Node n : manifest.nodes().values()) {
                if (n instanceof SemanticNode s && s.resourceType() == ResourceType.METRIC) {
                    Object p = s.properties().get("type_params");
                    typeParamsByName.put(s.name(), SemanticShapes.metricTypeParams(p instanceof Map<?, ?> m
                            ? (Map<String, Object>) m : Map.of()));
                }
            }
        }
        return typeParamsByName;
    }
}
