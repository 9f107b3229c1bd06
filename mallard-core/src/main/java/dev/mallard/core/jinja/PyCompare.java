package dev.mallard.core.jinja;

import java.util.Objects;

/** Python equality and ordering across Java number types and strings. */
final class PyCompare {
    private PyCompare() {
    }

    static boolean equal(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return x.doubleValue() == y.doubleValue();
        }
        if (PyTypes.isString(a) && PyTypes.isString(b)) {
            return a.toString().equals(b.toString());
        }
        return Objects.equals(a, b);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compare(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        if (PyTypes.isString(a) && PyTypes.isString(b)) {
            return a.toString().compareTo(b.toString());
        }
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        if (a instanceof Comparable ca && a.getClass().isInstance(b)) {
            return ca.compareTo(b);
        }
        return a.toString().compareTo(b.toString());
    }
}
