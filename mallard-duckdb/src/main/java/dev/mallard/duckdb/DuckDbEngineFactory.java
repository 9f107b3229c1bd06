package dev.mallard.duckdb;

import dev.mallard.core.engine.Engine;
import dev.mallard.core.engine.EngineFactory;
import dev.mallard.core.project.Target;
import java.nio.file.Path;

/** Opens embedded DuckDB for {@code type: duckdb} targets. */
public final class DuckDbEngineFactory implements EngineFactory {
    @Override
    public String type() {
        return "duckdb";
    }

    @Override
    public Engine open(Target target, Path projectDir) {
        return DuckDbEngine.open(target, projectDir);
    }
}
