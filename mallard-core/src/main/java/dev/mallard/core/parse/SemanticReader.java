package dev.mallard.core.parse;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.manifest.GroupInfo;
import dev.mallard.core.manifest.Node;
import dev.mallard.core.manifest.NodeConfig;
import dev.mallard.core.manifest.NodeId;
import dev.mallard.core.manifest.RefCall;
import dev.mallard.core.manifest.ResourceType;
import dev.mallard.core.manifest.SemanticNode;
import dev.mallard.core.project.Project;
import dev.mallard.core.project.SourceFile;
import dev.mallard.core.project.YamlFiles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * dbt's semantic layer and groups from properties YAML: {@code semantic_models:},
 * {@code metrics:}, {@code saved_queries:} and {@code groups:}. A semantic model refs its
 * model ({@code model: ref('orders')}); a metric depends on the semantic models whose
 * measures it names, or on the metrics it combines (ratio, derived); a saved query on its
 * metrics. Names are resolved across the project and its packages once all are read
 * ({@link #link}); a name nothing defines is an error naming the file, as in dbt.
 */
final class SemanticReader {
    private static final Map<String, ResourceType> KEYS = Map.of("semantic_models", ResourceType.SEMANTIC_MODEL,
            "metrics", ResourceType.METRIC, "saved_queries", ResourceType.SAVED_QUERY);

    private SemanticReader() {
    }

    /** The enabled semantic models, metrics and saved queries of {@code unit}'s properties files, unlinked. */
    static List<SemanticNode> read(Project unit, Function<SourceFile, YamlFiles.Document> documents) {
        List<SemanticNode> out = new ArrayList<>();
        // dbt adds the metrics made from measures (create_metric) after those the files declare
        List<SemanticNode> created = new ArrayList<>();
        for (SourceFile f : unit.propertyFiles()) {
            Map<String, Object> yaml = documents.apply(f).values();
            for (String key : List.of("semantic_models", "metrics", "saved_queries")) {
                if (!(yaml.get(key) instanceof List<?> list)) {
                    continue;
                }
                for (Object entry : list) {
                    if (!(entry instanceof Map<?, ?> m)) {
                        throw new MallardException(ErrorCode.YAML, "each entry of '" + key + "' must be a mapping, "
                                + "found: " + entry, f.relativeToProject(), 0);
                    }
                    SemanticNode n = node(unit.name(), f, KEYS.get(key), map(m));
                    if (n.config().enabled()) {
                        out.add(n);
                        if (n.resourceType() == ResourceType.SEMANTIC_MODEL) {
                            created.addAll(createdMetrics(unit.name(), f, map(m)));
                        }
                    }
                }
            }
        }
        out.addAll(created);
        Map<String, String> files = new LinkedHashMap<>();
        for (SemanticNode n : out) {
            String previous = files.put(n.id().value(), n.originalFilePath());
            if (previous != null) {
                String kind = n.resourceType().dbtName().replace('_', ' ');
                throw new MallardException(ErrorCode.DUPLICATE_NODE, "dbt found two " + kind + "s with the name \""
                        + n.name() + "\" (" + n.id().value() + " in " + previous + " and " + n.originalFilePath() + ")",
                        n.originalFilePath(), 0, "change the name of one of them (a measure's create_metric: true"
                        + " makes a metric of the measure's name)", null);
            }
        }
        return out;
    }

    /** dbt makes a simple metric of each measure with {@code create_metric: true}, named after it. */
    private static List<SemanticNode> createdMetrics(String pkg, SourceFile f, Map<String, Object> semanticModel) {
        List<SemanticNode> out = new ArrayList<>();
        for (Object entry : ConfigMerger.asList(semanticModel.get("measures"))) {
            Map<String, Object> measure = map(entry);
            if (!Boolean.TRUE.equals(measure.get("create_metric")) || measure.get("name") == null) {
                continue;
            }
            String name = String.valueOf(measure.get("name"));
            Map<String, Object> metric = new LinkedHashMap<>();
            metric.put("name", name);
            metric.put("label", measure.get("label") != null ? measure.get("label") : name);
            metric.put("description", measure.get("description") != null ? measure.get("description")
                    : "Metric created from measure " + name);
            metric.put("type", "simple");
            Map<String, Object> typeParams = new LinkedHashMap<>();
            typeParams.put("measure", Map.of("name", name));
            typeParams.put("expr", measure.get("expr") != null ? String.valueOf(measure.get("expr")) : name);
            metric.put("type_params", typeParams);
            // the metric gets the semantic model's config meta, as in dbt
            Map<String, Object> meta = map(map(semanticModel.get("config")).get("meta"));
            if (!meta.isEmpty()) {
                metric.put("config", Map.of("meta", meta));
            }
            out.add(node(pkg, f, ResourceType.METRIC, metric));
        }
        return out;
    }

    /** The {@code groups:} of {@code unit}'s properties files. */
    static List<GroupInfo> groups(Project unit, Function<SourceFile, YamlFiles.Document> documents) {
        List<GroupInfo> out = new ArrayList<>();
        for (SourceFile f : unit.propertyFiles()) {
            if (!(documents.apply(f).values().get("groups") instanceof List<?> list)) {
                continue;
            }
            for (Object entry : list) {
                Map<String, Object> g = map(entry);
                if (g.get("name") == null) {
                    throw new MallardException(ErrorCode.YAML, "a group has no name", f.relativeToProject(), 0);
                }
                if (!(g.get("owner") instanceof Map<?, ?>)) {
                    throw new MallardException(ErrorCode.YAML, "group '" + g.get("name") + "' has no owner",
                            f.relativeToProject(), 0, "give it an owner with a name or an email", null);
                }
                String name = String.valueOf(g.get("name"));
                out.add(new GroupInfo("group." + unit.name() + "." + name, name, unit.name(), f.relativeToRoot(),
                        f.relativeToProject(), map(g.get("owner")), text(g.get("description")),
                        map(map(g.get("config")).get("meta"))));
            }
        }
        return out;
    }

    private static SemanticNode node(String pkg, SourceFile f, ResourceType type, Map<String, Object> y) {
        String file = f.relativeToProject();
        Object name = y.get("name");
        if (name == null) {
            throw new MallardException(ErrorCode.YAML, "a " + type.dbtName().replace('_', ' ') + " has no name", file, 0);
        }
        Map<String, Object> config = map(y.get("config"));
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("enabled", config.getOrDefault("enabled", true));
        values.put("group", config.getOrDefault("group", y.get("group")));
        // only a metric takes a top-level meta (dbt rejects it elsewhere); dbt keeps it out of the
        // config meta, and a config meta replaces it as the metric's meta
        values.put("meta", new LinkedHashMap<>(map(config.get("meta"))));
        List<Object> tags = new ArrayList<>(ConfigMerger.asList(y.get("tags")));
        ConfigMerger.asList(config.get("tags")).stream().filter(t -> !tags.contains(t)).forEach(tags::add);
        values.put("tags", tags);
        List<RefCall> refs = new ArrayList<>();
        if (type == ResourceType.SEMANTIC_MODEL) {
            Object model = y.get("model");
            List<RefCall> found = model == null ? List.of() : JinjaCalls.in(String.valueOf(model)).refs();
            if (found.size() != 1) {
                throw new MallardException(ErrorCode.YAML, "semantic model '" + name + "' must name its model as "
                        + "model: ref('<model>'), found: " + model, file, 0);
            }
            refs.addAll(found);
        }
        Map<String, Object> properties = new LinkedHashMap<>(y);
        for (String own : List.of("name", "config", "description", "label", "meta", "tags", "group")) {
            properties.remove(own);
        }
        if (type == ResourceType.METRIC && map(config.get("meta")).isEmpty() && !map(y.get("meta")).isEmpty()) {
            properties.put("meta", map(y.get("meta")));
        }
        List<String> fqn = new ArrayList<>();
        fqn.add(pkg);
        fqn.addAll(f.folders());
        fqn.add(String.valueOf(name));
        return new SemanticNode(new NodeId(type.dbtName() + "." + pkg + "." + name), type, String.valueOf(name), pkg,
                f.relativeToRoot(), file, fqn, new NodeConfig(values), text(y.get("description")), text(y.get("label")),
                properties, refs, List.of());
    }

    /** Each node with the semantic models and metrics it depends on, looked up by measure and metric name. */
    static List<SemanticNode> link(List<SemanticNode> nodes) {
        Map<String, NodeId> measures = new LinkedHashMap<>();
        Map<String, NodeId> metrics = new LinkedHashMap<>();
        for (SemanticNode n : nodes) {
            if (n.resourceType() == ResourceType.SEMANTIC_MODEL) {
                for (Object m : ConfigMerger.asList(n.properties().get("measures"))) {
                    measures.putIfAbsent(String.valueOf(map(m).get("name")), n.id());
                }
            } else if (n.resourceType() == ResourceType.METRIC) {
                metrics.putIfAbsent(n.name(), n.id());
            }
        }
        List<SemanticNode> out = new ArrayList<>();
        for (SemanticNode n : nodes) {
            Set<NodeId> deps = new LinkedHashSet<>();
            if (n.resourceType() == ResourceType.METRIC) {
                Map<String, Object> params = map(n.properties().get("type_params"));
                Map<String, Object> conversion = map(params.get("conversion_type_params"));
                for (Object measure : List.of(nullable(params.get("measure")), nullable(conversion.get("base_measure")),
                        nullable(conversion.get("conversion_measure")))) {
                    if (measure != NONE) {
                        deps.add(lookup(measures, measure, "measure", n));
                    }
                }
                List<Object> combined = new ArrayList<>(ConfigMerger.asList(params.get("metrics")));
                for (String part : List.of("numerator", "denominator")) {
                    if (params.get(part) != null) {
                        combined.add(params.get(part));
                    }
                }
                for (Object metric : combined) {
                    deps.add(lookup(metrics, metric, "metric", n));
                }
            } else if (n.resourceType() == ResourceType.SAVED_QUERY) {
                for (Object metric : ConfigMerger.asList(map(n.properties().get("query_params")).get("metrics"))) {
                    deps.add(lookup(metrics, metric, "metric", n));
                }
            }
            out.add(n.withDependsOn(new ArrayList<>(deps)));
        }
        return out;
    }

    private static final Object NONE = new Object();

    private static Object nullable(Object o) {
        return o == null ? NONE : o;
    }

    /** A measure or metric named as a string or as {@code {name: ...}}. */
    private static NodeId lookup(Map<String, NodeId> known, Object reference, String kind, Node from) {
        Object name = reference instanceof Map<?, ?> m ? m.get("name") : reference;
        NodeId id = known.get(String.valueOf(name));
        if (id == null) {
            throw new MallardException(ErrorCode.YAML, from.resourceType().dbtName().replace('_', ' ') + " '"
                    + from.name() + "' names the " + kind + " '" + name + "', which no "
                    + (kind.equals("measure") ? "semantic model defines" : "metrics: entry defines"),
                    from.originalFilePath(), 0);
        }
        return id;
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
