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

    /**
     * Loads DuckDB's native library (a 71 MB file: ~45 ms to map and link) by initialising the
     * driver's class that loads it; the first connection then finds it loaded.
     */
    @Override
    public void prepare() {
        try {
            Class.forName("org.duckdb.DuckDBNative", true, DuckDbEngineFactory.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            // the first connection fails too (NoClassDefFoundError, with this failure as its cause)
        }
    }
}
