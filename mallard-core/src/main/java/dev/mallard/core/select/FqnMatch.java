package dev.mallard.core.select;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * dbt's default "fqn" method ({@code is_selected_node}): a selector matches a node whose
 * name equals it, or whose fqn starts with its dotted parts, with or without the package
 * in front. So {@code stg_orders}, {@code staging}, {@code staging.stg_orders} and
 * {@code shop.staging} all select {@code shop.staging.stg_orders}. A part with a
 * wildcard matches the rest of the fqn as a glob; a bare wildcard also matches the name.
 */
final class FqnMatch {
    private FqnMatch() {
    }

    static boolean matches(List<String> fqn, String selector) {
        return matches(fqn, selector, false);
    }

    /**
     * As dbt's: a versioned model's fqn ends in its name and {@code v<version>}; the bare name
     * selects every version, and {@code name.v2} or {@code name_v2} the one.
     */
    static boolean matches(List<String> fqn, String selector, boolean versioned) {
        if (fqn.isEmpty()) {
            return false;
        }
        if (versioned && fqn.size() >= 2) {
            String name = fqn.get(fqn.size() - 2);
            String[] parts = selector.split("\\.", -1);
            String lastTwo = parts.length >= 2 ? parts[parts.length - 2] + "_" + parts[parts.length - 1] : selector;
            if (name.equals(selector) || (name + "_" + fqn.get(fqn.size() - 1)).equals(lastTwo)) {
                return true;
            }
        }
        return matchesFrom(fqn, selector) || matchesFrom(fqn.subList(1, fqn.size()), selector);
    }

    private static boolean matchesFrom(List<String> fqn, String selector) {
        if (fqn.isEmpty()) {
            return false;
        }
        String leaf = fqn.get(fqn.size() - 1);
        if (leaf.equals(selector)) {
            return true;
        }
        // dots inside a name act as namespace separators
        List<String> flat = new ArrayList<>();
        for (String segment : fqn) {
            flat.addAll(Arrays.asList(segment.split("\\.", -1)));
        }
        String[] parts = selector.split("\\.", -1);
        if (flat.size() < parts.length) {
            return false;
        }
        for (int i = 0; i < parts.length; i++) {
            if (Glob.isPattern(parts[i])) {
                String rest = String.join(".", flat.subList(i, flat.size()));
                String pattern = String.join(".", Arrays.asList(parts).subList(i, parts.length));
                if (Glob.matches(rest, pattern)) {
                    return true;
                }
                return !selector.contains(".") && Glob.matches(leaf, selector);
            }
            if (!flat.get(i).equals(parts[i])) {
                return false;
            }
        }
        return true;
    }
}
