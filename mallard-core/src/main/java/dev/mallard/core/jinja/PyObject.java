package dev.mallard.core.jinja;

import com.hubspot.jinjava.objects.PyWrapper;

/**
 * A context object with Python-style attributes and methods ({@code adapter},
 * {@code exceptions}, {@code modules.datetime}, ...). {@link PyMethodResolver} routes
 * attribute reads and method calls here, so keyword arguments and snake_case names work
 * without Java bean conventions. Extending PyWrapper stops Jinjava from re-wrapping
 * objects that are also lists (an agate table) into its own list type.
 */
interface PyObject extends PyWrapper, PrintsAsText {
    /** Returned by {@link #attribute} and {@link #call} for names the object does not have. */
    Object MISSING = PyStringMethods.NOT_HANDLED;

    default Object attribute(String name) {
        return MISSING;
    }

    default Object call(String method, DbtFunctions.Args args) {
        return MISSING;
    }
}
