package dev.mallard.core.jinja;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mallard.core.error.MallardException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Package-qualified macro calls and dbt's as_* filters. */
class NamespacesAndFiltersTest {
    private final JinjaEngine engine = new JinjaEngine(List.of(new TemplateFile("macros/m.sql", """
            {% macro star(from, except=[]) %}{{ return('*' if not except else '* exclude (' ~ except | join(', ') ~ ')') }}{% endmacro %}
            {% macro now_sql() %}current_timestamp{% endmacro %}""")), Set.of("dbt_utils", "shop"));

    private String render(String text) {
        return engine.render(new TemplateFile("models/m.sql", text), new FakeRuntime(true), Map.of());
    }

    @Test
    void packageQualifiedCallsFindTheMacro() {
        assertEquals("select * exclude (a) from x", render("select {{ dbt_utils.star(from=ref('x'), except=['a']) }} from x"));
        assertEquals("current_timestamp current_timestamp", render("{{ shop.now_sql() }} {{ dbt.now_sql() }}"));
    }

    @Test
    void unknownMacroInANamespaceIsAnError() {
        MallardException e = assertThrows(MallardException.class, () -> render("\n{{ dbt_utils.no_such_macro() }}"));
        assertTrue(e.describe().startsWith("models/m.sql:2:4: 'dbt_utils.no_such_macro' is undefined (no macro of that name)"
                + "\n  > {{ dbt_utils.no_such_macro() }}"), e.describe());
    }

    @Test
    void asFilters() {
        // as in dbt, these filters only change types in native (YAML) rendering; text prints as given
        assertEquals("True false 42 3.5 [1, 2] 7", render("{{ 'True' | as_bool }} {{ 'false' | as_bool }} "
                + "{{ '42' | as_number }} {{ '3.5' | as_number }} {{ '[1, 2]' | as_native }} {{ 7 | as_text }}"));
    }
}
