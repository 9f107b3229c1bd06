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

    /** Python's {@code repr(x)}, as a list or dict that holds the object prints it; {@code str(x)} unless overridden. */
    default String repr() {
        return toString();
    }

    /** The name Python's {@code type(x).__name__} would give, used in error messages. */
    default String typeName() {
        return getClass().getSimpleName();
    }
}
