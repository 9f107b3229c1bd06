package dev.mallard.core.jinja;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.Filter;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * dbt's filters for values that arrive as text (vars, env vars, YAML configs):
 * {@code as_text}, {@code as_bool}, {@code as_number}, {@code as_native}.
 */
final class DbtFilters {
    private DbtFilters() {
    }

    static List<Filter> all() {
        return List.of(
                filter("as_text", v -> v == null ? "" : PyStr.str(v)),
                filter("as_bool", v -> v instanceof String s ? parse(s) instanceof Boolean b ? b : v : v),
                filter("as_number", v -> v instanceof String s ? parse(s) instanceof Number n ? n : v : v),
                filter("as_native", v -> v instanceof String s ? parse(s) : v),
                filter("max", v -> extreme(v, 1)),
                filter("min", v -> extreme(v, -1)));
    }

    /** Jinja's max/min filters: the largest (sign 1) or smallest (-1) item of a sequence. */
    private static Object extreme(Object value, int sign) {
        if (!(value instanceof Iterable<?> items)) {
            return value;
        }
        Object best = null;
        for (Object item : items) {
            if (best == null || Integer.signum(PyCompare.compare(item, best)) == sign) {
                best = item;
            }
        }
        return best;
    }

    /** Python literal syntax is close enough to YAML flow syntax for the values dbt users pass. */
    private static Object parse(String s) {
        String t = s.trim();
        if (t.equals("True") || t.equals("False")) {
            return t.equals("True");
        }
        try {
            Object v = new Yaml(new LoaderOptions()).load(t);
            return v == null ? s : v;
        } catch (RuntimeException e) {
            return s;
        }
    }

    private static Filter filter(String name, java.util.function.UnaryOperator<Object> body) {
        return new Filter() {
            @Override
            public String getName() {
                return name;
            }

            @Override
            public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
                return body.apply(var);
            }
        };
    }
}
