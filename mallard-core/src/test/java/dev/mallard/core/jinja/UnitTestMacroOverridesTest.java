package dev.mallard.core.jinja;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A unit test's {@code overrides: macros:} replace macros as dbt's unit test context does. */
class UnitTestMacroOverridesTest {
    private final Templates t = Templates.withDbtLibrary("macros/m.sql", """
            {% macro stamp() %}{{ dbt.current_timestamp() }}{% endmacro %}
            {% macro label(x) %}real-{{ x }}{% endmacro %}
            {% macro bounds() %}{{ return({'lo': 1}) }}{% endmacro %}
            """);

    private String render(String template, Map<String, Object> overrides) {
        return t.render(template, t.engine.macroOverrides(overrides));
    }

    @Test
    void aNamespacedOverrideIsSeenByCallsInsideOtherMacrosToo() {
        assertEquals("now()", t.render("{{ stamp() }}").strip());
        assertEquals("'2024-01-01'", render("{{ stamp() }}", Map.of("dbt.current_timestamp", "'2024-01-01'")));
        assertEquals("'2024-01-01'", render("{{ dbt.current_timestamp() }}",
                Map.of("dbt.current_timestamp", "'2024-01-01'")));
    }

    @Test
    void aBareOverrideReturnsItsValueWhateverTheArguments() {
        Map<String, Object> overrides = new LinkedHashMap<>();
        overrides.put("label", "stub");
        overrides.put("bounds", Map.of("lo", 7));
        assertEquals("stub|7", render("{{ label(1, 2, k=3) }}|{{ bounds()['lo'] }}", overrides));
        assertEquals("real-1|1", t.render("{{ label(1) }}|{{ bounds()['lo'] }}"));
    }

    @Test
    void namesThatAreNoMacroAndIsIncrementalAreLeftAlone() {
        Map<String, Object> overrides = new LinkedHashMap<>();
        overrides.put("no_such_macro", 1);
        overrides.put("is_incremental", true);
        overrides.put("nopkg.thing", 2);
        assertEquals(Map.of(), t.engine.macroOverrides(overrides));
    }
}
