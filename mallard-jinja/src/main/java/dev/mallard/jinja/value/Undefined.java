package dev.mallard.jinja.value;

/**
 * Jinja2's Undefined: prints as empty text, is falsy and iterates as empty; reading an
 * attribute or item of it, calling it or computing with it is an {@link UndefinedError}
 * that names what was missing. A lenient Undefined (dbt's parse-time capture) instead
 * answers attribute reads, items and calls with another Undefined.
 */
public final class Undefined {
    private final Object name;
    private final Object owner;
    private final boolean hasOwner;
    private final String hint;
    private final boolean lenient;

    private Undefined(Object name, Object owner, boolean hasOwner, String hint, boolean lenient) {
        this.name = name;
        this.owner = owner;
        this.hasOwner = hasOwner;
        this.hint = hint;
        this.lenient = lenient;
    }

    /** An undefined variable. */
    public static Undefined name(String name, boolean lenient) {
        return new Undefined(name, null, false, null, lenient);
    }

    /** A missing attribute or item {@code key} of {@code owner}. */
    public static Undefined member(Object owner, Object key, boolean lenient) {
        return new Undefined(key, owner, true, null, lenient);
    }

    /** An undefined value with its own explanation. */
    public static Undefined hint(String hint, boolean lenient) {
        return new Undefined(null, null, false, hint, lenient);
    }

    /** The missing name (a String), or a missing item's key. */
    public Object name() {
        return name;
    }

    public boolean lenient() {
        return lenient;
    }

    /** The message Jinja2 gives when this value is used. */
    public String message() {
        if (hint != null) {
            return hint;
        }
        if (!hasOwner) {
            return "'" + name + "' is undefined";
        }
        // as Jinja2's object_type_repr: builtins by name, other classes with their module
        String type = owner == null ? "None" : (owner instanceof Markup ? "markupsafe.Markup"
                : Py.typeName(owner)) + " object";
        if (!(name instanceof String)) {
            return type + " has no element " + Py.repr(name);
        }
        return Py.repr(type) + " has no attribute " + Py.repr(name);
    }

    public UndefinedError error() {
        return new UndefinedError(message());
    }

    @Override
    public String toString() {
        return "";
    }
}
