package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A properties file's {@code macros:} entries, applied to target/manifest.json's macros as
 * dbt 1.11 applies them. The expected entries are those dbt-core 1.11.16 + dbt-duckdb 1.11.1
 * wrote for this same project ({@code dbt parse}).
 */
class MacroPropertiesIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FIELDS = List.of("description", "meta", "docs", "config", "patch_path",
            "arguments");

    @TempDir
    Path dir;

    private TestProject project() {
        return TestProject.in(dir).dbtProject()
                .file("models/m.sql", "select {{ cents_to_dollars('100') }} as x, {{ helper.pad() }} as p\n")
                .file("macros/money.sql", """
                        {% macro cents_to_dollars(column_name, scale=2) %}({{ column_name }} / 100)::numeric(16, {{ scale }}){% endmacro %}
                        {% macro plain() %}1{% endmacro %}
                        {% macro untouched() %}2{% endmacro %}
                        """)
                .file("macros/docs.md", "{% docs money_doc %}Converts cents to dollars.{% enddocs %}\n")
                .file("macros/props.yml", """
                        version: 2
                        macros:
                          - name: cents_to_dollars
                            description: '{{ doc("money_doc") }} Rounds to a scale.'
                            docs:
                              show: false
                            meta:
                              owner: finance
                            arguments:
                              - name: column_name
                                type: string
                                description: The column in cents
                              - name: scale
                                type: integer
                          - name: no_such_macro
                            description: a typo
                        """)
                .file("models/schema.yml", """
                        version: 2
                        macros:
                          - name: plain
                            description: A plain macro
                            meta: {tier: 1}
                            config:
                              meta: {team: core}
                              docs: {node_color: red}
                            arguments:
                              - name: unused
                                description: "{{ doc('money_doc') }}"
                        """)
                .file("dbt_packages/helper/dbt_project.yml", "name: 'helper'\nversion: '1.0.0'\nconfig-version: 2\n")
                .file("dbt_packages/helper/macros/pad.sql", "{% macro pad() %}'p'{% endmacro %}\n")
                .file("dbt_packages/helper/macros/pad.yml", "version: 2\nmacros:\n  - name: pad\n    description: Pads\n");
    }

    private static JsonNode fields(JsonNode manifest, String id) {
        ObjectNode out = JSON.createObjectNode();
        JsonNode entry = manifest.path("macros").path(id);
        FIELDS.forEach(f -> out.set(f, entry.get(f)));
        return out;
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void macroEntriesOfPropertiesFilesAreAppliedAsDbtAppliesThem() throws Exception {
        TestProject p = project();

        p.runOk("parse").assertOutContains("[WARNING]: Found patch for macro \"no_such_macro\" which was not found");

        JsonNode manifest = p.json("target/manifest.json");
        assertEquals(json("""
                {"description": "Converts cents to dollars. Rounds to a scale.", "meta": {"owner": "finance"},
                 "docs": {"show": false, "node_color": null},
                 "config": {"meta": {"owner": "finance"}, "docs": {"show": false, "node_color": null}},
                 "patch_path": "proj://macros/props.yml",
                 "arguments": [{"name": "column_name", "type": "string", "description": "The column in cents"},
                               {"name": "scale", "type": "integer", "description": ""}]}"""),
                fields(manifest, "macro.proj.cents_to_dollars"));
        assertEquals(json("""
                {"description": "A plain macro", "meta": {"tier": 1, "team": "core"},
                 "docs": {"show": true, "node_color": "red"},
                 "config": {"meta": {"tier": 1, "team": "core"}, "docs": {"show": true, "node_color": "red"}},
                 "patch_path": "proj://models/schema.yml",
                 "arguments": [{"name": "unused", "type": null, "description": "Converts cents to dollars."}]}"""),
                fields(manifest, "macro.proj.plain"));
        assertEquals(json("""
                {"description": "", "meta": {}, "docs": {"show": true, "node_color": null},
                 "config": {"meta": {}, "docs": {"show": true, "node_color": null}}, "patch_path": null,
                 "arguments": []}"""), fields(manifest, "macro.proj.untouched"));
        assertEquals(json("""
                {"description": "Pads", "meta": {}, "docs": {"show": true, "node_color": null},
                 "config": {"meta": {}, "docs": {"show": true, "node_color": null}},
                 "patch_path": "helper://macros/pad.yml", "arguments": []}"""), fields(manifest, "macro.helper.pad"));
    }

    @Test
    void aChangedMacroDescriptionIsInTheNextParse() throws Exception {
        TestProject p = project();
        p.runOk("parse");
        p.runOk("parse"); // the saved parse, reused
        assertEquals("A plain macro", p.json("target/manifest.json").path("macros").path("macro.proj.plain")
                .path("description").asText());

        p.file("models/schema.yml", p.read("models/schema.yml").replace("A plain macro", "A changed macro"));
        p.runOk("parse");
        assertEquals("A changed macro", p.json("target/manifest.json").path("macros").path("macro.proj.plain")
                .path("description").asText());

        p.file("models/m.sql", "select {{ cents_to_dollars('200') }} as x\n"); // a model alone: the saved parse patched
        p.runOk("parse");
        JsonNode manifest = p.json("target/manifest.json");
        assertEquals("A changed macro", manifest.path("macros").path("macro.proj.plain").path("description").asText());
        assertEquals("proj://macros/props.yml", manifest.path("macros").path("macro.proj.cents_to_dollars")
                .path("patch_path").asText());
    }

    @Test
    void theDocsSiteLeavesOutAMacroNotShownAndListsAMacrosArguments() throws Exception {
        TestProject p = project();

        p.runOk("docs", "generate");

        Path target = dir.resolve("target");
        JsonNode data = DocsSiteIT.siteData(target);
        List<String> ids = new java.util.ArrayList<>();
        data.path("nodes").forEach(n -> ids.add(n.path("id").asText()));
        assertTrue(ids.contains("macro.proj.plain") && ids.contains("macro.helper.pad"), ids.toString());
        assertFalse(ids.contains("macro.proj.cents_to_dollars"), "docs: {show: false} leaves the macro out");
        int at = ids.indexOf("macro.proj.plain");
        String chunk = java.nio.file.Files.readString(target.resolve("docs-data/" + at / data.path("chunk_size").asInt()
                + ".js"));
        JsonNode details = JSON.readTree(chunk.substring(chunk.indexOf(',') + 1, chunk.lastIndexOf(')')));
        JsonNode args = details.get(at % data.path("chunk_size").asInt()).path("args");
        assertEquals(1, args.size(), details.toString());
        assertEquals("unused", args.get(0).path("name").asText());
        assertTrue(args.get(0).path("desc").asText().contains("Converts cents to dollars."), args.toString());
    }

    @Test
    void aMacroDescribedTwiceIsAnError() {
        TestProject p = project().file("models/more.yml", "version: 2\nmacros:\n  - name: plain\n    description: x\n");

        p.run("parse").assertFailed().assertOutputContains("dbt found two schema.yml entries for the same macro in"
                + " package proj named plain", "models/more.yml", "models/schema.yml");
    }

    @Test
    void aMacroEntryWithoutANameIsAnError() {
        TestProject p = project().file("macros/more.yml", "version: 2\nmacros:\n  - description: no name\n");

        p.run("parse").assertFailed().assertOutputContains("The schema file at macros/more.yml is invalid because a"
                + " list element for 'macros' does not have a name attribute.");
    }
}
