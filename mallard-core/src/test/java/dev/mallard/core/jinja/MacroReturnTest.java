package dev.mallard.core.jinja;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mallard.core.error.MallardException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** return() stops a macro and hands its value to the caller; other macros yield their text. */
class MacroReturnTest {
    private static final Templates T = Templates.withMacros("macros/util.sql", """
            {% macro columns() %}{{ return(['id', 'name']) }}{% endmacro %}
            {% macro settings() %}{% do return({'schema': 'raw', 'enabled': true}) %}{% endmacro %}
            {% macro greeting(who) %}hello {{ who }}{% endmacro %}
            {% macro is_prod() %}{{ return(target.name == 'prod') }}{% endmacro %}
            {% macro first_even(items) %}
              {%- for i in items %}{% if i % 2 == 0 %}{{ return(i) }}{% endif %}{% endfor -%}
              {{ return(none) }}
            {% endmacro %}
            {% macro stops_early() %}{{ return('early') }}{{ exceptions.raise_compiler_error('not reached') }}{% endmacro %}
            {% macro count_columns() %}{% set cols = columns() %}{{ return(cols | length) }}{% endmacro %}
            {% macro fact(n) %}{{ return(1 if n <= 1 else n * fact(n - 1)) }}{% endmacro %}
            {% macro select_list() %}{{ return(columns() | join(', ')) }}{% endmacro %}
            """);

    @Test
    void setGetsTheReturnedObject() {
        assertEquals("name|2", T.render("{% set c = columns() %}{{ c[1] }}|{{ c | length }}"));
        assertEquals("raw True", T.render("{% set s = settings() %}{{ s.schema }} {{ s['enabled'] }}"));
        assertEquals("False", T.render("{{ is_prod() }}"));
    }

    @Test
    void printingAReturnedStringPrintsIt() {
        assertEquals("select id, name from t", T.render("select {{ select_list() }} from t"));
    }

    @Test
    void macrosWithoutReturnYieldTheirText() {
        assertEquals("hello world", T.render("{{ greeting('world') }}"));
        assertEquals("hello you", T.render("{% set g = greeting('you') %}{{ g }}"));
    }

    @Test
    void returnStopsTheMacroEvenInsideLoops() {
        assertEquals("4", T.render("{{ first_even([1, 3, 4, 6]) }}"));
        // return(none) hands None back, which prints as Python prints it
        assertEquals("[None]", T.render("[{{ first_even([1, 3]) }}]"));
        assertEquals("early", T.render("{{ stops_early() }}"));
    }

    @Test
    void nestedMacroCallsReturnThroughEachLevel() {
        assertEquals("2", T.render("{{ count_columns() }}"));
    }

    @Test
    void macrosMayRecurse() {
        assertEquals("120", T.render("{{ fact(5) }}"));
    }

    @Test
    void callMacroFromJavaGetsTheReturnedObject() {
        Object out = T.engine.callMacro("columns", List.of(), Map.of(), T.runtime, Map.of());
        assertEquals(List.of("id", "name"), out);
        assertEquals("hello x", T.engine.callMacro("greeting", List.of("x"), Map.of(), T.runtime, Map.of()));
    }

    @Test
    void returnOutsideAMacroIsAnError() {
        MallardException e = assertThrows(MallardException.class, () -> T.render("{{ return(1) }}"));
        assertTrue(e.getMessage().contains("inside a macro"), e.getMessage());
        assertEquals("models/m.sql", e.file());
    }

    @Test
    void macrosDefinedInTheTemplateItselfAlsoReturn() {
        assertEquals("3", T.render("{% macro three() %}{{ return(1 + 2) }}{% endmacro %}{{ three() }}"));
    }
}
