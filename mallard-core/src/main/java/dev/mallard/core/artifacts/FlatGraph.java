package dev.mallard.core.artifacts;

import dev.mallard.core.graph.Dag;
import dev.mallard.core.manifest.Manifest;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * dbt's {@code graph} context variable (its manifest's flat graph): every resource as the plain
 * dict manifest.json holds, under the keys dbt gives it ({@code nodes}, {@code sources}, {@code exposures},
 * {@code metrics}, {@code groups}, {@code semantic_models}, {@code saved_queries}, {@code functions};
 * unit tests are not in it). Built on
 * first use, once per run: most runs never read it.
 */
public final class FlatGraph extends AbstractMap<String, Object> {
    private static final List<String> KEYS = List.of("exposures", "functions", "groups", "metrics", "nodes",
            "saved_queries", "semantic_models", "sources");
    private final Manifest manifest;
    private final Dag dag;
    private final HookEntries hooks;
    private volatile Map<String, Object> graph;

    public FlatGraph(Manifest manifest, Dag dag) {
        this(manifest, dag, HookEntries.NONE);
    }

    /** With the project's on-run-start/on-run-end hooks among the nodes, as dbt's graph has them. */
    public FlatGraph(Manifest manifest, Dag dag, HookEntries hooks) {
        this.manifest = manifest;
        this.dag = dag;
        this.hooks = hooks;
    }

    private Map<String, Object> graph() {
        Map<String, Object> g = graph;
        if (g == null) {
            synchronized (this) {
                if (graph == null) {
                    ArtifactMetadata metadata = new ArtifactMetadata("graph", Instant.EPOCH, Instant.EPOCH, null,
                            null, Map.of());
                    Map<String, Object> doc = new ManifestWriter(metadata, hooks).document(manifest, dag, Map.of(),
                            "target");
                    Map<String, Object> built = new LinkedHashMap<>();
                    for (String key : KEYS) {
                        built.put(key, doc.getOrDefault(key, Map.of()));
                    }
                    graph = built;
                }
                g = graph;
            }
        }
        return g;
    }

    @Override
    public Object get(Object key) {
        return graph().get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return KEYS.contains(key);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return graph().entrySet();
    }
}
