package dev.mallard.jinja.value;

import java.util.Collections;
import java.util.Iterator;
import java.util.function.Supplier;

/**
 * A Python generator or iterator, as filters like {@code map}, {@code select} and
 * {@code reverse} return: iterable once, always true, without a length, and printed as
 * {@code <generator object ...>}. The work starts at the first iteration, as in Python.
 */
public final class PyIterator implements Iterable<Object>, PyObject {
    private final String typeName;
    private final String function;
    private Supplier<? extends Iterator<?>> source;
    private Iterator<?> items;

    /**
     * @param typeName Python's type name, {@code generator} or e.g. {@code list_reverseiterator}
     * @param function for a generator, the Python function that made it (printed in its repr)
     */
    public PyIterator(String typeName, String function, Supplier<? extends Iterator<?>> source) {
        this.typeName = typeName;
        this.function = function;
        this.source = source;
    }

    public static PyIterator generator(String function, Supplier<? extends Iterator<?>> source) {
        return new PyIterator("generator", function, source);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Iterator<Object> iterator() {
        if (items == null) {
            Supplier<? extends Iterator<?>> s = source;
            source = null;
            items = s == null ? Collections.emptyIterator() : s.get();
        }
        return (Iterator<Object>) items;
    }

    @Override
    public String typeName() {
        return typeName;
    }

    @Override
    public String toString() {
        String address = "0x" + Integer.toHexString(System.identityHashCode(this));
        return function == null ? "<" + typeName + " object at " + address + ">"
                : "<" + typeName + " object " + function + " at " + address + ">";
    }
}
