package dev.mallard.core.select;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns one selector's {@code definition} from selectors.yml into a {@link SelectionSpec},
 * with dbt's rules ({@code graph/cli.py}): a string is one criterion; a dict is
 * {@code {method: value}}, or {@code method}/{@code value} with graph options and an
 * optional {@code exclude}, or a {@code union}/{@code intersection} list whose items may
 * nest and may hold one {@code exclude}. {@code method: selector} reuses a selector
 * defined above.
 */
final class SelectorDefinitions {
    private static final Set<String> INDIRECT_SELECTION = Set.of("eager", "cautious", "buildable", "empty");

    /** Selectors defined earlier in the file, which {@code method: selector} may name. */
    private final Map<String, SelectionSpec> earlier;

    SelectorDefinitions(Map<String, SelectionSpec> earlier) {
        this.earlier = earlier;
    }

    SelectionSpec parseRoot(Object definition) {
        if (definition instanceof Map<?, ?> m && m.size() > 1
                && (m.containsKey("union") || m.containsKey("intersection"))) {
            throw invalid("a root definition may hold only one 'union' or 'intersection' key; found "
                    + String.join(", ", keys(m)));
        }
        return parse(definition);
    }

    private SelectionSpec parse(Object definition) {
        if (definition instanceof String s) {
            if (s.startsWith("selector:")) {
                throw selectorShorthand(s.substring("selector:".length()).trim());
            }
            return SelectionParser.parseCriterion(s);
        }
        if (definition instanceof Map<?, ?> m) {
            if (m.containsKey("union")) {
                return setOperation(m, "union");
            }
            if (m.containsKey("intersection")) {
                return setOperation(m, "intersection");
            }
            return criterion(m);
        }
        if (definition instanceof List<?>) {
            throw invalid("a definition cannot be a list; use union: [...] or intersection: [...]");
        }
        throw invalid("expected a string, a dict, union or intersection as a definition, but found "
                + (definition == null ? "nothing" : "'" + definition + "'"));
    }

    private SelectionSpec setOperation(Map<?, ?> m, String key) {
        List<SelectionSpec> include = new ArrayList<>();
        SelectionSpec exclude = null;
        for (Object item : list(m, key)) {
            if (item instanceof Map<?, ?> sub && sub.containsKey("exclude")) {
                if (exclude != null) {
                    throw invalid("only one exclude is allowed in the same " + key);
                }
                exclude = exclusions(sub);
            } else {
                include.add(parse(item));
            }
        }
        SelectionSpec set = key.equals("union") ? new SelectionSpec.Union(include)
                : new SelectionSpec.Intersection(include);
        return exclude == null ? set : new SelectionSpec.Difference(set, exclude);
    }

    private SelectionSpec exclusions(Map<?, ?> m) {
        List<SelectionSpec> parts = new ArrayList<>();
        for (Object item : list(m, "exclude")) {
            parts.add(parse(item));
        }
        return parts.size() == 1 ? parts.get(0) : new SelectionSpec.Union(parts);
    }

    private SelectionSpec criterion(Map<?, ?> m) {
        if (m.size() == 1 && !m.containsKey("method")) {
            Map.Entry<?, ?> only = m.entrySet().iterator().next();
            if (!(only.getKey() instanceof String method)) {
                throw invalid("expected a method name as the key, but found '" + only.getKey() + "'");
            }
            if (method.equals("selector")) {
                throw selectorShorthand(only.getValue());
            }
            return build(method, only.getValue(), Map.of());
        }
        if (!m.containsKey("method") || !m.containsKey("value")) {
            throw invalid("expected either one key ({method: value}) or 'method' and 'value' keys, but found "
                    + String.join(", ", keys(m)));
        }
        String method = String.valueOf(m.get("method"));
        if (method.equals("selector")) {
            return reuse(m.get("value"));
        }
        SelectionCriterion base = build(method, m.get("value"), m);
        return m.containsKey("exclude") ? new SelectionSpec.Difference(base, exclusions(m)) : base;
    }

    private SelectionSpec reuse(Object name) {
        SelectionSpec spec = earlier.get(String.valueOf(name));
        if (spec == null) {
            throw invalid("'selector: " + name + "' names no selector defined above it");
        }
        return spec;
    }

    /** dbt knows 'selector' only in the method/value form; say how to write it. */
    private static MallardException selectorShorthand(Object name) {
        return new MallardException(ErrorCode.YAML, "'selector' is not a method of its own", null, 0,
                "reuse a selector as {method: selector, value: " + name + "}", null);
    }

    private static SelectionCriterion build(String rawMethod, Object rawValue, Map<?, ?> options) {
        if (rawValue == null || rawValue instanceof Map || rawValue instanceof List) {
            throw invalid("method '" + rawMethod + "' needs a plain value to search for");
        }
        String value = rawValue instanceof Boolean b ? (b ? "True" : "False") : String.valueOf(rawValue);
        String raw = rawMethod + ":" + value;
        if (value.isEmpty()) {
            throw invalid("selector '" + raw + "' has no value to search for");
        }
        List<String> parts = Arrays.asList(rawMethod.split("\\.", -1));
        MethodName method = MethodName.fromDbtName(parts.get(0), raw);
        List<String> arguments = parts.subList(1, parts.size());
        if (method == MethodName.CONFIG && (arguments.isEmpty() || arguments.contains(""))) {
            throw invalid("selector '" + raw + "' needs a config key, like config.materialized");
        }
        Object indirect = options.get("indirect_selection");
        if (indirect != null && !INDIRECT_SELECTION.contains(String.valueOf(indirect))) {
            throw invalid("indirect_selection '" + indirect + "' is not one of eager, cautious, buildable, empty");
        }
        return new SelectionCriterion(raw, method, arguments, value,
                truthy(options.get("childrens_parents")),
                truthy(options.get("parents")), depth(options.get("parents_depth"), raw),
                truthy(options.get("children")), depth(options.get("children_depth"), raw));
    }

    /** Python's bool() of a YAML value, as dbt applies it to these flags. */
    private static boolean truthy(Object v) {
        if (v == null) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Number n) {
            return n.doubleValue() != 0;
        }
        return !String.valueOf(v).isEmpty();
    }

    private static int depth(Object v, String raw) {
        if (v == null || String.valueOf(v).isEmpty()) {
            return SelectionCriterion.UNLIMITED;
        }
        try {
            return Integer.parseInt(String.valueOf(v).trim());
        } catch (NumberFormatException e) {
            throw invalid("selector '" + raw + "' has a depth that is not a whole number: " + v);
        }
    }

    private static List<?> list(Map<?, ?> m, String key) {
        Object v = m.get(key);
        if (!(v instanceof List<?> l)) {
            throw invalid("'" + key + "' must be a list");
        }
        for (Object item : l) {
            if (!(item instanceof String) && !(item instanceof Map)) {
                throw invalid("'" + key + "' items must be strings or dicts, but found '" + item + "'");
            }
        }
        return l;
    }

    private static List<String> keys(Map<?, ?> m) {
        return m.keySet().stream().map(String::valueOf).toList();
    }

    private static MallardException invalid(String message) {
        return new MallardException(ErrorCode.YAML, message);
    }
}
