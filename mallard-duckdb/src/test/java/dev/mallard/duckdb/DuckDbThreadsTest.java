package dev.mallard.duckdb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mallard.core.engine.Engine;
import dev.mallard.core.engine.EngineSession;
import dev.mallard.core.project.Target;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DuckDB's thread count follows the number of nodes the executor runs at once. */
class DuckDbThreadsTest {
    @TempDir
    Path dir;

    private Engine open(Map<String, Object> fields) {
        return new DuckDbEngineFactory().open(new Target("t", "dev", "duckdb", "main", null, 2, fields, false), dir);
    }

    private static int threads(Engine engine) {
        try (EngineSession s = engine.openSession()) {
            return Integer.parseInt(String.valueOf(s.query("select current_setting('threads')", 1).rows().get(0).get(0)));
        }
    }

    @Test
    void dividesTheCoresWhileSeveralNodesRunAndGivesThemBack() {
        try (Engine engine = open(Map.of("path", "a.duckdb", "settings", Map.of("threads", 4)))) {
            // the profile's own setting is left alone
            engine.nodesAtOnce(2);
            assertEquals(4, threads(engine));
        }
        try (Engine engine = open(Map.of("path", "b.duckdb"))) {
            try (EngineSession s = engine.openSession()) {
                s.execute("SET threads = 4");
            }
            engine.nodesAtOnce(2);
            assertEquals(2, threads(engine));
            engine.nodesAtOnce(8);
            assertEquals(1, threads(engine));
            engine.nodesAtOnce(1);
            assertEquals(4, threads(engine));
        }
    }
}
