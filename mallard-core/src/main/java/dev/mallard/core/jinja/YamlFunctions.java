package dev.mallard.core.jinja;

import dev.mallard.core.error.MallardException;
import dev.mallard.core.error.Warnings;
import dev.mallard.core.project.YamlFiles;
import dev.mallard.jinja.value.Args;
import dev.mallard.jinja.value.CallSite;
import dev.mallard.jinja.value.JinjaError;
import dev.mallard.jinja.value.NumberText;
import dev.mallard.jinja.value.Py;
import dev.mallard.jinja.value.PyNumbers;
import dev.mallard.jinja.value.Undefined;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/**
 * dbt's {@code toyaml} and {@code fromyaml}: PyYAML's {@code safe_dump} text and
 * {@code safe_load} values, through SnakeYAML.
 */
final class YamlFunctions {
    private static final Pattern YAML_ESCAPE = Pattern.compile("\\\\\\\\|\\\\(x\\p{XDigit}{2}|u\\p{XDigit}{4}|U\\p{XDigit}{8})");

    private YamlFunctions() {
    }

    /** {@code toyaml(value, default=None, sort_keys=False)}: PyYAML's safe_dump in block style. */
    static Object toyaml(CallSite site, Args a) {
        Object value = a.require(0, "value", "toyaml");
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setAllowUnicode(false);
        try {
            Object plain = yamlPlain(value, Py.truthy(a.get(2, "sort_keys", false)), new IdentityHashMap<>());
            String text = upperHexEscapes(new Yaml(new PythonRepresenter(options), options).dump(plain));
            boolean scalar = !(plain instanceof Map<?, ?> || plain instanceof Collection<?>);
            if (scalar && !text.startsWith("'") && !text.startsWith("\"")) {
                text += "...\n"; // PyYAML ends a plain top-level scalar with an explicit document end
            }
            return text;
        } catch (YAMLException e) {
            return a.get(1, "default", null);
        }
    }

    /** PyYAML writes {@code \xE9} where SnakeYAML writes {@code \xe9}; an escaped backslash stays as it is. */
    private static String upperHexEscapes(String text) {
        return YAML_ESCAPE.matcher(text).replaceAll(m -> Matcher.quoteReplacement(
                m.group(1) == null ? m.group() : "\\" + m.group(1).charAt(0) + m.group(1).substring(1)
                        .toUpperCase(Locale.ROOT)));
    }

    /** Floats, dates and datetimes written as PyYAML writes them. */
    private static final class PythonRepresenter extends Representer {
        PythonRepresenter(DumperOptions options) {
            super(options);
            representers.put(Double.class, data -> representScalar(Tag.FLOAT, yamlFloat((Double) data)));
            representers.put(PyDate.class, data -> representScalar(Tag.TIMESTAMP, data.toString()));
            representers.put(PyDatetime.class, data -> representScalar(Tag.TIMESTAMP, data.toString()));
        }

        private static String yamlFloat(double d) {
            if (Double.isNaN(d)) {
                return ".nan";
            }
            if (Double.isInfinite(d)) {
                return d > 0 ? ".inf" : "-.inf";
            }
            String text = NumberText.floatRepr(d).toLowerCase(Locale.ROOT);
            return !text.contains(".") && text.contains("e") ? text.replaceFirst("e", ".0e") : text;
        }
    }

    private static Object yamlPlain(Object v, boolean sortKeys, Map<Object, Boolean> open) {
        if (v == null || v instanceof Boolean || v instanceof String || v instanceof Double) {
            return v;
        }
        if (Py.isInt(v)) {
            return PyNumbers.normInt(PyNumbers.big(v));
        }
        if (v instanceof Float f) {
            return f.doubleValue();
        }
        if (v instanceof CharSequence s) {
            return s.toString();
        }
        if (v instanceof Map<?, ?> m) {
            enter(v, open);
            List<Map.Entry<?, ?>> entries = new ArrayList<>(m.entrySet());
            if (sortKeys) {
                entries.sort((x, y) -> Py.compare(x.getKey(), y.getKey(), "<"));
            }
            Map<Object, Object> out = new LinkedHashMap<>();
            entries.forEach(e -> out.put(yamlPlain(e.getKey(), sortKeys, open), yamlPlain(e.getValue(), sortKeys,
                    open)));
            open.remove(v);
            return out;
        }
        if (v instanceof List<?> l) {
            enter(v, open);
            List<Object> out = new ArrayList<>();
            l.forEach(x -> out.add(yamlPlain(x, sortKeys, open)));
            open.remove(v);
            return out;
        }
        if (v instanceof Set<?> s) {
            Set<Object> out = new LinkedHashSet<>();
            s.forEach(x -> out.add(yamlPlain(x, sortKeys, open)));
            return out;
        }
        if (v instanceof PyDate || v instanceof PyDatetime) {
            return v;
        }
        if (v instanceof Undefined u) {
            throw u.error();
        }
        throw new YAMLException("cannot represent an object: " + Py.str(v));
    }

    /** {@code fromyaml(value, default=None)}: PyYAML's safe_load, or the default for text that is not YAML. */
    static Object fromyaml(CallSite site, Args a) {
        Object text = a.require(0, "value", "fromyaml");
        if (text instanceof Undefined u) {
            throw u.error();
        }
        if (!(text instanceof CharSequence s)) {
            return a.get(1, "default", null);
        }
        try {
            Node root = YamlFiles.compose(s.toString(), "fromyaml", Warnings.ignored());
            return root == null ? null
                    : JsonFunctions.pythonValue(new PythonTimestamps(YamlFiles.loaderOptions()).build(root));
        } catch (YAMLException | JinjaError | MallardException e) {
            return a.get(1, "default", null); // PyYAML's YAMLError and ValueError (a bad date)
        }
    }

    /** YAML timestamps become Python dates and datetimes (as PyYAML gives), not java.util.Date. */
    private static final class PythonTimestamps extends SafeConstructor {
        Object build(Node root) {
            return constructDocument(root);
        }

        PythonTimestamps(LoaderOptions options) {
            super(options);
            yamlConstructors.put(Tag.TIMESTAMP, new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    String value = ((ScalarNode) node).getValue().trim();
                    if (value.matches("\\d{4}-\\d{1,2}-\\d{1,2}")) {
                        String[] p = value.split("-");
                        return new PyDate(DatetimeModule.date(Long.parseLong(p[0]), Long.parseLong(p[1]),
                                Long.parseLong(p[2])));
                    }
                    String iso = value.replaceFirst("(?i)^(\\d{4}-\\d{2}-\\d{2})([t ]|\\s+)", "$1T")
                            .replaceFirst("\\s+(?=[zZ+-])", "").toUpperCase(Locale.ROOT);
                    return PyDatetime.fromisoformat(iso);
                }
            });
        }
    }

    /** A list or dict that contains itself: PyYAML would write anchors; toyaml gives its default. */
    private static void enter(Object container, Map<Object, Boolean> open) {
        if (open.put(container, Boolean.TRUE) != null) {
            throw new YAMLException("Circular reference detected");
        }
    }
}
