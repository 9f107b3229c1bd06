package dev.mallard.core.jinja;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mallard.core.error.MallardException;
import org.junit.jupiter.api.Test;

/**
 * While parsing, dbt renders a node's own text with an Undefined that absorbs attribute reads
 * and calls, but a project macro's body with Jinja's plain Undefined: reading an attribute of
 * an undefined value there fails the parse (checked against dbt 1.11: a singular test calling a
 * macro that loops over {@code graph.nodes.values()} fails with "'dict object' has no attribute
 * 'nodes'"). A lenient value the node passes in still absorbs.
 */
class ParseTimeUndefinedTest {
    private final Templates parse = Templates.withMacros(false, "macros/m.sql", """
            {% macro loop_nodes() %}{% for n in graph.nodes.values() %}{{ n }}{% endfor %}{% endmacro %}
            {% macro print_nodes() %}[{{ graph.nodes }}]{% endmacro %}
            {% macro attr_of(x) %}<{{ x.y.z() }}>{% endmacro %}
            {% macro with_caller() %}{{ caller() }}{% endmacro %}
            """);

    @Test
    void theNodesOwnTextAbsorbsUndefinedAttributesAndCalls() {
        assertEquals("ok", parse.render("{% for n in graph.nodes.values() %}{{ n }}{% endfor %}ok"));
    }

    @Test
    void aMacroReadingAnAttributeOfAnUndefinedValueFailsTheParse() {
        // the graph is an empty dict while parsing
        MallardException e = assertThrows(MallardException.class, () -> parse.render("{{ loop_nodes() }}"));
        assertTrue(e.getMessage().contains("'dict object' has no attribute 'nodes'"), e.getMessage());
        assertEquals("[]|{}", parse.render("{{ print_nodes() }}|{{ graph }}"));
    }

    @Test
    void aLenientValueFromTheNodeAndACallBlockBodyStayLenient() {
        assertEquals("<>", parse.render("{{ attr_of(no_such_thing) }}"));
        assertEquals("ok", parse.render("{% call with_caller() %}{{ nope.a.b() }}ok{% endcall %}"));
    }
}
