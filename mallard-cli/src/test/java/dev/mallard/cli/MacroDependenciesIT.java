package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code depends_on.macros} in target/manifest.json as dbt 1.11 writes it: the dbt macros
 * Mallard implements in Java are listed under dbt's ids, a generic test lists
 * get_where_subquery (except unique and not_null, which dbt renders without arguments), and
 * a dispatching macro lists the one implementation the call reaches.
 */
class MacroDependenciesIT {
    @TempDir
    Path dir;

    private static List<String> macros(JsonNode entry) {
        List<String> out = new ArrayList<>();
        entry.path("depends_on").path("macros").forEach(m -> out.add(m.asText()));
        return out;
    }

    private static JsonNode test(JsonNode manifest, String prefix) {
        for (JsonNode n : manifest.path("nodes")) {
            if (n.path("unique_id").asText().startsWith("test.proj." + prefix)) {
                return n;
            }
        }
        throw new AssertionError("no test " + prefix);
    }

    @Test
    void nativeDbtMacrosGenericTestsAndDispatchAreListedAsDbtLists() {
        TestProject p = TestProject.in(dir).dbtProject()
                .file("models/inc.sql", """
                        {{ config(materialized='incremental') }}
                        {% call statement('probe', fetch_result=True) %}select 1{% endcall %}
                        {% set rows = run_query('select 1') %}
                        select 1 as id, {{ shout() }} as s, {{ plain() }} as t
                        {% if is_incremental() and dbt.is_incremental() %} where false {% endif %}
                        """)
                .file("macros/shout.sql", """
                        {% macro shout() %}{{ return(adapter.dispatch('shout', 'proj')()) }}{% endmacro %}
                        {% macro default__shout() %}'a'{% endmacro %}
                        {% macro duckdb__shout() %}'A'{% endmacro %}
                        {% macro plain() %}{{ return(adapter.dispatch('plain', 'proj')()) }}{% endmacro %}
                        {% macro default__plain() %}'b'{% endmacro %}
                        """)
                .file("models/inc.yml", """
                        version: 2
                        models:
                          - name: inc
                            columns:
                              - name: id
                                data_tests: [unique, not_null, {accepted_values: {values: [1]}}]
                        """);

        p.runOk("parse");

        JsonNode manifest = p.json("target/manifest.json");
        assertEquals(List.of("macro.dbt.statement", "macro.dbt.run_query", "macro.proj.shout", "macro.proj.plain",
                "macro.dbt.is_incremental"), macros(manifest.path("nodes").path("model.proj.inc")));
        assertEquals(List.of("macro.dbt.test_unique"), macros(test(manifest, "unique_inc_id")));
        assertEquals(List.of("macro.dbt.test_not_null"), macros(test(manifest, "not_null_inc_id")));
        assertEquals(List.of("macro.dbt.test_accepted_values", "macro.dbt.get_where_subquery"),
                macros(test(manifest, "accepted_values_inc_id")));
        assertEquals(List.of("macro.proj.duckdb__shout"), macros(manifest.path("macros").path("macro.proj.shout")));
        assertEquals(List.of("macro.proj.default__plain"), macros(manifest.path("macros").path("macro.proj.plain")));
    }

    /**
     * dbt lists the macros a model's render calls itself while parsing (execute is false), in
     * the order they run, then those its hooks call: not a call in a branch that does not run,
     * nor the macros a called macro calls in turn (dbt 1.11: m_else, m_always, m_hook).
     */
    @Test
    void aModelListsTheMacrosItsParseRenderAndItsHooksCall() {
        TestProject p = TestProject.in(dir).dbtProject()
                .file("macros/m.sql", """
                        {% macro m_exec() %}1{% endmacro %}
                        {% macro m_else() %}2{% endmacro %}
                        {% macro m_hook(x) %}select 1{% endmacro %}
                        {% macro m_always() %}{{ m_inner() }}{% endmacro %}
                        {% macro m_inner() %}3{% endmacro %}
                        {% macro m_never() %}4{% endmacro %}
                        """)
                .file("models/a.sql", """
                        {{ config(post_hook="{{ m_hook(this) }}") }}
                        {% if execute %}{% set x = m_exec() %}{% else %}{% set y = m_else() %}{% endif %}
                        {% if false %}{{ m_never() }}{% endif %}
                        select {{ m_always() }} as c
                        """);

        p.runOk("parse");

        JsonNode manifest = p.json("target/manifest.json");
        assertEquals(List.of("macro.proj.m_else", "macro.proj.m_always", "macro.proj.m_hook"),
                macros(manifest.path("nodes").path("model.proj.a")));
    }

    @Test
    void aModelOrSingularTestListsTheMacrosItsParseRenderCalledNotThoseInBranchesLeftUntaken() {
        // dbt records the macros a node calls while it is parsed (execute is false then)
        TestProject p = TestProject.in(dir).dbtProject()
                .file("macros/m.sql", "{% macro m1() %}1{% endmacro %}{% macro m2() %}2{% endmacro %}"
                        + "{% macro m3() %}{{ m2() }}{% endmacro %}{% macro m4() %}4{% endmacro %}")
                .file("models/a.sql", "select {% if execute %}{{ m1() }}{% endif %}{% if false %}{{ m2() }}{% endif %}"
                        + " {{ m3() }} {% set x = m4 %} 1 as id")
                .file("tests/t.sql", "select {% if execute %}{{ m1() }}{% endif %} {{ m4() }} as x where false");

        p.runOk("parse");

        assertEquals(List.of("macro.proj.m3"),
                macros(p.json("target/manifest.json").path("nodes").path("model.proj.a")));
        assertEquals(List.of("macro.proj.m4"), macros(p.json("target/manifest.json").path("nodes").path("test.proj.t")));
    }
}
