package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dbt's tags of tests and sources: a source table has its source's and its own tags, and a
 * test node has the tags of its column and source table (sorted with its own, then its
 * config's), which {@code tag:} selects; its config keeps only the configured ones. Checked
 * against dbt 1.11.16 on the same project.
 */
class TestTagsIT {
    @TempDir
    static Path dir;

    static TestProject project;

    @BeforeAll
    static void parse() {
        project = TestProject.in(dir).dbtProject("""
                data_tests:
                  +tags: [proj_t]
                """)
                .file("seeds/s.csv", "id\n1\n")
                .file("models/m.sql", "select 1 as id")
                .file("models/p.yml", """
                        version: 2
                        models:
                          - name: m
                            config:
                              tags: [model_t]
                            data_tests:
                              - accepted_values:
                                  column_name: id
                                  values: [1]
                            columns:
                              - name: id
                                tags: [col_t]
                                data_tests:
                                  - not_null:
                                      config:
                                        tags: [cfg_t]
                                  - unique:
                                      tags: [arg_t]
                        sources:
                          - name: src
                            schema: main
                            tags: [src_t]
                            tables:
                              - name: s
                                tags: [tbl_t]
                                data_tests:
                                  - unique:
                                      column_name: id
                                columns:
                                  - name: id
                                    tags: [scol_t]
                                    data_tests: [not_null]
                        """);
        project.runOk("parse");
    }

    private static String tags(JsonNode node) {
        return node.get("tags").toString() + node.get("config").get("tags").toString();
    }

    @Test
    void testsCarryTheirColumnsAndSourcesTags() {
        JsonNode nodes = project.json("target/manifest.json").get("nodes");
        java.util.Map<String, String> byName = new java.util.TreeMap<>();
        nodes.forEach(n -> {
            if (n.get("resource_type").asText().equals("test")) {
                byName.put(n.get("name").asText(), tags(n));
            }
        });
        assertEquals("{accepted_values_m_id__1=[\"proj_t\"][\"proj_t\"], "
                + "not_null_m_id=[\"cfg_t\",\"col_t\",\"proj_t\"][\"proj_t\",\"cfg_t\"], "
                + "source_not_null_src_s_id=[\"scol_t\",\"src_t\",\"tbl_t\",\"proj_t\"][\"proj_t\"], "
                + "source_unique_src_s_id=[\"src_t\",\"tbl_t\",\"proj_t\"][\"proj_t\"], "
                + "unique_m_id=[\"arg_t\",\"col_t\",\"proj_t\"][\"proj_t\",\"arg_t\"]}", byName.toString());
        JsonNode source = project.json("target/manifest.json").get("sources").get("source.proj.src.s");
        assertEquals("[\"src_t\",\"tbl_t\"][\"src_t\",\"tbl_t\"]", tags(source));
    }

    @Test
    void aModelsPrimaryKeyIsInferredFromItsUniqueAndNotNullTests() {
        JsonNode m = project.json("target/manifest.json").get("nodes").get("model.proj.m");
        assertEquals("[\"id\"]", m.get("primary_key").toString());
    }

    @Test
    void tagSelectionSeesInheritedTags() {
        List<String> names = project.runOk("ls", "--select", "tag:src_t", "tag:col_t", "--output", "name", "--quiet")
                .out().lines().filter(l -> !l.isBlank()).sorted().toList();
        assertEquals(List.of("not_null_m_id", "source_not_null_src_s_id", "source_unique_src_s_id", "src.s",
                "unique_m_id"), names);
    }
}
