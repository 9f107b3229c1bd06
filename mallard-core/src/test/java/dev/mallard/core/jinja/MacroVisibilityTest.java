package dev.mallard.core.jinja;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mallard.core.error.MallardException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Which macros a bare name finds, as in dbt 1.11: the rendering node's own package, then the
 * root project, then dbt's library; another package's macros only as {@code pkg.macro}, also
 * when that package's own macro calls them by bare name.
 */
class MacroVisibilityTest {
    private static final Map<String, String> PACKAGE_OF = Map.of(
            "macros/r.sql", "proj", "dbt_packages/p1/macros/m.sql", "p1", "dbt_packages/p2/macros/m.sql", "p2",
            "dbt_macros.sql", "dbt");
    private final JinjaEngine jinja = JinjaEngine.forProject(List.of(
            new TemplateFile("dbt_macros.sql", "{% macro lib() %}L{% endmacro %}{% macro shadowed() %}dbt{% endmacro %}"),
            new TemplateFile("dbt_packages/p1/macros/m.sql", "{% macro a() %}a:{{ b() }}{% endmacro %}"
                    + "{% macro b() %}b1{% endmacro %}{% macro c() %}c:{{ rootm() }}{% endmacro %}"
                    + "{% macro d() %}d:{{ p2only() }}{% endmacro %}"),
            new TemplateFile("dbt_packages/p2/macros/m.sql", "{% macro p2only() %}p2{% endmacro %}"
                    + "{% macro b() %}b2{% endmacro %}{% macro shadowed() %}p2{% endmacro %}"),
            new TemplateFile("macros/r.sql", "{% macro rootm() %}R{% endmacro %}")),
            List.of(), new JinjaPackages("proj", Set.of("proj", "p1", "p2"), PACKAGE_OF::get, Map.of(), Map.of()));

    private String render(String packageName, String text) {
        FakeRuntime runtime = new FakeRuntime(true);
        runtime.packageName = packageName;
        return jinja.render(new TemplateFile("models/x.sql", text), runtime, Map.of());
    }

    @Test
    void aRootNodeSeesTheProjectsAndDbtsMacrosAndPackagesOnlyByTheirName() {
        assertEquals("R|L|dbt|b2|c:R", render(null,
                "{{ rootm() }}|{{ lib() }}|{{ shadowed() }}|{{ p2.b() }}|{{ p1.c() }}"));
    }

    @Test
    void anotherPackagesMacroIsUndefinedByBareNameAsInDbt() {
        for (String call : List.of("{{ p2only() }}", "{{ p1.a() }}", "{{ p1.d() }}")) {
            MallardException e = assertThrows(MallardException.class, () -> render(null, call), call);
            assertTrue(e.getMessage().contains("is undefined"), e.getMessage());
        }
    }

    @Test
    void aPackagesNodeSeesItsOwnMacrosFirst() {
        assertEquals("a:b1|R", render("p1", "{{ a() }}|{{ rootm() }}"));
    }
}
