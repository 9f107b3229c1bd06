package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A source's properties in manifest.json as dbt-core 1.11.16 writes them for these files: the
 * Jinja in its meta and freshness rendered (a freshness count becomes a number), the source's
 * meta as source_meta, source and table meta merged into config.meta and unrendered_config,
 * and the schema and database as written in unrendered_schema and unrendered_database.
 */
class SourcePropertiesIT {
    @TempDir
    Path dir;

    @Test
    void metaAndFreshnessAreRenderedAndSchemaKeepsItsUnrenderedText() {
        TestProject p = TestProject.in(dir).dbtProject()
                .file("models/s.yml", """
                        sources:
                          - name: plain
                            tables:
                              - name: t1
                          - name: rendered
                            schema: "{{ target.schema }}_raw"
                            database: "{{ target.database }}"
                            loaded_at_field: at
                            meta:
                              where: "{{ env_var('MALLARD_IT_UNSET_WHERE', 'here') }}"
                              nested: {n: "{{ 1 + 1 }}"}
                              plain_num: 3
                            freshness:
                              warn_after: {count: "{{ env_var('MALLARD_IT_UNSET_WARN', '2') | int }}", period: day}
                            tables:
                              - name: t2
                                meta:
                                  own: "{{ 'x' ~ 'y' }}"
                        """);
        p.runOk("parse");
        JsonNode sources = p.json("target/manifest.json").get("sources");
        JsonNode plain = sources.get("source." + p.name() + ".plain.t1");
        assertEquals("null", plain.get("unrendered_schema").toString());
        assertEquals("{}", plain.get("source_meta").toString());
        JsonNode t2 = sources.get("source." + p.name() + ".rendered.t2");
        assertEquals("\"{{ target.schema }}_raw\"", t2.get("unrendered_schema").toString());
        assertEquals("\"{{ target.database }}\"", t2.get("unrendered_database").toString());
        String merged = "{\"where\":\"here\",\"nested\":{\"n\":\"2\"},\"plain_num\":3,\"own\":\"xy\"}";
        assertEquals(merged, t2.get("meta").toString());
        assertEquals(merged, t2.get("config").get("meta").toString());
        assertEquals(merged, t2.get("unrendered_config").get("meta").toString());
        assertEquals("{\"where\":\"here\",\"nested\":{\"n\":\"2\"},\"plain_num\":3}", t2.get("source_meta").toString());
        assertEquals("{\"count\":2,\"period\":\"day\"}", t2.get("freshness").get("warn_after").toString());
        assertEquals("{\"count\":2,\"period\":\"day\"}", t2.get("config").get("freshness").get("warn_after").toString());
    }

    @Test
    void externalIsTheTablesExternalPropertyNotDbtDuckdbsExternalLocation() {
        // dbt-core 1.11.16 + dbt-duckdb 1.11.1 on these files: external is the table's external:
        // (dbt's ExternalTable); an external_location in meta or config only changes the relation
        TestProject p = TestProject.in(dir).dbtProject()
                .file("models/s.yml", """
                        sources:
                          - name: s
                            tables:
                              - name: by_meta
                                meta:
                                  external_location: "data/a.csv"
                              - name: by_external
                                external:
                                  location: "data/b.csv"
                                  file_format: csv
                        """);
        p.runOk("parse");
        JsonNode sources = p.json("target/manifest.json").get("sources");
        JsonNode byMeta = sources.get("source." + p.name() + ".s.by_meta");
        assertEquals("null", byMeta.get("external").toString());
        assertEquals("'data/a.csv'", byMeta.get("relation_name").asText());
        assertEquals("{\"location\":\"data/b.csv\",\"file_format\":\"csv\",\"row_format\":null,"
                + "\"tbl_properties\":null,\"partitions\":null}",
                sources.get("source." + p.name() + ".s.by_external").get("external").toString());
    }
}
