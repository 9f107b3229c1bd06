package dev.mallard.jinja.lib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mallard.jinja.value.Args;
import dev.mallard.jinja.value.Containers;
import dev.mallard.jinja.value.JinjaError;
import dev.mallard.jinja.value.Markup;
import dev.mallard.jinja.value.Namespace;
import dev.mallard.jinja.value.Py;
import dev.mallard.jinja.value.PyCallable;
import dev.mallard.jinja.value.PyObject;
import dev.mallard.jinja.value.PyRange;
import dev.mallard.jinja.value.TestSite;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Jinja2's globals; expectations are what dbt's Jinja2 environment rendered for the same calls. */
class GlobalsTest {
    private final TestSite site = new TestSite();

    private Object call(String global, Object... args) {
        return site.call(site.lookup(global), Args.of(args));
    }

    private Object call(String global, List<Object> args, Map<String, Object> kwargs) {
        return site.call(site.lookup(global), Args.of(args, kwargs));
    }

    private Object attr(Object obj, String name) {
        return ((PyObject) obj).getAttr(name);
    }

    @Test
    void rangeIsPythonsLazyRangeWithTheSandboxLimit() {
        // {{ range(5) }}|{{ range(1, 10, 3)|list }}|{{ range(10, 0, -3)|list }}|{{ range(0) }}|{{ range(5, 1)|list }}|{{ range(2, 5, 2) }}
        assertEquals("range(0, 5)|[1, 4, 7]|[10, 7, 4, 1]|range(0, 0)|[]|range(2, 5, 2)", String.join("|",
                Py.str(call("range", 5L)), Py.str(Containers.toList(call("range", 1L, 10L, 3L))),
                Py.str(Containers.toList(call("range", 10L, 0L, -3L))), Py.str(call("range", 0L)),
                Py.str(Containers.toList(call("range", 5L, 1L))), Py.str(call("range", 2L, 5L, 2L))));
        assertEquals(100000, Containers.len(call("range", 100000L)));
        assertEquals("Range too big. The sandbox blocks ranges larger than MAX_RANGE (100000).",
                assertThrows(JinjaError.class, () -> call("range", 100001L)).getMessage());
        assertEquals("'float' object cannot be interpreted as an integer",
                assertThrows(JinjaError.class, () -> call("range", 1.5)).getMessage());
        assertEquals("range expected at least 1 argument, got 0",
                assertThrows(JinjaError.class, () -> call("range")).getMessage());
        assertEquals("range() arg 3 must not be zero",
                assertThrows(JinjaError.class, () -> call("range", 1L, 2L, 0L)).getMessage());
        // {{ range(3)|length }}|{{ 2 in range(3) }}|{{ range(3)|last }}|{{ range(3)|reverse|list }}|{{ range(3)|first }}
        Object r = call("range", 3L);
        assertEquals("3|True|2|[2, 1, 0]|0", String.join("|", Py.str(site.filter("length", r, Args.EMPTY)),
                Py.str(Containers.contains(r, 2L)), Py.str(site.filter("last", r, Args.EMPTY)),
                Py.str(Containers.toList(site.filter("reverse", r, Args.EMPTY))),
                Py.str(site.filter("first", r, Args.EMPTY))));
        assertFalse(Py.eq(r, List.of(0L, 1L, 2L)));
        // range(10)[2:5], [::-1], [-3:], [1:100:3]; range(1, 20, 3)[::-2]
        PyRange ten = (PyRange) call("range", 10L);
        assertEquals("range(2, 5)|range(9, -1, -1)|range(7, 10)|range(1, 10, 3)|range(19, -2, -6)", String.join("|",
                Py.str(ten.slice(2L, 5L, null)), Py.str(ten.slice(null, null, -1L)), Py.str(ten.slice(-3L, null, null)),
                Py.str(ten.slice(1L, 100L, 3L)), Py.str(((PyRange) call("range", 1L, 20L, 3L)).slice(null, null, -2L))));
        assertEquals("[9, 8]", Py.str(Containers.toList(ten.slice(null, 7L, -1L))));
    }

