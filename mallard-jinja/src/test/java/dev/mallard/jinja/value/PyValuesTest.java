package dev.mallard.jinja.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Value types beyond the basics; expectations are what Python 3.11 printed. */
class PyValuesTest {
    private final TestSite site = new TestSite();

    private Object call(Object self, String method, Object... args) {
        return site.call(Methods.lookup(self, method), Args.of(args));
    }

    @Test
    void floatsPrintAsPythonsShortestRepr() {
        // {{ 0.1 + 0.2 }}|{{ 1e22 }}|{{ 1e16 }}|{{ 123456789012345678.0 }}|{{ 5e-324 }}|{{ 2 ** 0.5 }}|{{ 1/3 }}|
        // {{ 100.0 }}|{{ -0.0 }}|{{ 1e-4 }}|{{ 0.0001234 }}|{{ 1.7976931348623157e308 }}|{{ 9007199254740993 / 1 }}|
        // {{ 2.0 ** 60 }}|{{ 1e15 + 0.3 }}
        double[] values = {0.1 + 0.2, 1e22, 1e16, 123456789012345678.0, Double.MIN_VALUE, Math.sqrt(2), 1.0 / 3, 100.0,
            -0.0, 1e-4, 0.0001234, Double.MAX_VALUE, 9007199254740992.0, Math.pow(2, 60), 1e15 + 0.3};
        StringBuilder out = new StringBuilder();
        for (double v : values) {
            out.append(out.length() == 0 ? "" : "|").append(Py.str(v));
        }
        assertEquals("0.30000000000000004|1e+22|1e+16|1.2345678901234568e+17|5e-324|1.4142135623730951|"
                + "0.3333333333333333|100.0|-0.0|0.0001|0.0001234|1.7976931348623157e+308|9007199254740992.0|"
                + "1.152921504606847e+18|1000000000000000.2", out.toString());
    }

    @Test
    void numbersCompareExactlyAcrossIntAndFloat() {
        assertFalse(Py.eq(9007199254740993L, 9007199254740992.0));
        assertTrue(Py.eq(-0.0, 0L));
        assertEquals(0, Py.compare(-0.0, false, ">="));
        assertFalse(Py.eq(Double.NaN, Double.NaN));
        Double nan = Double.NaN;
        assertTrue(Py.eq(List.of(nan), List.of(nan)), "containers compare identical items as equal");
        // 1.5e-3 // 1e-5 and 0 % -0.5, as Python's float divmod gives them
        assertEquals(149.0, Arithmetic.floordiv(1.5e-3, 1e-5));
        assertEquals("-0.0", Py.str(Arithmetic.mod(0.0, -0.5)));
        assertEquals("integer modulo by zero",
                assertThrows(JinjaError.class, () -> Arithmetic.mod(1L, 0L)).getMessage());
    }

    @Test
    void dictViewsAreLiveAndPrintLikePython() {
        // {% set d = {'a': 1} %}{% set k = d.keys() %}{% do d.update(b=2) %}{{ k }}|{{ k|list }}|{{ d.items()|list }}|
        // {{ d.values()|sum }}|{{ 'a' in k }}|{{ k|length }}|{{ d.items() }}|{{ d.keys() == d.keys() }}|
        // {{ d.values() == d.values() }}|{{ d.items()|last }}
        Map<Object, Object> d = new LinkedHashMap<>();
        d.put("a", 1L);
        Object k = call(d, "keys");
        call(d, "update", Map.of("b", 2L));
        String out = String.join("|", Py.str(k), Py.str(Containers.toList(k)),
                Py.str(Containers.toList(call(d, "items"))),
                Py.str(site.filter("sum", call(d, "values"), Args.EMPTY)), Py.str(Containers.contains(k, "a")),
                Py.str(Containers.len(k)), Py.str(call(d, "items")), Py.str(Py.eq(call(d, "keys"), call(d, "keys"))),
                Py.str(Py.eq(call(d, "values"), call(d, "values"))), Py.str(site.filter("last", call(d, "items"),
                        Args.EMPTY)));
        assertEquals("dict_keys(['a', 'b'])|['a', 'b']|[('a', 1), ('b', 2)]|3|True|2|dict_items([('a', 1), ('b', 2)])"
                + "|True|False|('b', 2)", out);
        assertEquals(Py.NOT_FOUND, Methods.lookup(k, "append"));
        assertEquals("dict_keys", Py.typeName(k));
    }

