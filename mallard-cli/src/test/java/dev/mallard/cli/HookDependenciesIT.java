package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dbt renders hooks while parsing: a model whose hook reads another model depends on it, so the
 * other model is built first even when the body never refs it. dbt 1.11.16 writes the same
 * refs, sources and depends_on, and builds in the same order.
 */
class HookDependenciesIT {
    @TempDir
    Path dir;

    @Test
    void aHookRefMakesTheModelDependOnTheModelItReads() {
        TestProject p = TestProject.in(dir).dbtProject()
                .file("models/audit_log.sql", "{{ config(materialized='table') }}\nselect 0 as n")
                .file("models/orders.sql", """
                        {{ config(materialized='table',
                                  post_hook="insert into {{ ref('audit_log') }} select count(*) from {{ this }}") }}
                        select 1 as id union all select 2
                        """);
        p.runOk("build");
        JsonNode orders = p.json("target/manifest.json").get("nodes").get("model." + p.name() + ".orders");
        assertEquals("[\"model." + p.name() + ".audit_log\"]", orders.get("depends_on").get("nodes").toString());
        assertEquals("[{\"name\":\"audit_log\",\"package\":null,\"version\":null}]", orders.get("refs").toString());
        // audit_log was built before orders' hook wrote to it: the table rebuild did not drop the row
        assertEquals(List.of(List.of("0"), List.of("2")), p.rows("select n from audit_log order by n"));
    }

    @Test
    void aSnapshotsHookRefIsADependencyToo() {
        TestProject p = TestProject.in(dir).dbtProject()
                .file("models/audit.sql", "{{ config(materialized='table') }}\nselect 0 as n")
                .file("snapshots/s.sql", """
                        {% snapshot s %}
                        {{ config(strategy='check', unique_key='id', check_cols='all', target_schema='main',
                                  post_hook="insert into {{ ref('audit') }} select count(*) from {{ this }}") }}
                        select 1 as id
                        {% endsnapshot %}
                        """);
        p.runOk("build");
        JsonNode s = p.json("target/manifest.json").get("nodes").get("snapshot." + p.name() + ".s");
        assertEquals("[\"model." + p.name() + ".audit\"]", s.get("depends_on").get("nodes").toString());
        assertEquals(List.of(List.of("0"), List.of("1")), p.rows("select n from audit order by n"));
    }

    @Test
    void propertiesThatSetAConfigRenderTheHooksAgainAsDbtDoes() {
        TestProject p = TestProject.in(dir);
        p.dbtProject("models:\n  " + p.name() + ":\n    +post-hook: \"select count(*) from {{ source('raw', 't') }}\"\n")
                .file("models/x.sql", "select 1 as id")
                .file("models/y.sql", "select 1 as id")
                .file("models/schema.yml", """
                        version: 2
                        sources:
                          - name: raw
                            schema: main
                            tables:
                              - name: t
                        models:
                          - name: x
                            config:
                              tags: ['nightly']
                        """);
        p.runOk("parse");
        JsonNode nodes = p.json("target/manifest.json").get("nodes");
        assertEquals("[[\"raw\",\"t\"],[\"raw\",\"t\"]]", nodes.get("model." + p.name() + ".x").get("sources").toString());
        assertEquals("[[\"raw\",\"t\"]]", nodes.get("model." + p.name() + ".y").get("sources").toString());
    }

    @Test
    void aSeedsHookThatRefsAModelStopsTheParseAsInDbt() {
        TestProject p = TestProject.in(dir);
        p.dbtProject("seeds:\n  " + p.name() + ":\n    s1:\n"
                        + "      +post-hook: \"insert into {{ ref('audit') }} values ('{{ this.name }}')\"\n")
                .file("models/audit.sql", "select 'x'::varchar as name where false")
                .file("seeds/s1.csv", "id\n1\n")
                .file("seeds/s2.csv", "id\n2\n");
        CommandResult r = p.run("parse");
        assertEquals(2, r.exitCode(), r.out() + r.err());
        String all = r.out() + r.err();
        assertTrue(all.contains("Seeds cannot depend on other nodes"), all);
        assertTrue(all.contains("seeds/s1.csv"), all);
        assertTrue(all.contains("post_hook: \"insert into {{ ref('audit') }}"), all);
        assertFalse(p.exists("target/manifest.json"), "no manifest after a failed parse");
        // a hook that reads neither (grants, analyze) is fine, as in dbt
        p.dbtProject("seeds:\n  " + p.name() + ":\n    +post-hook: \"select count(*) from {{ this }}\"\n");
        p.runOk("build");
        assertEquals(List.of(List.of("1")), p.rows("select id from s1"));
    }

    @Test
    void theMacrosAHookCallsAreDependenciesAfterTheBodysInHookOrder() {
        // dbt-core 1.11.16 on these files: the body's macros, then those of the pre-hooks and the
        // post-hooks in the node's hook order (the project's first), each once
        TestProject p = TestProject.in(dir).dbtProject("""
                        models:
                          proj:
                            +post-hook: "{{ log_it('project') }}"
                        """)
                .file("macros/m.sql", """
                        {% macro zeta() %}select 1{% endmacro %}
                        {% macro alpha(x) %}select '{{ x }}'{% endmacro %}
                        {% macro log_it(x) %}select '{{ x }}'{% endmacro %}
                        {% macro body_part() %}1{% endmacro %}
                        """)
                .file("models/m.sql", """
                        {{ config(pre_hook="{{ zeta() }}", post_hook=["{{ alpha('a') }}", "{{ zeta() }}"]) }}
                        select {{ body_part() }} as id
                        """);
        p.runOk("parse");
        JsonNode m = p.json("target/manifest.json").get("nodes").get("model." + p.name() + ".m");
        assertEquals("[\"macro.proj.body_part\",\"macro.proj.zeta\",\"macro.proj.log_it\",\"macro.proj.alpha\"]",
                m.get("depends_on").get("macros").toString());
        // a partial parse of a changed model (one without a config() call) lists them too
        p.file("models/n.sql", "select {{ body_part() }} as id");
        p.runOk("parse");
        p.file("models/n.sql", "select {{ body_part() }} as id, 2 as k");
        p.runOk("parse");
        JsonNode n = p.json("target/manifest.json").get("nodes").get("model." + p.name() + ".n");
        assertEquals("[\"macro.proj.body_part\",\"macro.proj.log_it\"]", n.get("depends_on").get("macros").toString());
    }
}
