package dev.mallard.core.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mallard.core.error.MallardException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** YAML values render as dbt renders them: natively, so one expression keeps its type. */
class YamlValueRendererTest {
    private final YamlValueRenderer renderer = new YamlValueRenderer(Map.of("n", 3, "flag", "yes"));

    @Test
    void oneExpressionKeepsItsPythonType() {
        assertEquals(3, renderer.render("{{ var('n') }}", "dbt_project.yml"));
        assertEquals(4L, renderer.render("{{ var('n') + 1 }}", "dbt_project.yml"));
        assertEquals(false, renderer.render("{{ var('n') > 5 }}", "dbt_project.yml"));
        assertEquals(List.of(3, 1L), renderer.render("{{ [var('n'), 1] }}", "dbt_project.yml"));
    }

    @Test
    void anExpressionOfConstantsIsFoldedToTextAsJinja2Does() {
        // Jinja2's compiler folds it and its native code generator emits the constant's text;
        // dbt then refuses +enabled: "{{ 1 > 2 }}" with "'False' is not of type 'boolean'"
        assertEquals("4", renderer.render("{{ 2 + 2 }}", "dbt_project.yml"));
        assertEquals("False", renderer.render("{{ 1 > 2 }}", "dbt_project.yml"));
        assertEquals("[1, 2]", renderer.render("{{ [1, 2] }}", "dbt_project.yml"));
        assertEquals("1", renderer.render("{{ 1 if true else x }}", "dbt_project.yml"));
        assertEquals("None", renderer.render("{{ none }}", "dbt_project.yml"));
        assertEquals("2", renderer.render("{{ [1, 2] | length }}", "dbt_project.yml"));
    }

    @Test
    void markedTextIsReadBackAsALiteral() {
        assertEquals(true, renderer.render("{{ 'True' | as_bool }}", "dbt_project.yml"));
        assertEquals(42L, renderer.render("{{ '42' | as_number }}", "dbt_project.yml"));
        assertEquals(1.5, renderer.render("{{ '1.5' | as_number }}", "dbt_project.yml"));
        assertEquals(Map.of("a", 1L), renderer.render("{{ \"{'a': 1}\" | as_native }}", "dbt_project.yml"));
        assertEquals("7", renderer.render("{{ 7 | as_text }}", "dbt_project.yml"));
    }

    @Test
    void textAroundAnExpressionGivesText() {
        assertEquals("x4", renderer.render("x{{ 4 }}", "dbt_project.yml"));
        assertEquals("a-3", renderer.render("{{ 'a' }}-{{ var('n') }}", "dbt_project.yml"));
    }

    @Test
    void aValueThatIsNotTheMarkedTypeIsAnError() {
        MallardException e = assertThrows(MallardException.class,
                () -> renderer.render("{{ var('flag') | as_bool }}", "dbt_project.yml"));
        assertTrue(e.getMessage().contains("Could not convert value 'yes' into type 'bool'"), e.getMessage());
    }
}