    @Test
    void encodedTextIsBytes() {
        // {{ 'é'.encode('utf-8') }}|{{ 'ab'.encode()|list }}|{{ 'ab'.encode()|length }}|{{ 'é'.encode().decode() }}|
        // {{ 'ab'.encode().hex() }}|{{ 'ab'.encode() == 'ab'.encode() }}
        String out = String.join("|", Py.str(call("é", "encode", "utf-8")),
                Py.str(Containers.toList(call("ab", "encode"))),
                Py.str(Containers.len(call("ab", "encode"))), Py.str(call(call("é", "encode"), "decode")),
                Py.str(call(call("ab", "encode"), "hex")), Py.str(Py.eq(call("ab", "encode"), call("ab", "encode"))));
        assertEquals("b'\\xc3\\xa9'|[97, 98]|2|é|6162|True", out);
    }

    @Test
    void markupEscapesWhatIsCombinedWithIt() {
        // {{ ('<'|e) + '<' }}|{{ '<' + ('<'|e) }}|{{ ('<b>%s</b>'|safe) % '<' }}|{{ ('%s'|safe) % ('<'|safe) }}|
        // {{ ('-'|safe).join(['<', '>'|safe, 1]) }}|{{ ('{}:{!r}'|safe).format('<', '<') }}|{{ ('<a>'|safe).upper() }}|
        // {{ ('a<b'|safe).replace('<', '&') }}
        Markup lt = Markup.escape("<");
        String out = String.join("|", Py.str(Arithmetic.add(lt, "<")), Py.str(Arithmetic.add("<", lt)),
                Py.str(Arithmetic.mod(new Markup("<b>%s</b>"), "<")),
                Py.str(Arithmetic.mod(new Markup("%s"), new Markup("<"))),
                Py.str(call(new Markup("-"), "join", List.of("<", new Markup(">"), 1L))),
                Py.str(call(new Markup("{}:{!r}"), "format", "<", "<")), Py.str(call(new Markup("<a>"), "upper")),
                Py.str(call(new Markup("a<b"), "replace", "<", "&")));
        assertEquals("&lt;&lt;|&lt;&lt;|<b>&lt;</b>|<|&lt;->-1|&lt;:&#39;&lt;&#39;|<A>|a&amp;b", out);
        // {{ [('<'|e) * 2] }}|{{ ['a b'|e|upper] }}|{{ ('x'|e).split() }}|{{ '<'|e|e }}|{{ '<'|e|forceescape }}|
        // {{ ('&lt;'|safe).unescape() }}|{{ ('<b>x</b>'|safe).striptags() }}|{{ ['<'|e|string] }}|
        // {{ ('<b>'|safe)|truncate(6, True, '<>', 0) }}|{{ ['abc'|safe|reverse] }}
        String more = String.join("|", Py.str(List.of(Arithmetic.mul(lt, 2L))),
                Py.str(List.of(site.filter("upper", site.filter("e", "a b", Args.EMPTY), Args.EMPTY))),
                Py.str(call(Markup.escape("x"), "split")), Py.str(site.filter("e", lt, Args.EMPTY)),
                Py.str(site.filter("forceescape", lt, Args.EMPTY)), Py.str(call(new Markup("&lt;"), "unescape")),
                Py.str(call(new Markup("<b>x</b>"), "striptags")), Py.str(List.of(site.filter("string", lt, Args.EMPTY))),
                Py.str(site.filter("truncate", new Markup("<b>"), Args.of(6L, true, "<>", 0L))),
                Py.str(List.of(site.filter("reverse", new Markup("abc"), Args.EMPTY))));
        assertEquals("[Markup('&lt;&lt;')]|[Markup('A B')]|[Markup('x')]|&lt;|&amp;lt;|<|x|[Markup('&lt;')]|<b>|"
                + "[Markup('cba')]", more);
        // {{ ['%s'|safe|format('<')] }}|{{ ['a\nb'|safe|indent] }}|{{ ['ab'|safe|center(4)] }}|{{ ['  x '|safe|trim] }}|
        // {{ ['<b>x</b>'|safe|title] }}|{{ ['x'|safe|replace('x', '<')] }}
        String filters = String.join("|", Py.str(List.of(site.filter("format", new Markup("%s"), Args.of("<")))),
                Py.str(List.of(site.filter("indent", new Markup("a\nb"), Args.EMPTY))),
                Py.str(List.of(site.filter("center", new Markup("ab"), Args.of(4L)))),
                Py.str(List.of(site.filter("trim", new Markup("  x "), Args.EMPTY))),
                Py.str(List.of(site.filter("title", new Markup("<b>x</b>"), Args.EMPTY))),
                Py.str(List.of(site.filter("replace", new Markup("x"), Args.of("x", "<")))));
        assertEquals("[Markup('&lt;')]|[Markup('a\\n    b')]|[Markup(' ab ')]|[Markup('x')]|['<B>x</b>']|['<']", filters);
        assertTrue(site.test("escaped", lt, Args.EMPTY));
        assertFalse(site.test("escaped", "<", Args.EMPTY));
    }

