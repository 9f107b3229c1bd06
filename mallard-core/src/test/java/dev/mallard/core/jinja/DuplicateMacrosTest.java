package dev.mallard.core.jinja;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mallard.core.error.MallardException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** As dbt: a macro name is unique within a package; across packages the project's wins. */
class DuplicateMacrosTest {
    private static final Map<String, String> PACKAGE_OF = Map.of(
            "macros/a.sql", "proj", "macros/b.sql", "proj",
            "dbt_packages/pkg/macros/x.sql", "pkg", "dbt_packages/pkg/macros/y.sql", "pkg");

    private static JinjaEngine engine(TemplateFile... macroFiles) {
        return JinjaEngine.forProject(List.of(macroFiles), List.of(), new JinjaPackages("proj",
                Set.of("proj", "pkg"), PACKAGE_OF::get, Map.of(), Map.of()));
    }

    @Test
    void twoMacrosOfOneNameInAPackageAreRefusedNamingBothPlaces() {
        MallardException e = assertThrows(MallardException.class, () -> engine(
                new TemplateFile("dbt_packages/pkg/macros/x.sql", "{% macro m() %}1{% endmacro %}"),
                new TemplateFile("dbt_packages/pkg/macros/y.sql", "\n\n{% macro m() %}2{% endmacro %}")));
        assertEquals("dbt_packages/pkg/macros/y.sql", e.file());
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("two macros named 'm' in the project 'pkg'")
                && e.getMessage().contains("dbt_packages/pkg/macros/x.sql:1"), e.getMessage());
    }

    @Test
    void theProjectsMacroOverridesAPackagesMacroOfTheSameName() {
        JinjaEngine jinja = engine(
                new TemplateFile("dbt_packages/pkg/macros/x.sql", "{% macro m() %}package{% endmacro %}"),
                new TemplateFile("macros/a.sql", "{% macro m() %}project{% endmacro %}"));
        assertEquals("macros/a.sql", jinja.macroFile("m"));
    }

    @Test
    void aNameUsedOnceInEachPackageIsNotADuplicate() {
        JinjaEngine jinja = engine(
                new TemplateFile("macros/a.sql", "{% macro one() %}1{% endmacro %}"),
                new TemplateFile("macros/b.sql", "{% macro two() %}2{% endmacro %}"));
        assertEquals("macros/b.sql", jinja.macroFile("two"));
    }
}
