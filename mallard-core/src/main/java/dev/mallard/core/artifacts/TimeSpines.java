package dev.mallard.core.artifacts;

import dev.mallard.core.engine.Relation;
import dev.mallard.core.manifest.Manifest;
import dev.mallard.core.manifest.Node;
import dev.mallard.core.manifest.NodeId;
import dev.mallard.core.manifest.SemanticNode;
import dev.mallard.core.project.Project;
import dev.mallard.core.project.SourceFile;
import dev.mallard.core.project.YamlFiles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The models declared as MetricFlow time spines ({@code time_spine:} in a model's properties),
 * for semantic_manifest.json. Only a project with a semantic layer needs them; its property
 * files are then read again here (the parsed nodes do not keep this key).
 */
public final class TimeSpines {
    private TimeSpines() {
    }

    /**
     * One time spine: the model's relation, its standard granularity column and that column's
     * granularity, and its custom granularities ({name, column_name}).
     */
    public record Spine(Relation relation, String column, String granularity, List<Object> customGranularities) {
        public Spine {
            customGranularities = List.copyOf(customGranularities);
        }
    }

    /** dbt's message when a semantic layer has no time spine of a day or finer. */
    static final String MISSING = "The semantic layer requires a time spine model with granularity DAY or smaller in "
            + "the project, but none was found. Guidance on creating this model can be found on our docs site "
            + "(https://docs.getdbt.com/docs/build/metricflow-time-spine).";
    private static final List<String> DAY_OR_FINER = List.of("nanosecond", "microsecond", "millisecond", "second",
            "minute", "hour", "day");
    /** The model dbt took as the time spine before {@code time_spine:} existed (column date_day, grain day). */
    static final String LEGACY_MODEL = "metricflow_time_spine";

    /**
     * Refuses, as dbt's parse does, a project with semantic models but no time spine of a day or
     * finer: neither a model with {@code time_spine:} nor the legacy {@code metricflow_time_spine} model.
     */
    public static void require(Project root, Manifest manifest) {
        if (manifest.nodesOf(SemanticNode.class).stream().noneMatch(n -> n.config().enabled()
                && n.resourceType() == dev.mallard.core.manifest.ResourceType.SEMANTIC_MODEL)) {
            return;
        }
        boolean daily = of(root, manifest).stream().anyMatch(s -> s.granularity() != null
                && DAY_OR_FINER.contains(s.granularity())) || legacy(root, manifest) != null;
        if (!daily) {
            throw new dev.mallard.core.error.MallardException(dev.mallard.core.error.ErrorCode.PROJECT,
                    "Parsing Error: " + MISSING);
        }
    }

    /** The legacy time spine model's relation when no model declares {@code time_spine:}; else null. */
    public static Relation legacy(Project root, Manifest manifest) {
        if (!of(root, manifest).isEmpty()) {
            return null;
        }
        for (Node n : manifest.nodes().values()) {
            if (n.resourceType() == dev.mallard.core.manifest.ResourceType.MODEL && n.config().enabled()
                    && LEGACY_MODEL.equals(n.name())) {
                return n.relation();
            }
        }
        return null;
    }

    /** The time spines of the project and its packages; none when the manifest has no semantic layer. */
    public static List<Spine> of(Project root, Manifest manifest) {
        if (manifest.nodesOf(SemanticNode.class).isEmpty()) {
            return List.of();
        }
        List<Project> units = new ArrayList<>();
        units.add(root);
        units.addAll(root.packages());
        List<Spine> out = new ArrayList<>();
        for (Project unit : units) {
            for (SourceFile file : unit.propertyFiles()) {
                Object models = YamlFiles.readMap(file.absolute(), unit.dir()).get("models");
                if (models instanceof List<?> list) {
                    for (Object m : list) {
                        if (m instanceof Map<?, ?> model && model.get("time_spine") instanceof Map<?, ?> spine) {
                            Node node = manifest.nodes().get(new NodeId("model." + unit.name() + "."
                                    + model.get("name")));
                            if (node != null) {
                                out.add(spine(node, model, spine));
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    private static Spine spine(Node node, Map<?, ?> model, Map<?, ?> spine) {
        String column = String.valueOf(spine.get("standard_granularity_column"));
        String granularity = null;
        if (model.get("columns") instanceof List<?> columns) {
            for (Object c : columns) {
                if (c instanceof Map<?, ?> col && column.equals(String.valueOf(col.get("name")))
                        && col.get("granularity") != null) {
                    granularity = String.valueOf(col.get("granularity")).toLowerCase(java.util.Locale.ROOT);
                }
            }
        }
        List<Object> custom = new ArrayList<>();
        if (spine.get("custom_granularities") instanceof List<?> list) {
            for (Object g : list) {
                if (g instanceof Map<?, ?> m) {
                    Map<String, Object> e = new LinkedHashMap<>();
                    e.put("name", m.get("name"));
                    e.put("column_name", m.get("column_name"));
                    custom.add(e);
                }
            }
        }
        return new Spine(node.relation(), column, granularity, custom);
    }
}
