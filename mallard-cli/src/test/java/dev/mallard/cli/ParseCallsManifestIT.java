package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What dbt records of a model's ref() and source() calls at parse time: one refs/sources entry
 * per call (a model that reads a relation twice lists it twice), and ref()/source() give the
 * model's own relation while parsing, so a config value built from them (a hook's text) is the
 * one dbt 1.11.16 writes to manifest.json and later runs.
 */
class ParseCallsManifestIT {
    @TempDir
    Path dir;

    @Test
    void everyCallIsListedAndParseTimeRefIsTheModelItself() {
        TestProject p = TestProject.in(dir).dbtProject()
                .file("models/a.sql", "select 1 as id")
                .file("models/b.sql", """
                        {{ config(materialized='table', post_hook="select count(*) from " ~ ref('a')) }}
                        select * from {{ ref('a') }} union all select * from {{ ref('a') }}
                        union all select id from {{ source('raw', 't') }} union all select id from {{ source('raw', 't') }}
                        """)
                .file("models/sources.yml", """
                        version: 2
                        sources:
                          - name: raw
                            schema: main
                            tables:
                              - name: t
                        """);
        p.runOk("parse");
        JsonNode b = p.json("target/manifest.json").get("nodes").get("model." + p.name() + ".b");
        // the config's ref counts too, as in dbt
        String a = "{\"name\":\"a\",\"package\":null,\"version\":null}";
        assertEquals("[" + a + "," + a + "," + a + "]", b.get("refs").toString());
        assertEquals("[[\"raw\",\"t\"],[\"raw\",\"t\"]]", b.get("sources").toString());
        assertEquals("select count(*) from " + b.get("relation_name").asText(),
                b.get("config").get("post-hook").get(0).get("sql").asText());
    }
}
