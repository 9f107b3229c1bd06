package dev.mallard.spark;

import dev.mallard.core.engine.Engine;
import dev.mallard.core.engine.EngineFactory;
import dev.mallard.core.project.Target;
import java.nio.file.Path;

/**
 * Starts an in-process SparkSession for {@code type: spark} targets, as dbt-spark's
 * {@code method: session} does. Found by the ServiceLoader in this module's jar directory,
 * which mallard.jar opens only when a profile asks for Spark.
 */
public final class SparkEngineFactory implements EngineFactory {
    @Override
    public String type() {
        return "spark";
    }

    @Override
    public Engine open(Target target, Path projectDir) {
        return SparkEngine.open(SparkSettings.of(target, projectDir));
    }
}
