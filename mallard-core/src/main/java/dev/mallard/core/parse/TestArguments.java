package dev.mallard.core.parse;

import dev.mallard.core.error.Warnings;
import dev.mallard.core.events.Deprecation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * dbt 1.11's deprecations about how a generic test entry gives its arguments, checked over a
 * properties file's test entries in dbt's order (a target's column tests, then its own):
 * <ul>
 * <li>with the project flag {@code require_generic_test_arguments_property} (on by default): a config
 * given at the top level of the entry ({@code where:}, {@code severity:}) is a
 * PropertyMovedToConfigDeprecation, and arguments given there instead of under {@code arguments:}
 * a MissingArgumentsPropertyInGenericTestDeprecation;</li>
 * <li>with the flag off: an {@code arguments:} key is an ArgumentsPropertyInGenericTestDeprecation
 * (it is then an argument of that name, see {@link TestBuilder}).</li>
 * </ul>
 * A source table's tests are said after the file's other ones, as dbt makes them once every file is read.
 */
final class TestArguments {
    private static final Set<String> TOP_LEVEL = Set.of("config", "column_name", "description", "name");
    private final String file;
    private final String packageName;
    private final boolean argumentsProperty;
    private final Warnings warnings;
    private final List<String> sourceTests = new ArrayList<>();

    TestArguments(String file, String packageName, boolean argumentsProperty, Warnings warnings) {
        this.file = file;
        this.packageName = packageName;
        this.argumentsProperty = argumentsProperty;
        this.warnings = warnings;
    }

    /** Checks a document's test entries; those of source tables are kept for {@link #sourceTests()}. */
    void check(Map<String, Object> document) {
        for (String section : List.of("models", "seeds", "snapshots")) {
            List<Map<?, ?>> entries = PropertyKeys.maps(document.get(section));
            for (int i = 0; i < entries.size(); i++) {
                Map<?, ?> entry = entries.get(i);
                String name = String.valueOf(entry.get("name"));
                String path = section + "[" + i + "]";
                target(entry, name, name, path, warnings::add);
                List<Map<?, ?>> versions = PropertyKeys.maps(entry.get("versions"));
                for (int v = 0; v < versions.size(); v++) {
                    target(versions.get(v), name, name, path + ".versions[" + v + "]", warnings::add);
                }
            }
        }
        List<Map<?, ?>> sources = PropertyKeys.maps(document.get("sources"));
        for (int s = 0; s < sources.size(); s++) {
            List<Map<?, ?>> tables = PropertyKeys.maps(sources.get(s).get("tables"));
            for (int t = 0; t < tables.size(); t++) {
                String name = sources.get(s).get("name") + "_" + tables.get(t).get("name");
                target(tables.get(t), name, "", "sources[" + s + "].tables[" + t + "]", sourceTests::add);
            }
        }
    }

    /** The deprecations of the source tables' tests checked so far (encoded, see {@link Deprecation}). */
    List<String> sourceTests() {
        return List.copyOf(sourceTests);
    }

    private void target(Map<?, ?> target, String resourceName, String resource, String path,
                        java.util.function.Consumer<String> out) {
        List<Map<?, ?>> columns = PropertyKeys.maps(target.get("columns"));
        for (int c = 0; c < columns.size(); c++) {
            Map<?, ?> column = columns.get(c);
            tests(column, resourceName, resource, path + ".columns[" + c + "]", column.get("name"), out);
        }
        tests(target, resourceName, resource, path, null, out);
    }

    private void tests(Map<?, ?> owner, String resourceName, String resource, String path, Object column,
                       java.util.function.Consumer<String> out) {
        for (String key : List.of("data_tests", "tests")) {
            if (owner.get(key) instanceof List<?> entries) {
                for (int i = 0; i < entries.size(); i++) {
                    if (entries.get(i) instanceof Map<?, ?> entry) {
                        entry(entry, resourceName, resource, path + "." + key + "[" + i + "]", column, out);
                    }
                }
            }
        }
    }

    /** One test entry, as dbt's {@code TestBuilder.extract_test_args} reads it. */
    private void entry(Map<?, ?> entry, String resourceName, String resource, String path, Object column,
                       java.util.function.Consumer<String> out) {
        String testName;
        Map<Object, Object> args = new LinkedHashMap<>();
        if (entry.containsKey("test_name")) {
            testName = String.valueOf(entry.get("test_name"));
            entry.forEach((k, v) -> {
                if (!"test_name".equals(k)) {
                    args.put(k, v);
                }
            });
        } else if (entry.size() == 1 && entry.values().iterator().next() instanceof Map<?, ?> given) {
            testName = String.valueOf(entry.keySet().iterator().next());
            args.putAll(given);
        } else {
            return; // not a test entry dbt reads: the test builder reports it
        }
        if (column != null) {
            args.put("column_name", column);
        }
        if (!argumentsProperty) {
            if (args.containsKey("arguments")) {
                out.accept(new Deprecation("ArgumentsPropertyInGenericTestDeprecation", "D038", true,
                        "Found `arguments` property in test definition of `" + testName + "` ("
                                + PyRepr.of(args.get("arguments")) + ") without usage of"
                                + " `require_generic_test_arguments_property` behavior change flag. The `arguments`"
                                + " property is deprecated for custom usage and will be used to nest keyword arguments"
                                + " in future versions of dbt.",
                        Map.of("test_name", "`" + testName + "` (" + PyRepr.of(args.get("arguments")) + ")"),
                        resource, path).encode());
            }
            return;
        }
        Object arguments = args.remove("arguments");
        for (Object key : args.keySet()) {
            if (TestBuilder.CONFIG_ARGS.contains(String.valueOf(key))) {
                String keyPath = "data_tests." + testName + "." + key;
                out.accept(new Deprecation("PropertyMovedToConfigDeprecation", "D030", true, "Found `" + key
                        + "` as a top-level property of `" + keyPath + "` in file `" + file + "`. The `" + key
                        + "` top-level property should be moved into the `config` of `" + keyPath + "`.",
                        Map.of("file", file, "key", String.valueOf(key), "key_path", keyPath), resource,
                        path + "." + key).encode());
            }
        }
        boolean argumentsGiven = truthy(arguments);
        boolean topLevelArguments = args.keySet().stream().anyMatch(k -> !TOP_LEVEL.contains(String.valueOf(k))
                && !TestBuilder.CONFIG_ARGS.contains(String.valueOf(k)));
        if (!argumentsGiven && topLevelArguments) {
            String testText = "`" + testName + "` defined on '" + resourceName + "' in package '" + packageName
                    + "' (" + file + ")";
            out.accept(new Deprecation("MissingArgumentsPropertyInGenericTestDeprecation", "D039", true,
                    "Found top-level arguments to test " + testText + ". Arguments to generic tests should be nested"
                            + " under the `arguments` property.", Map.of("test_name", testText), resource, path)
                    .encode());
        }
    }

    /** Python's truth of a YAML value: None, False, 0, "" and empty collections are false. */
    private static boolean truthy(Object v) {
        return v != null && !Boolean.FALSE.equals(v) && !(v instanceof Number n && n.doubleValue() == 0)
                && !(v instanceof String s && s.isEmpty()) && !(v instanceof Collection<?> c && c.isEmpty())
                && !(v instanceof Map<?, ?> m && m.isEmpty());
    }
}
