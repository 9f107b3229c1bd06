package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code exceptions.warn(msg)} (dbt-expectations warns about regex flags an adapter ignores) is
 * dbt's JinjaLogWarning: the message as written, at warn level, code I061. Expected values come
 * from dbt 1.11.16 with dbt-duckdb 1.11.1 on the same files.
 */
class JinjaWarningIT {
    @TempDir
    Path dir;

    private TestProject project() {
        return TestProject.in(dir).dbtProject()
                .file("macros/w.sql", "{% macro w() %}{{ exceptions.warn('careful now') }}{% endmacro %}")
                .file("models/m.sql", "{% if execute %}{{ exceptions.warn('model ' ~ this.name) }}{% endif %}select 1 as x");
    }

    @Test
    void aJinjaWarningIsTheMessageAtWarnLevel() throws IOException {
        TestProject p = project();
        CommandResult text = p.run("run-operation", "w").assertOk();
        assertTrue(text.all().lines().anyMatch(l -> l.endsWith("  careful now")), text.all());
        assertFalse(text.all().contains("Warning: careful now"), text.all());

        CommandResult json = p.run("run", "--log-format", "json").assertOk();
        ObjectMapper mapper = new ObjectMapper();
        JsonNode warning = null;
        for (String line : json.out().lines().toList()) {
            JsonNode e = mapper.readTree(line);
            if (e.path("info").path("name").asText().equals("JinjaLogWarning")) {
                warning = e;
            }
        }
        assertTrue(warning != null, json.out());
        assertEquals("warn", warning.path("info").path("level").asText());
        assertEquals("I061", warning.path("info").path("code").asText());
        assertEquals("model m", warning.path("data").path("msg").asText());
    }
}
