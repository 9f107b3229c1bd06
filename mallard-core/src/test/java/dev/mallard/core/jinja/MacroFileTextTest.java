package dev.mallard.core.jinja;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mallard.core.error.MallardException;
import org.junit.jupiter.api.Test;

/**
 * dbt reads a macro file as its top-level macro, test and materialization blocks only: text
 * between them is never parsed, so a usage example in an SQL comment that is not valid Jinja
 * ({@code --   {{ config(\n  --  materialized='table') }}}) does not break the file
 * (dbt-core 1.11.16 parses such a file of the duckdb_helper package).
 */
class MacroFileTextTest {
    private static final String FILE = """
            -- usage example:
              -- {{ config(
              --     materialized='table',
              --     post_hook=["{{ copy_to(this) }}"]
              -- ) }}
            {% set ignored = 1 %}
            {% macro copy_to(model) %}
            copy {{ model }} to 'x.csv'{% if ignored is defined %} never{% endif %}
            {% endmacro %}
            text {{ between( }}
            {%- test small(model, column_name) -%}
            select 1
            {%- endtest %}
            """;

    @Test
    void onlyTheTopLevelBlocksOfAMacroFileAreParsed() {
        Templates t = Templates.withMacros("macros/copy.sql", FILE);
        assertEquals("copy t to 'x.csv'", t.render("{{ copy_to('t') | trim }}"));
        assertEquals("select 1", t.render("{{ test_small('m', 'c') | trim }}"));
    }

    @Test
    void linesInsideABlockKeepTheirNumbers() {
        MallardException e = assertThrows(MallardException.class, () -> Templates.withMacros("macros/bad.sql",
                "-- {{ x(\n-- a='b' }}\n{% macro bad() %}\n{{ 1 + }}\n{% endmacro %}\n"));
        assertEquals(4, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("1 +"), e.getMessage());
    }

    @Test
    void blocksOnlyMasksTheRestAndKeepsNewlines() {
        String text = "a {{ b(\n}} c\n{% macro m() %}x{{ y }}{% endmacro %} d";
        String masked = MacroFileText.blocksOnly(text);
        assertEquals(text.length(), masked.length());
        assertEquals("       \n    \n{% macro m() %}x{{ y }}{% endmacro %}  ", masked);
    }
}
