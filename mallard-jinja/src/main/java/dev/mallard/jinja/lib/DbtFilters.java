package dev.mallard.jinja.lib;

import dev.mallard.jinja.value.PyTuple;
import java.util.List;

/**
 * dbt's filters as its text rendering has them: {@code as_text}, {@code as_bool},
 * {@code as_number} and {@code as_native} give the value back unchanged, and {@code is_list}
 * tells a list. (Native rendering marks values instead: {@link DbtNativeFilters}.)
 */
final class DbtFilters {
    private DbtFilters() {
    }

    static void register(Library lib) {
        for (String name : List.of("as_text", "as_bool", "as_number", "as_native")) {
            lib.filter(name, (site, v, a) -> {
                Params.bind(a, "<lambda>");
                return v;
            });
        }
        lib.filter("is_list", (site, v, a) -> {
            Params.bind(a, "is_list");
            return v instanceof List<?> && !(v instanceof PyTuple);
        });
    }
}
