package dev.mallard.spark;

import dev.mallard.core.engine.Engine;
import dev.mallard.core.engine.EngineConformance;
import dev.mallard.core.project.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Spark (local, in-process, with its Derby metastore in a temporary directory) against the engine SPI's contract. */
class SparkConformanceTest extends EngineConformance {
    @Override
    protected Engine openEngine() throws Exception {
        Path dir = Files.createTempDirectory("mallard-spark-conformance");
        Target target = new Target("conformance", "dev", "spark", "default", null, 1,
                Map.of("type", "spark", "method", "session", "master", "local[2]", "schema", "default"), false);
        return new SparkEngineFactory().open(target, dir);
    }

    /** Spark SQL spells DOUBLE PRECISION as DOUBLE and has no VARCHAR without a length: STRING. */
    @Override
    protected String sqlType(String standard) {
        return switch (standard) {
            case "DOUBLE PRECISION" -> "DOUBLE";
            case "VARCHAR" -> "STRING";
            default -> standard;
        };
    }
}
