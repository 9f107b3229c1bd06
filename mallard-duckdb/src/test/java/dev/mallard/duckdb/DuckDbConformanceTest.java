package dev.mallard.duckdb;

import dev.mallard.core.engine.Engine;
import dev.mallard.core.engine.EngineConformance;
import dev.mallard.core.project.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** DuckDB against the engine SPI's contract, in a database file of its own. */
class DuckDbConformanceTest extends EngineConformance {
    private Path dir;

    @Override
    protected Engine openEngine() throws Exception {
        dir = Files.createTempDirectory("mallard-conformance");
        Target target = new Target("conformance", "dev", "duckdb", "main", null, 1, Map.of("path", "conformance.duckdb"),
                false);
        return new DuckDbEngineFactory().open(target, dir);
    }

    @Override
    protected void stopServer() throws Exception {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
