package dev.mallard.core.jinja;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The test, materialization, snapshot and docs tags. */
class DbtTagsTest {

    @Test
    void testBlockDefinesATestMacro() {
        Templates t = Templates.withMacros("tests/generic/is_even.sql", """
                {% test is_even(model, column_name) %}
                select * from {{ model }} where {{ column_name }} % 2 != 0
                {% endtest %}""");
        assertTrue(t.engine.hasMacro("test_is_even"));
        assertEquals("tests/generic/is_even.sql", t.engine.macroFile("test_is_even"));
        Object sql = t.engine.callMacro("test_is_even", List.of(), Map.of("model", "orders", "column_name", "n"),
                t.runtime, Map.of());
        assertEquals("select * from orders where n % 2 != 0", sql.toString().trim());
    }

    @Test
    void materializationBlockDefinesAMacroWithoutRunningIt() {
        Templates t = Templates.withMacros("macros/mat.sql", """
                {% materialization my_view, adapter='duckdb' %}
                  {{ exceptions.raise_compiler_error('not run at definition') }}
                {% endmaterialization %}
                {% materialization other, default %}x{% endmaterialization %}""");
        assertTrue(t.engine.hasMacro("materialization_my_view_duckdb"));
        assertTrue(t.engine.hasMacro("materialization_other_default"));
    }

    @Test
    void snapshotBlockRendersItsBodyAndIsRecorded() {
        Templates t = Templates.withMacros();
        Rendered r = t.engine.renderForResult(new TemplateFile("snapshots/s.sql", """
                {% snapshot orders_snapshot %}
                {{ config(unique_key='id', strategy='check') }}
                select * from {{ ref('orders') }}
                {% endsnapshot %}"""), t.runtime, Map.of());
        assertEquals(1, r.snapshots().size());
        Rendered.SnapshotBlock block = r.snapshots().get(0);
        assertEquals("orders_snapshot", block.name());
        assertEquals(1, block.line());
        assertEquals("select * from \"db\".\"main\".\"orders\"", block.sql().trim());
        assertEquals("id", t.runtime.config.get("unique_key"));
        assertTrue(r.output().contains("select * from"), r.output());
    }

    @Test
    void docsBlockRendersNothing() {
        Templates t = Templates.withMacros();
        assertEquals("a\n\nb", t.render("a\n{% docs orders %}\n# Orders {{ not_evaluated() }}\n{% enddocs %}\nb"));
    }
}
