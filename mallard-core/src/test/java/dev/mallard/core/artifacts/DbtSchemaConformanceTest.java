package dev.mallard.core.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mallard.core.engine.Relation;
import dev.mallard.core.manifest.NodeConfig;
import dev.mallard.core.manifest.NodeId;
import dev.mallard.core.manifest.ResourceType;
import dev.mallard.core.manifest.UnitTestNode;
import dev.mallard.core.testing.ShopManifest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Validates Mallard's artifacts against the JSON schemas of the installed dbt-core
 * ({@code WritableManifest.json_schema()}, {@code RunResultsArtifact.json_schema()}), with
 * Python's jsonschema. Runs only where a Python with dbt-core is found: the
 * {@code MALLARD_DBT_PYTHON} variable, or a {@code .venv} above the working directory.
 */
class DbtSchemaConformanceTest {
    private static final String VALIDATE = String.join("\n",
            "import json, sys, jsonschema",
            "from dbt.artifacts.schemas.manifest import WritableManifest",
            "from dbt.artifacts.schemas.run import RunResultsArtifact",
            "schemas = {'manifest.json': WritableManifest.json_schema(),",
            "           'run_results.json': RunResultsArtifact.json_schema()}",
            "errors = []",
            "for name, schema in schemas.items():",
            "    doc = json.load(open(sys.argv[1] + '/' + name))",
            "    for e in jsonschema.Draft202012Validator(schema).iter_errors(doc):",
            "        errors.append(name + ' ' + '/'.join(map(str, e.absolute_path)) + ': ' + e.message[:300])",
            "print('\\n'.join(errors[:20]))",
            "sys.exit(1 if errors else 0)");

    @TempDir
    Path tmp;

    @Test
    void artifactsValidateAgainstDbtsOwnSchemas() throws Exception {
        Optional<Path> python = dbtPython();
        assumeTrue(python.isPresent(), "no Python with dbt-core found; set MALLARD_DBT_PYTHON to run this test");

        Path target = tmp.resolve("target");
        ShopManifest shop = ShopManifest.standard()
                .add(ShopManifest.standard().buildModel(ResourceType.MODEL, "hooked",
                        Map.of("post-hook", List.of("select 1"), "materialized", "ephemeral"), List.of("orders"),
                        List.of(), null, ""))
                .model("legacy", Map.of("enabled", false), List.of(), List.of())
                .add(unitTest());
        new ManifestWriter(ManifestWriterTest.META).write(target, shop.manifest(), shop.dag(),
                Map.of(new NodeId("model.shop.orders"), "select 1"));
        new RunResultsWriter(ManifestWriterTest.META).write(target, RunResultsWriterTest.summary(),
                Map.of("select", List.of("+orders")));

        Path script = tmp.resolve("validate.py");
        Files.writeString(script, VALIDATE);
        Process p = new ProcessBuilder(python.get().toString(), script.toString(), target.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(120, TimeUnit.SECONDS);
        assertEquals(0, p.exitValue(), out);
    }

    /** A unit test of model orders with dict, csv (as parsed) and sql fixtures and overrides. */
    static UnitTestNode unitTest() {
        return new UnitTestNode(new NodeId("unit_test.shop.orders.counts"), "counts", "shop", "schema.yml",
                "models/schema.yml", List.of("shop", "orders", "counts"),
                new NodeConfig(Map.of("tags", List.of(), "meta", Map.of(), "enabled", true)),
                new Relation("shop", "main", "counts"), "", "orders", new NodeId("model.shop.orders"),
                List.of(new UnitTestNode.Fixture("ref('customers')", new UnitTestNode.RefInput(null, "customers"),
                                UnitTestNode.Format.DICT, List.of(Map.of("id", 1)), null),
                        new UnitTestNode.Fixture("this", new UnitTestNode.ThisInput(), UnitTestNode.Format.SQL,
                                List.of(), "select 1 as id")),
                new UnitTestNode.Fixture(null, null, UnitTestNode.Format.CSV, List.of(Map.of("id", "1")), null),
                new UnitTestNode.Overrides(Map.of("is_incremental", true), Map.of("x", 1), Map.of(), true), "abc");
    }

    private static Optional<Path> dbtPython() throws IOException, InterruptedException {
        String configured = System.getenv("MALLARD_DBT_PYTHON");
        Path candidate = null;
        if (configured != null && !configured.isBlank()) {
            candidate = Path.of(configured);
        } else {
            for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
                Path venv = dir.resolve(".venv/bin/python");
                if (Files.isExecutable(venv)) {
                    candidate = venv;
                    break;
                }
            }
        }
        if (candidate == null || !Files.isExecutable(candidate)) {
            return Optional.empty();
        }
        Process probe = new ProcessBuilder(candidate.toString(), "-c", "import dbt.artifacts, jsonschema")
                .redirectErrorStream(true).start();
        probe.getInputStream().readAllBytes();
        return probe.waitFor(60, TimeUnit.SECONDS) && probe.exitValue() == 0 ? Optional.of(candidate) : Optional.empty();
    }
}
