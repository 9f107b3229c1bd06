package dev.mallard.jinja;

/**
 * The names a render sees beyond its own variables: the host's context (dbt's {@code ref},
 * {@code config}, macros, ...) and the library's globals.
 */
@FunctionalInterface
public interface Globals {
    /** The value of {@code name}, or {@link dev.mallard.jinja.value.Py#NOT_FOUND}. */
    Object get(String name);
}
