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
        assertEquals(4L, renderer.render("{{ 2 + 2 }}", "dbt_project.yml"));
        assertEquals(false, renderer.render("{{ 1 > 2 }}", "dbt_project.yml"));
        assertEquals(List.of(1L, 2L), renderer.render("{{ [1, 2] }}", "dbt_project.yml"));
        assertEquals(3, renderer.render("{{ var('n') }}", "dbt_project.yml"));
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
