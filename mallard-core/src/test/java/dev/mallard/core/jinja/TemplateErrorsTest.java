package dev.mallard.core.jinja;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every template error is one MallardException naming the user's file and line. */
class TemplateErrorsTest {
    private static final Templates T = Templates.withMacros("macros/checks.sql", """
            {% macro must_be_positive(n) %}
              {% if n <= 0 %}
                {{ exceptions.raise_compiler_error('n must be positive, got ' ~ n) }}
              {% endif %}
              {{ n }}
            {% endmacro %}
            {% macro wrapper(n) %}
              {{ must_be_positive(n) }}
            {% endmacro %}
            {% macro calls_missing() %}
              {{ no_such_macro() }}
            {% endmacro %}
            {% macro countdown(n) %}{{ must_be_positive(n) }}{{ countdown(n - 1) }}{% endmacro %}
            """);

    private static MallardException fails(String template) {
        return assertThrows(MallardException.class, () -> T.render(template));
    }

    @Test
    void unclosedTagNamesFileAndLine() {
        MallardException e = fails("select 1\n{% if true %}\nx");
        assertEquals(ErrorCode.JINJA, e.code());
        assertEquals("models/m.sql", e.file());
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("endif"), e.getMessage());
    }

    @Test
    void badExpressionNamesFileAndLine() {
        MallardException e = fails("select\n\n{{ 1 + }}");
        assertEquals("models/m.sql", e.file());
        assertEquals(3, e.line());
    }

    @Test
    void callingAnUndefinedFunctionIsFatal() {
        MallardException e = fails("select 1\n{{ not_a_macro('x') }}");
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("'not_a_macro' is undefined"), e.getMessage());
    }

    @Test
    void unknownVariablesRenderEmptyButUsingThemIsAnError() {
        assertEquals("[]", T.render("[{{ missing_var }}]"));
        MallardException e = fails("{{ missing_var.attr }}");
        assertTrue(e.getMessage().contains("'missing_var' is undefined"), e.getMessage());
        // while parsing (execute=false) dbt's Undefined absorbs attribute reads and calls
        assertEquals("[]", Templates.withMacros(false).render("[{{ missing_var.attr() }}]"));
    }

    @Test
    void raiseCompilerErrorStopsWithTheMessage() {
        MallardException e = fails("a\nb\n{{ exceptions.raise_compiler_error('bad config') }}\nnot rendered");
        assertEquals("bad config", e.getMessage());
        assertEquals(3, e.line());
        assertEquals("models/m.sql:3: bad config", e.describe());
    }

    @Test
    void errorInsideAMacroNamesTheModelLineAndTheMacros() {
        MallardException e = fails("select\n  {{ wrapper(0) }}");
        assertEquals("models/m.sql", e.file());
        assertEquals(2, e.line());
        assertTrue(e.getMessage().startsWith("n must be positive, got 0"), e.getMessage());
        assertTrue(e.getMessage().contains("in macro 'must_be_positive' (macros/checks.sql:3)"), e.getMessage());
        assertTrue(e.getMessage().contains("called from macro 'wrapper' (macros/checks.sql:8)"), e.getMessage());
    }

    @Test
    void aRecursionListsEachRepeatedCallOnceWithItsCount() {
        MallardException e = fails("{{ countdown(3) }}"); // countdown(3), (2), (1) and (0), which fails
        assertTrue(e.getMessage().startsWith("n must be positive, got 0"), e.getMessage());
        assertEquals("""
                n must be positive, got 0
                  in macro 'must_be_positive' (macros/checks.sql:3)
                  called from macro 'countdown' (macros/checks.sql:13)
                  [the call above repeated 3 more times]""", e.getMessage());
    }

    @Test
    void undefinedMacroCalledInsideAMacro() {
        MallardException e = fails("\n\n{{ calls_missing() }}");
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("'no_such_macro' is undefined"), e.getMessage());
        assertTrue(e.getMessage().contains("in macro 'calls_missing' (macros/checks.sql:11)"), e.getMessage());
    }

    @Test
    void onlyTheFirstErrorIsReported() {
        MallardException e = fails("{{ exceptions.raise_compiler_error('first') }}\n{{ exceptions.raise_compiler_error('second') }}");
        assertEquals("first", e.getMessage());
    }

    @Test
    void syntaxErrorInAMacroFileNamesThatFile() {
        MallardException e = assertThrows(MallardException.class, () -> new JinjaEngine(
                List.of(new TemplateFile("macros/broken.sql", "{% macro ok() %}1{% endmacro %}\n\n{% macro broken() %}"))));
        assertEquals("macros/broken.sql", e.file());
        assertEquals(3, e.line());
    }

    @Test
    void warnLogsAndContinues() {
        Templates t = Templates.withMacros();
        assertEquals("done", t.render("{{ exceptions.warn('careful') }}done"));
        assertEquals(List.of("careful"), t.runtime.logs);
    }

    @Test
    void errorsAfterAMacroCallUseTheCallersLine() {
        MallardException e = fails("{{ wrapper(1) }}\n\n{{ exceptions.raise_compiler_error('later') }}");
        assertEquals(3, e.line());
    }

    @Test
    void ordinaryFunctionErrorsAreLocated() {
        MallardException e = fails("\n{{ ref() }}");
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("ref() needs a model name"), e.getMessage());
    }
}
