package dev.mallard.jinja.lib;

import java.util.HashMap;
import java.util.Map;

/** The filters, tests and global names an environment offers. */
public final class Library {
    private final Map<String, Filter> filters = new HashMap<>();
    private final Map<String, Test> tests = new HashMap<>();
    private final Map<String, Object> globals = new HashMap<>();

    /** Jinja2 3.1's built-in filters, tests and globals plus dbt's filters. */
    public static Library standard() {
        Library lib = new Library();
        JinjaFilters.register(lib);
        JinjaTests.register(lib);
        JinjaGlobals.register(lib);
        DbtFilters.register(lib);
        return lib;
    }

    public Library filter(String name, Filter filter) {
        filters.put(name, filter);
        return this;
    }

    public Library test(String name, Test test) {
        tests.put(name, test);
        return this;
    }

    public Library global(String name, Object value) {
        globals.put(name, value);
        return this;
    }

    public Filter filter(String name) {
        return filters.get(name);
    }

    public Test test(String name) {
        return tests.get(name);
    }

    public Map<String, Object> globals() {
        return globals;
    }
}