    @Test
    void generatorsRunOnceAndAreAlwaysTrue() {
        // {% set g = [1,2,3]|map('string') %}{{ g|join(',') }}|{{ g|join(',') }}|{{ [1]|select is iterable }}|
        // {{ ([]|select) is sequence }}{% if []|select %}T{% endif %}
        Object g = site.filter("map", List.of(1L, 2L, 3L), Args.of("string"));
        Object empty = site.filter("select", List.of(), Args.EMPTY);
        String out = String.join("|", Py.str(site.filter("join", g, Args.of(","))),
                Py.str(site.filter("join", g, Args.of(","))),
                Py.str(site.test("iterable", site.filter("select", List.of(1L), Args.EMPTY), Args.EMPTY)),
                Py.str(site.test("sequence", empty, Args.EMPTY))) + (Py.truthy(empty) ? "T" : "");
        assertEquals("1,2,3||True|FalseT", out);
        assertTrue(Py.str(site.filter("reverse", List.of(1L, 2L), Args.EMPTY)).startsWith("<list_reverseiterator object at 0x"));
        assertTrue(Py.str(g).startsWith("<generator object sync_do_map at 0x"));
        assertEquals("object of type 'generator' has no len()",
                assertThrows(JinjaError.class, () -> site.filter("length", g, Args.EMPTY)).getMessage());
    }

    @Test
    void groupsAreTuplesWithGrouperAndList() {
        // {% for k, v in [{'c': 'x', 'n': 1}, {'c': 'y'}]|groupby('c') %}{{ k }}={{ v|length }};{% endfor %}
        // {% for g in [{'c': 'x'}]|groupby('c') %}{{ g.grouper }}{{ g.list }}{{ g[0] }}{{ g }}{% endfor %}
        StringBuilder out = new StringBuilder();
        for (Object group : Containers.iterate(site.filter("groupby",
                List.of(Map.of("c", "x", "n", 1L), Map.of("c", "y")), Args.of("c")))) {
            List<?> kv = (List<?>) group;
            out.append(kv.get(0)).append('=').append(Containers.len(kv.get(1))).append(';');
        }
        for (Object g : Containers.iterate(site.filter("groupby", List.of(Map.of("c", "x")), Args.of("c")))) {
            out.append(Py.str(site.getAttr(g, "grouper"))).append(Py.str(site.getAttr(g, "list")))
                    .append(Py.str(site.getItem(g, 0L))).append(Py.str(g));
        }
        assertEquals("x=1;y=1;x[{'c': 'x'}]x('x', [{'c': 'x'}])", out.toString());
    }

    @Test
    void filtersThatNeedNoPythonRunToCheck() {
        // {{ ['a', 'b']|random in ['a', 'b'] }}|{{ []|random }}|{{ 'x'|random }}
        for (int i = 0; i < 20; i++) {
            assertTrue(List.of("a", "b").contains(site.filter("random", List.of("a", "b"), Args.EMPTY)));
        }
        assertEquals("", Py.str(site.filter("random", List.of(), Args.EMPTY)));
        assertEquals("x", site.filter("random", "x", Args.EMPTY));
        // {{ 'abc'|attr('upper') is callable }}|{{ ('abc'|attr('upper'))() }}|{{ {'items': 1}|attr('items') is callable }}
        Object upper = site.filter("attr", "abc", Args.of("upper"));
        assertTrue(site.test("callable", upper, Args.EMPTY));
        assertEquals("ABC", site.call(upper, Args.EMPTY));
        assertTrue(site.test("callable", site.filter("attr", Map.of("items", 1L), Args.of("items")), Args.EMPTY));
        // {{ (-1)|abs }}|{{ -9223372036854775808|abs }}
        assertEquals("1|9223372036854775808", Py.str(site.filter("abs", -1L, Args.EMPTY)) + "|"
                + Py.str(site.filter("abs", Long.MIN_VALUE, Args.EMPTY)));
    }

    @Test
    void mutatingAReadOnlyListSaysSo() {
        JinjaError e = assertThrows(JinjaError.class, () -> call(List.of(1L), "append", 2L));
        assertEquals("'list' object is read-only here: append() cannot change it", e.getMessage());
        assertEquals(Py.NOT_FOUND, Methods.lookup(PyTuple.of(1L), "append"));
    }
}
