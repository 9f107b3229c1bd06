package dev.mallard.jinja.value;

/** What a callable, filter or test may ask of the render that calls it. */
public interface CallSite {
    /** Applies a filter by name (for {@code map}, {@code select} and friends). */
    Object filter(String name, Object value, Args args);

    /** Applies a test by name. */
    boolean test(String name, Object value, Args args);

    /** Reads a name as the template at this point would. Undefined when it is not set. */
    Object lookup(String name);

    /** Whether undefined values are lenient in this render (dbt's parse-time capture). */
    boolean lenientUndefined();

    /** A Jinja attribute read ({@code obj.name}) with the environment's rules. */
    Object getAttr(Object obj, String name);

    /** A Jinja item read ({@code obj[key]}) with the environment's rules. */
    Object getItem(Object obj, Object key);

    /** The line of the call being made (for host functions that record where they were called), or 0. */
    default int line() {
        return 0;
    }

    /** Calls a value with arguments (a macro, a global, a bound method). */
    Object call(Object fn, Args args);
}
