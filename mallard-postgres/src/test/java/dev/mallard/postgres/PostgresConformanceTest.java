package dev.mallard.postgres;

import dev.mallard.core.engine.Engine;
import dev.mallard.core.engine.EngineConformance;
import dev.mallard.core.ingest.postgres.PostgresTestServer;
import dev.mallard.core.project.Target;
import java.nio.file.Path;
import java.util.Map;

/** PostgreSQL against the engine SPI's contract, on a server the test starts (skipped on a machine without one). */
class PostgresConformanceTest extends EngineConformance {
    private PostgresTestServer server;

    @Override
    protected Engine openEngine() throws Exception {
        server = PostgresTestServer.start();
        if (server == null) {
            return null;
        }
        return new PostgresEngineFactory().open(target(server), Path.of("."));
    }

    @Override
    protected void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    /** The profile output of a dbt-postgres user for the test server. */
    static Target target(PostgresTestServer server) {
        return new Target("conformance", "dev", "postgres", "public", "mallard_test", 1, Map.of("host", "127.0.0.1",
                "port", server.port, "user", "mallard", "password", PostgresTestServer.PASSWORD, "dbname",
                "mallard_test", "schema", "public"), false);
    }
}
