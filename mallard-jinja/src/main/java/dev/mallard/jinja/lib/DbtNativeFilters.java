package dev.mallard.jinja.lib;

import dev.mallard.jinja.value.MarkedText;
import dev.mallard.jinja.value.Py;

/**
 * dbt's filters as its native rendering has them (dbt_common's NATIVE_FILTERS):
 * {@code as_text}, {@code as_bool}, {@code as_number} and {@code as_native} give
 * {@code str(value)} marked as a {@link MarkedText}, which tells the native renderer how to read
 * the rendered text back. {@code is_list} is the same as in text rendering.
 */
public final class DbtNativeFilters {
    private DbtNativeFilters() {
    }

    /** Replaces the text-rendering versions in {@code lib} with the native ones. */
    public static void register(Library lib) {
        mark(lib, "as_text", MarkedText.Kind.TEXT);
        mark(lib, "as_bool", MarkedText.Kind.BOOL);
        mark(lib, "as_number", MarkedText.Kind.NUMBER);
        mark(lib, "as_native", MarkedText.Kind.NATIVE);
    }

    private static void mark(Library lib, String name, MarkedText.Kind kind) {
        lib.filter(name, (site, v, a) -> {
            Params.bind(a, name);
            return new MarkedText(kind, Py.str(v));
        });
    }
}
