package dev.mallard.jinja.value;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mallard.jinja.lib.Library;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * Runs tables of cases whose expected results were produced by Python's Jinja2 3.1.6 itself.
 * A case is a line {@code kind name | value | [args] | {kwargs}} followed by {@code -> expected},
 * where expected is Python's repr of the result, {@code gen:} and the items for a generator,
 * {@code result ; receiver} for methods, or {@code !} and the error message ({@code !*}: any error,
 * where only Python's wording of an argument-count complaint differs).
 */
public final class CaseTable {
    private CaseTable() {
    }

    /** Runs the table in the classpath resource {@code name} (next to the calling test class). */
    public static Stream<DynamicTest> runResource(Class<?> owner, String name) {
        try (java.io.InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("test table " + name + " is missing");
            }
            return run(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static Stream<DynamicTest> run(String table) {
        TestSite site = new TestSite(Library.standard());
        List<DynamicTest> tests = new ArrayList<>();
        String[] lines = table.strip().split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String expected = lines[++i].strip();
            if (!expected.startsWith("-> ")) {
                throw new IllegalArgumentException("no expectation after " + line);
            }
            String want = expected.substring(3);
            tests.add(DynamicTest.dynamicTest(line, () -> {
                String got = evaluate(site, line);
                assertEquals(want, want.equals("!*") && got.startsWith("!") ? "!*" : got, line);
            }));
        }
        return tests.stream();
    }

    /** Java's answer to one case, in the table's notation. */
    public static String evaluate(TestSite site, String line) {
        String kind = line.substring(0, line.indexOf(' '));
        String[] parts = line.substring(kind.length() + 1).split(" \\| ");
        try {
            if (kind.equals("percent")) {
                return show(PercentFormat.format((String) PyLiteral.parse(parts[0].strip()),
                        PyLiteral.parse(parts[1].strip())));
            }
            String name = parts[0].strip();
            Object value = PyLiteral.parse(parts[1].strip());
            @SuppressWarnings("unchecked")
            List<Object> args = parts.length > 2 ? (List<Object>) PyLiteral.parse(parts[2].strip()) : List.of();
            @SuppressWarnings("unchecked")
            Map<String, Object> kwargs = parts.length > 3
                    ? (Map<String, Object>) PyLiteral.parse(parts[3].strip()) : Map.of();
            Args a = Args.of(args, kwargs);
            return switch (kind) {
                case "filter" -> show(site.filter(name, value, a));
                case "test" -> show(site.test(name, value, a));
                case "method" -> {
                    Object m = Methods.lookup(value, name);
                    if (m == Py.NOT_FOUND) {
                        yield "!" + Undefined.member(value, name, false).message();
                    }
                    yield show(((PyCallable) m).call(site, a)) + " ; " + Py.repr(value);
                }
                default -> throw new IllegalArgumentException("unknown kind " + kind);
            };
        } catch (JinjaError e) {
            return "!" + e.getMessage();
        }
    }

    public static String show(Object result) {
        if (result instanceof PyIterator) {
            return "gen:" + Py.repr(Containers.toList(result));
        }
        return Py.repr(result);
    }
}
