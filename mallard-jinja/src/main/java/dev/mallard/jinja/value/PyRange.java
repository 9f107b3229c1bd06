package dev.mallard.jinja.value;

import java.util.AbstractCollection;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Python's {@code range}: a lazy, immutable sequence of ints that prints as {@code range(0, 3)}.
 * Not a {@link java.util.List}, so it neither equals a list nor prints like one, as in Python.
 */
public final class PyRange extends AbstractCollection<Object> implements PyObject {
    private final long start;
    private final long stop;
    private final long step;
    private final long length;

    /** A range of {@code length} items; the caller has checked the arguments as Python does. */
    public PyRange(long start, long stop, long step, long length) {
        if (step == 0) {
            throw new IllegalArgumentException("step 0");
        }
        this.start = start;
        this.stop = stop;
        this.step = step;
        this.length = length;
    }

    public long length() {
        return length;
    }

    public long get(long index) {
        return start + index * step;
    }

    /** {@code r[start:stop:step]}, a range again as in Python; null bounds are omitted ones. */
    public PyRange slice(Long start, Long stop, Long step) {
        long s = step == null ? 1 : step;
        if (s == 0) {
            throw new JinjaError("slice step cannot be zero");
        }
        long lo;
        long hi;
        if (s > 0) {
            lo = start == null ? 0 : clamp(start, 0, length);
            hi = stop == null ? length : clamp(stop, 0, length);
        } else {
            lo = start == null ? length - 1 : clamp(start, -1, length - 1);
            hi = stop == null ? -1 : clamp(stop, -1, length - 1);
        }
        long count = s > 0 ? Math.max(0, (hi - lo + s - 1) / s) : Math.max(0, (lo - hi - s - 1) / -s);
        return new PyRange(this.start + lo * step(), this.start + hi * step(), step() * s, count);
    }

    private long step() {
        return step;
    }

    private long clamp(long i, long lower, long upper) {
        if (i < 0) {
            i += length;
        }
        return Math.max(lower, Math.min(upper, i));
    }

    @Override
    public Iterator<Object> iterator() {
        return new Iterator<>() {
            private long i;

            @Override
            public boolean hasNext() {
                return i < length;
            }

            @Override
            public Object next() {
                if (i >= length) {
                    throw new NoSuchElementException();
                }
                return get(i++);
            }
        };
    }

    @Override
    public int size() {
        return (int) Math.min(length, Integer.MAX_VALUE);
    }

    @Override
    public boolean contains(Object o) {
        if (!(Py.isInt(o) || o instanceof Boolean)) {
            return false;
        }
        long v = PyNumbers.toLong(o);
        if (step > 0 ? v < start || v >= stop : v > start || v <= stop) {
            return false;
        }
        return (v - start) % step == 0;
    }

    @Override
    public Object getAttr(String name) {
        return switch (name) {
            case "start" -> start;
            case "stop" -> stop;
            case "step" -> step;
            default -> Py.NOT_FOUND;
        };
    }

    /** {@code r[i]}, negative indexes from the end; NOT_FOUND when out of range. */
    @Override
    public Object getItem(Object key) {
        if (!(Py.isInt(key) || key instanceof Boolean)) {
            return Py.NOT_FOUND;
        }
        long i = PyNumbers.toLong(key);
        i = i < 0 ? i + length : i;
        return i >= 0 && i < length ? (Object) get(i) : Py.NOT_FOUND;
    }

    @Override
    public String typeName() {
        return "range";
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PyRange r)) {
            return false;
        }
        if (length != r.length) {
            return false;
        }
        return length == 0 || (start == r.start && (length == 1 || step == r.step));
    }

    @Override
    public int hashCode() {
        return Long.hashCode(length) * 31 + (length == 0 ? 0 : Long.hashCode(start));
    }

    @Override
    public String toString() {
        return "range(" + start + ", " + stop + (step == 1 ? "" : ", " + step) + ")";
    }
}