    @Test
    void dictBuildsFromKeywordsMappingsAndPairs() {
        // {{ dict(a=1, b=2) }}|{{ dict([('a', 1)], b=2) }}|{{ dict({'x': 1}) }}|{{ dict() }}|{{ dict.fromkeys(['a','b'], 0) }}
        Map<String, Object> ab = new LinkedHashMap<>();
        ab.put("a", 1L);
        ab.put("b", 2L);
        Object fromkeys = site.call(attr(site.lookup("dict"), "fromkeys"), Args.of(List.of("a", "b"), 0L));
        assertEquals("{'a': 1, 'b': 2}|{'a': 1, 'b': 2}|{'x': 1}|{}|{'a': 0, 'b': 0}", String.join("|",
                Py.str(call("dict", List.of(), ab)),
                Py.str(call("dict", List.of(List.of(dev.mallard.jinja.value.PyTuple.of("a", 1L))), Map.of("b", 2L))),
                Py.str(call("dict", Map.of("x", 1L))), Py.str(call("dict")), Py.str(fromkeys)));
    }

    @Test
    void cyclerGivesItsItemsInTurn() {
        // {% set c = cycler('a', 'b') %}{{ c.next() }}{{ c.next() }}{{ c.current }}{{ c.next() }}{% do c.reset() %}{{ c.next() }}
        Object c = call("cycler", "a", "b");
        StringBuilder out = new StringBuilder();
        out.append(site.call(attr(c, "next"), Args.EMPTY)).append(site.call(attr(c, "next"), Args.EMPTY));
        out.append(attr(c, "current")).append(site.call(attr(c, "next"), Args.EMPTY));
        site.call(attr(c, "reset"), Args.EMPTY);
        out.append(site.call(attr(c, "next"), Args.EMPTY));
        assertEquals("abaaa", out.toString());
        assertEquals("at least one item has to be provided",
                assertThrows(JinjaError.class, () -> call("cycler")).getMessage());
    }

    @Test
    void joinerIsEmptyTheFirstTime() {
        // {% set j = joiner('|') %}{{ j() }}a{{ j() }}b{{ j() }}c{% set j2 = joiner() %}{{ j2() }}{{ j2() }}
        PyCallable j = (PyCallable) call("joiner", "|");
        PyCallable j2 = (PyCallable) call("joiner");
        String out = j.call(site, Args.EMPTY) + "a" + j.call(site, Args.EMPTY) + "b" + j.call(site, Args.EMPTY) + "c"
                + j2.call(site, Args.EMPTY) + j2.call(site, Args.EMPTY);
        assertEquals("a|b|c, ", out);
    }

    @Test
    void namespaceHoldsAssignableAttributes() {
        // {% set ns = namespace(a=1) %}{{ ns }}|{{ ns.a }}|{% set ns.b = [1] %}{{ ns.b }}|{{ namespace({'x': 2}, y=3) }}
        Namespace ns = (Namespace) call("namespace", List.of(), Map.of("a", 1L));
        String before = Py.str(ns) + "|" + Py.str(ns.getAttr("a")) + "|";
        ns.setAttr("b", List.of(1L));
        assertEquals("<Namespace {'a': 1}>|1|[1]|<Namespace {'x': 2, 'y': 3}>", before + Py.str(ns.getAttr("b"))
                + "|" + Py.str(call("namespace", List.of(Map.of("x", 2L)), Map.of("y", 3L))));
        assertEquals(Py.NOT_FOUND, ns.getAttr("missing"));
    }

    @Test
    void lipsumIsMarkupParagraphsOfLatin() {
        Object html = call("lipsum", 2L);
        assertTrue(html instanceof Markup);
        String text = html.toString();
        assertTrue(text.startsWith("<p>") && text.endsWith(".</p>") && text.split("\n").length == 2, text);
        String plain = Py.str(call("lipsum", List.of(1L, false, 5L, 6L), Map.of()));
        assertEquals(5, plain.split(" ").length, plain);
        assertTrue(Character.isUpperCase(plain.charAt(0)) && plain.endsWith("."), plain);
        assertEquals(html.toString(), call("lipsum", 2L).toString(), "reproducible");
    }
}
