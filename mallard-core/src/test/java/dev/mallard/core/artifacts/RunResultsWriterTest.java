package dev.mallard.core.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mallard.core.exec.NodeResult;
import dev.mallard.core.exec.NodeStatus;
import dev.mallard.core.exec.RunSummary;
import dev.mallard.core.manifest.NodeId;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Given a run of three nodes, target/run_results.json reads back in dbt's v6 shape. */
class RunResultsWriterTest {
    static final Instant START = Instant.parse("2026-11-21T05:10:53.993014Z");

    static RunSummary summary() {
        return new RunSummary("build", "3f1c8a1e-0000-4000-8000-000000000001", Instant.parse("2026-11-21T05:10:52Z"),
                0.2206,
                List.of(new NodeResult(new NodeId("seed.shop.countries"), NodeStatus.SUCCESS, "INSERT 1", START,
                                START.plusMillis(54), 0.054, "Thread-1",
                                Map.of("_message", "INSERT 1", "code", "INSERT", "rows_affected", 1), null, null,
                                "\"shop\".\"main\".\"countries\""),
                        new NodeResult(new NodeId("model.shop.stg_orders"), NodeStatus.ERROR,
                                "Catalog Error: Table with name orders does not exist", START, START.plusMillis(40),
                                0.04, "Thread-2", Map.of(), null, "select * from \"shop\".\"raw\".\"orders\"",
                                "\"shop\".\"main\".\"stg_orders\""),
                        new NodeResult(new NodeId("model.shop.orders"), NodeStatus.SKIPPED, null, null, null, 0,
                                "Thread-1", Map.of(), null, null, "\"shop\".\"main\".\"orders\"")));
    }

    @TempDir
    Path target;

    JsonNode write() throws IOException {
        Path file = new RunResultsWriter(ManifestWriterTest.META).write(target, summary(),
                Map.of("select", List.of("+orders"), "exclude", List.of()));
        assertEquals(target.resolve("run_results.json"), file);
        return new ObjectMapper().readTree(file.toFile());
    }

    @Test
    void metadataAndTopLevel() throws IOException {
        JsonNode r = write();
        List<String> keys = new ArrayList<>();
        r.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("metadata", "results", "elapsed_time", "args"), keys);
        JsonNode m = r.get("metadata");
        assertEquals("https://schemas.getdbt.com/dbt/run-results/v6.json", m.get("dbt_schema_version").asText());
        assertEquals("1.11.0", m.get("dbt_version").asText());
        assertEquals("2026-11-21T05:10:53.537663Z", m.get("generated_at").asText());
        assertEquals("2026-11-21T05:10:52.000000Z", m.get("invocation_started_at").asText());
        assertEquals("3f1c8a1e-0000-4000-8000-000000000001", m.get("invocation_id").asText());
        assertEquals("0.1.0", m.get("env").get("MALLARD_VERSION").asText());
        assertEquals(0.2206, r.get("elapsed_time").asDouble(), 1e-9);
        assertEquals("build", r.get("args").get("which").asText());
        assertEquals("[\"+orders\"]", r.get("args").get("select").toString());
    }

    @Test
    void successfulResult() throws IOException {
        JsonNode s = write().get("results").get(0);
        List<String> keys = new ArrayList<>();
        s.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("status", "timing", "thread_id", "execution_time", "adapter_response", "message",
                "failures", "unique_id", "compiled", "compiled_code", "relation_name", "batch_results"), keys);
        assertEquals("success", s.get("status").asText());
        assertEquals("seed.shop.countries", s.get("unique_id").asText());
        assertEquals("compile", s.get("timing").get(0).get("name").asText());
        assertEquals("execute", s.get("timing").get(1).get("name").asText());
        assertEquals("2026-11-21T05:10:53.993014Z", s.get("timing").get(1).get("started_at").asText());
        assertEquals("2026-11-21T05:10:54.047014Z", s.get("timing").get(1).get("completed_at").asText());
        assertEquals(0.054, s.get("execution_time").asDouble(), 1e-9);
        assertEquals(1, s.get("adapter_response").get("rows_affected").asInt());
        assertEquals("INSERT 1", s.get("message").asText());
        assertTrue(s.get("failures").isNull());
        assertTrue(s.get("compiled").isNull());
        assertTrue(s.get("batch_results").isNull());
    }

    @Test
    void errorAndSkippedResults() throws IOException {
        JsonNode results = write().get("results");
        JsonNode error = results.get(1);
        assertEquals("error", error.get("status").asText());
        assertTrue(error.get("compiled").asBoolean());
        assertEquals("select * from \"shop\".\"raw\".\"orders\"", error.get("compiled_code").asText());
        assertEquals("Thread-2", error.get("thread_id").asText());
        JsonNode skipped = results.get(2);
        assertEquals("skipped", skipped.get("status").asText());
        assertEquals(0, skipped.get("timing").size());
        assertEquals(false, skipped.get("compiled").asBoolean(true));
        assertTrue(skipped.get("message").isNull());
        assertEquals("\"shop\".\"main\".\"orders\"", skipped.get("relation_name").asText());
    }

    @Test
    void timestampsAlwaysHaveSixFractionDigits() {
        assertEquals("2026-01-02T03:04:05.000000Z", Timestamps.iso(Instant.parse("2026-01-02T03:04:05Z")));
        assertEquals("2026-01-02T03:04:05.123456Z", Timestamps.iso(Instant.parse("2026-01-02T03:04:05.1234567Z")));
    }

    @Test
    void customEnvVariablesLoseTheirPrefix() {
        assertEquals(Map.of("TEAM", "data"), ArtifactMetadata.customEnv(
                Map.of("DBT_ENV_CUSTOM_ENV_TEAM", "data", "HOME", "/root", "DBT_ENV_CUSTOM_ENV_", "x")));
    }
}
