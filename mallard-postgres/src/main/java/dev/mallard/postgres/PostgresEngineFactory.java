package dev.mallard.postgres;

import dev.mallard.core.engine.Engine;
import dev.mallard.core.engine.EngineFactory;
import dev.mallard.core.project.Target;
import java.nio.file.Path;

/**
 * Connects to PostgreSQL for {@code type: postgres} targets. Found by the ServiceLoader; it
 * touches no pgjdbc class until a profile asks for Postgres, so DuckDB start-up pays nothing.
 */
public final class PostgresEngineFactory implements EngineFactory {
    @Override
    public String type() {
        return "postgres";
    }

    @Override
    public Engine open(Target target, Path projectDir) {
        return PostgresEngine.open(PostgresSettings.of(target));
    }
}
