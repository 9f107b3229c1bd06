package dev.mallard.serve;

import dev.mallard.core.manifest.ModelNode;
import dev.mallard.core.materialize.ExternalConfig;
import dev.mallard.core.project.Target;
import dev.mallard.core.run.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The datasets of a project: every enabled external Parquet model at the location its
 * config publishes to (with its table in the project's DuckDB file as the grace-period
 * fallback), then any other Parquet file or partitioned folder directly under the external
 * root. The project is parsed only; its database is never opened for writing.
 */
public final class ProjectMarts {
    private ProjectMarts() {
    }

    public static List<DatasetSpec> find(Workspace ws) {
        Path projectDir = ws.project().dir().toAbsolutePath().normalize();
        Target target = ws.project().target();
        String externalRoot = target.string("external_root");
        Path database = databaseFile(target, projectDir);
        Map<String, DatasetSpec> byName = new LinkedHashMap<>();
        List<ModelNode> models = new ArrayList<>(ws.manifest().nodesOf(ModelNode.class));
        models.sort((a, b) -> a.name().compareTo(b.name()));
        for (ModelNode m : models) {
            if (!"external".equals(m.config().materialized()) || !m.config().enabled()) {
                continue;
            }
            ExternalConfig c = ExternalConfig.of(m, projectDir, externalRoot);
            if (!"parquet".equals(c.format())) {
                continue;
            }
            DatasetSpec.DuckDbFallback fallback = database == null ? null
                    : new DatasetSpec.DuckDbFallback(database, m.relation().render());
            byName.putIfAbsent(m.name(), new DatasetSpec(m.name(), c.location(), c.partitioned(), fallback));
        }
        Path root = projectDir.resolve(externalRoot == null || externalRoot.isBlank() ? "." : externalRoot).normalize();
        for (DatasetSpec s : DatasetCatalog.scan(root)) {
            byName.putIfAbsent(s.name(), s);
        }
        return List.copyOf(byName.values());
    }

    private static Path databaseFile(Target target, Path projectDir) {
        String path = target.string("path");
        if (!"duckdb".equals(target.type()) || path == null || path.isBlank() || path.startsWith(":memory:")) {
            return null;
        }
        return projectDir.resolve(path).toAbsolutePath().normalize();
    }
}
