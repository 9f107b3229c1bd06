package dev.mallard.jinja.lib;

import dev.mallard.jinja.value.CallSite;
import dev.mallard.jinja.value.Undefined;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Jinja2's attribute getters for filters with an {@code attribute=} parameter: dotted paths
 * ({@code "address.city"}), integer parts as indexes, several paths split by commas for
 * sorting, and each step read as {@code item[part]} with the environment's rules.
 */
final class Attributes {
    private Attributes() {
    }

    /** The path parts: none for None, digits as ints, other parts as names. */
    static List<Object> parts(Object attribute) {
        List<Object> parts = new ArrayList<>();
        if (attribute == null) {
            return parts;
        }
        if (attribute instanceof CharSequence cs) {
            for (String part : cs.toString().split("\\.", -1)) {
                boolean digits = !part.isEmpty() && part.chars().allMatch(c -> c >= '0' && c <= '9');
                parts.add(digits ? (Object) Long.parseLong(part) : part);
            }
            return parts;
        }
        parts.add(attribute);
        return parts;
    }

    /** Jinja2's make_attrgetter; {@code fallback} replaces undefined steps when not None. */
    static UnaryOperator<Object> getter(CallSite site, Object attribute, boolean ignoreCase, Object fallback) {
        List<Object> parts = parts(attribute);
        return item -> {
            Object v = item;
            for (Object part : parts) {
                v = site.getItem(v, part);
                if (fallback != null && v instanceof Undefined) {
                    v = fallback;
                }
            }
            return ignoreCase ? lower(v) : v;
        };
    }

    /** Jinja2's make_multi_attrgetter: a list of values, one per comma-separated path. */
    static UnaryOperator<Object> multiGetter(CallSite site, Object attribute, boolean ignoreCase) {
        List<List<Object>> paths = new ArrayList<>();
        if (attribute instanceof CharSequence cs) {
            for (String path : cs.toString().split(",", -1)) {
                paths.add(parts(path));
            }
        } else {
            paths.add(parts(attribute));
        }
        return item -> {
            List<Object> values = new ArrayList<>(paths.size());
            for (List<Object> path : paths) {
                Object v = item;
                for (Object part : path) {
                    v = site.getItem(v, part);
                }
                values.add(ignoreCase ? lower(v) : v);
            }
            return values;
        };
    }

    /** Jinja2's ignore_case: strings lowered, anything else as it is. */
    static Object lower(Object v) {
        return v instanceof CharSequence cs ? cs.toString().toLowerCase(Locale.ROOT) : v;
    }
}
