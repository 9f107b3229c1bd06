package dev.mallard.jinja.value;

/**
 * A host object with Python-style attributes (dbt's {@code adapter}, relations, modules).
 * Methods are attributes whose value is a {@link PyCallable}. Printing uses {@code toString()}.
 */
public interface PyObject {
    /** The attribute's value, or {@link Py#NOT_FOUND}. */
    default Object getAttr(String name) {
        return Py.NOT_FOUND;
    }

    /** {@code obj[key]}, or {@link Py#NOT_FOUND}. */
    default Object getItem(Object key) {
        return Py.NOT_FOUND;
    }

    /** The name Python's {@code type(x).__name__} would give, used in error messages. */
    default String typeName() {
        return getClass().getSimpleName();
    }
}
