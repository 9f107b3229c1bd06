package dev.mallard.core.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Validates Mallard's catalog.json against the installed dbt-core's own schema
 * ({@code CatalogArtifact.json_schema()}) with Python's jsonschema, and has dbt read it
 * back. Runs only where a Python with dbt-core is found, as {@link DbtSchemaConformanceTest}.
 */
class CatalogSchemaConformanceTest {
    private static final String VALIDATE = String.join("\n",
            "import json, sys, jsonschema",
            "from dbt.artifacts.schemas.catalog import CatalogArtifact",
            "path = sys.argv[1] + '/catalog.json'",
            "doc = json.load(open(path))",
            "errors = ['catalog.json ' + '/'.join(map(str, e.absolute_path)) + ': ' + e.message[:300]",
            "          for e in jsonschema.Draft202012Validator(CatalogArtifact.json_schema()).iter_errors(doc)]",
            "if not errors:",
            "    CatalogArtifact.read_and_check_versions(path)",
            "print('\\n'.join(errors[:20]))",
            "sys.exit(1 if errors else 0)");

    @TempDir
    Path tmp;

    @Test
    void catalogValidatesAgainstDbtsOwnSchema() throws Exception {
        Optional<Path> python = DbtPython.find();
        assumeTrue(python.isPresent(), "no Python with dbt-core found; set MALLARD_DBT_PYTHON to run this test");

        Path target = tmp.resolve("target");
        new CatalogWriter(ManifestWriterTest.META).write(target, CatalogWriterTest.ENTRIES);

        Path script = tmp.resolve("validate.py");
        Files.writeString(script, VALIDATE);
        Process p = new ProcessBuilder(python.get().toString(), script.toString(), target.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(120, TimeUnit.SECONDS);
        assertEquals(0, p.exitValue(), out);
    }

    /** The Python interpreter with dbt-core and jsonschema: MALLARD_DBT_PYTHON, or a .venv above the working dir. */
    static final class DbtPython {
        private DbtPython() {
        }

        static Optional<Path> find() throws IOException, InterruptedException {
            String configured = System.getenv("MALLARD_DBT_PYTHON");
            Path candidate = null;
            if (configured != null && !configured.isBlank()) {
                candidate = Path.of(configured);
            } else {
                for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
                    if (Files.isExecutable(dir.resolve(".venv/bin/python"))) {
                        candidate = dir.resolve(".venv/bin/python");
                        break;
                    }
                }
            }
            if (candidate == null || !Files.isExecutable(candidate)) {
                return Optional.empty();
            }
            Process probe = new ProcessBuilder(List.of(candidate.toString(), "-c", "import dbt.artifacts, jsonschema"))
                    .redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            return probe.waitFor(60, TimeUnit.SECONDS) && probe.exitValue() == 0 ? Optional.of(candidate)
                    : Optional.empty();
        }
    }
}
