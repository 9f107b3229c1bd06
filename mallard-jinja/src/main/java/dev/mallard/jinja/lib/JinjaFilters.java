package dev.mallard.jinja.lib;

/**
 * Jinja2 3.1's built-in filters, with autoescaping off as dbt runs them. Each group lives in
 * its own class; this registers them all.
 */
final class JinjaFilters {
    private JinjaFilters() {
    }

    static void register(Library lib) {
        TextFilters.register(lib);
        HtmlFilters.register(lib);
        NumberFilters.register(lib);
        CollectionFilters.register(lib);
        OrderFilters.register(lib);
        SelectFilters.register(lib);
    }
}
