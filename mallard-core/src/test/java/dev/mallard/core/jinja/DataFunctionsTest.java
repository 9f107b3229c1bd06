package dev.mallard.core.jinja;

import static dev.mallard.core.jinja.PyCalls.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.jinja.value.JinjaError;
import dev.mallard.jinja.value.Py;
import dev.mallard.jinja.value.PyTuple;
import dev.mallard.jinja.value.Undefined;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** dbt's tojson/fromjson/toyaml/fromyaml/zip/set/local_md5; expected values are CPython 3.11 + PyYAML 6's. */
class DataFunctionsTest {
    private final PyCalls py = new PyCalls();
    private final Map<String, Object> fns = DataFunctions.all();

    private Object call(String fn, Object... args) {
        return py.invoke(fns.get(fn), args);
    }

    private Object callKw(String fn, Object[] args, Object... kw) {
        return py.invokeKw(fns.get(fn), args, kw);
    }

    @SafeVarargs
    private static <T> Map<Object, Object> dict(T... keysAndValues) {
        Map<Object, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    private static List<Object> list(Object... items) {
        return new ArrayList<>(Arrays.asList(items));
    }

    @Test
    void dbtHasNoListOrDictFunctionOfItsOwn() {
        assertEquals(List.of("tojson", "fromjson", "toyaml", "fromyaml", "zip", "zip_strict", "set", "set_strict",
                "local_md5", "diff_of_two_dicts"), List.copyOf(fns.keySet()));
    }

    @Test
    void tojsonWritesWhatJsonDumpsWrites() {
        Object value = dict("a", 1L, "b", list(1.5, null, true, "é\ud83d\ude00\n\u007f/"), "c", dict("z", 1e20, "y", 1e-7));
        assertEquals("{\"a\": 1, \"b\": [1.5, null, true, \"\\u00e9\\ud83d\\ude00\\n\\u007f/\"], "
                + "\"c\": {\"z\": 1e+20, \"y\": 1e-07}}", call("tojson", value));
        assertEquals("{\"2\": 1, \"1.5\": 2, \"true\": 3, \"null\": 4}",
                call("tojson", dict(2L, 1L, 1.5, 2L, true, 3L, null, 4L)));
        assertEquals("{\"a\": 2, \"b\": 1}", callKw("tojson", args(dict("b", 1L, "a", 2L)), "sort_keys", true));
        assertEquals("{\"a\": 2, \"b\": 1}", call("tojson", dict("b", 1L, "a", 2L), null, true));
        assertEquals("NaN", call("tojson", Double.NaN));
        assertEquals("[1, 2]", call("tojson", PyTuple.of(1L, 2L)));
        assertEquals("Object of type set is not JSON serializable", assertThrows(JinjaError.class,
                () -> call("tojson", new LinkedHashSet<>(List.of(1L)))).getMessage());
        assertEquals("keys must be str, int, float, bool or None, not tuple", assertThrows(JinjaError.class,
                () -> call("tojson", dict(PyTuple.of(1L, 2L), 1L))).getMessage());
        List<Object> loop = list(1L);
        loop.add(loop);
        assertEquals("circular", call("tojson", loop, "circular"));
    }

    @Test
    void tojsonUnlikeTheFilterWritesDecimalsParseTimeUndefinedAndDeepDataUnescaped() {
        assertEquals("[1.5, {\"2.5\": 1}]",
                call("tojson", list(new BigDecimal("1.5"), dict(new BigDecimal("2.5"), 1L))));
        assertEquals("{\"a\": null}", call("tojson", dict("a", Undefined.name("x", true))));
        assertEquals(Undefined.name("x", false).error().getMessage(), assertThrows(JinjaError.class,
                () -> call("tojson", dict("a", Undefined.name("x", false)))).getMessage());
        assertEquals("keys must be str, int, float, bool or None, not Undefined", assertThrows(JinjaError.class,
                () -> call("tojson", dict(Undefined.name("x", true), 1L))).getMessage());
        List<Object> deep = list();
        List<Object> l = deep;
        for (int i = 0; i < 600; i++) {
            List<Object> inner = list();
            l.add(inner);
            l = inner;
        }
        assertEquals("[".repeat(601) + "]".repeat(601), call("tojson", deep));
        assertEquals("\"<&'>\"", call("tojson", "<&'>")); // no HTML escaping, unlike the filter
    }

    @Test
    void fromjsonGivesPythonTypedValues() {
        Object v = call("fromjson", "{\"a\": 1, \"b\": 2.0, \"c\": [1e400, -0.0], \"d\": 12345678901234567890123}");
        assertEquals("{'a': 1, 'b': 2.0, 'c': [inf, -0.0], 'd': 12345678901234567890123}", Py.repr(v));
        Map<?, ?> m = assertInstanceOf(LinkedHashMap.class, v);
        assertInstanceOf(Long.class, m.get("a"));
        assertInstanceOf(Double.class, m.get("b"));
        assertInstanceOf(ArrayList.class, m.get("c"));
        assertEquals(Double.NaN, call("fromjson", "NaN"));
        assertNull(call("fromjson", "not json"));
        assertNull(call("fromjson", "{\"a\": 1} extra"));
        assertEquals("fallback", call("fromjson", "{", "fallback"));
        assertEquals("the JSON object must be str, bytes or bytearray, not NoneType",
                assertThrows(JinjaError.class, () -> call("fromjson", (Object) null)).getMessage());
    }

    @Test
    void toyamlWritesWhatSafeDumpWrites() {
        Object value = dict("a", 1L, "b", list(1L, 2L), "c", dict("d", "yes", "e", null, "f", "é"), "g", "a: b",
                "h", 1.5, "i", true, "j", "");
        assertEquals("a: 1\nb:\n- 1\n- 2\nc:\n  d: 'yes'\n  e: null\n  f: \"\\xE9\"\ng: 'a: b'\nh: 1.5\ni: true\nj: ''\n",
                call("toyaml", value));
        assertEquals("abc\n...\n", call("toyaml", "abc"));
        assertEquals("1\n...\n", call("toyaml", 1L));
        assertEquals("null\n...\n", call("toyaml", (Object) null));
        assertEquals("[]\n", call("toyaml", list()));
        assertEquals("'''x'\n", call("toyaml", "'x"));
        assertEquals("x: " + "a".repeat(100) + "\n  " + "b".repeat(10) + "\n",
                call("toyaml", dict("x", "a".repeat(100) + " " + "b".repeat(10))));
        assertEquals("- a: 1\n  b: 2\n- - 3\n  - 4\n", call("toyaml", list(dict("a", 1L, "b", 2L), list(3L, 4L))));
        assertEquals("- 1\n- 2\n", call("toyaml", PyTuple.of(1L, 2L)));
        assertEquals("a: 2\nb: 1\n", callKw("toyaml", args(dict("b", 1L, "a", 2L)), "sort_keys", true));
        assertEquals("v: 12345678901234567890\nw: 0.1\nx: 1.0e+20\ny: 1.0e+17\nz: .inf\n", call("toyaml",
                dict("v", new java.math.BigInteger("12345678901234567890"), "w", 0.1, "x", 1e20, "y", 1e17,
                        "z", Double.POSITIVE_INFINITY)));
        Object modules = new ModulesObject();
        Object dt = py.attr(py.attr(modules, "datetime"), "datetime");
        Object date = py.attr(py.attr(modules, "datetime"), "date");
        assertEquals("d: 2024-01-31\ns: '2024-01-31'\nt: 2024-01-31 10:00:00\n", call("toyaml",
                dict("d", py.invoke(date, 2024L, 1L, 31L), "s", "2024-01-31", "t", py.invoke(dt, 2024L, 1L, 31L, 10L))));
        assertEquals("no", call("toyaml", new Object(), "no"));
    }

    @Test
    void fromyamlGivesPythonTypedValues() {
        Object v = call("fromyaml", "a: 2024-01-31\nb: 2024-01-31 10:00:00\nc: 2001-12-14t21:59:43.10-05:00\n"
                + "d: 0x1f\ne: 1_000\nf: yes\ng: .inf\ni: 010\nj: [1, x]\n");
        Map<?, ?> m = assertInstanceOf(LinkedHashMap.class, v);
        assertEquals("2024-01-31", Py.str(m.get("a")));
        assertInstanceOf(PyDate.class, m.get("a"));
        assertEquals("2024-01-31 10:00:00", Py.str(m.get("b")));
        assertEquals("2001-12-14 21:59:43.100000-05:00", Py.str(m.get("c")));
        assertEquals(31L, m.get("d"));
        assertEquals(1000L, m.get("e"));
        assertEquals(true, m.get("f"));
        assertEquals(Double.POSITIVE_INFINITY, m.get("g"));
        assertEquals(8L, m.get("i"));
        assertEquals("[1, 'x']", Py.repr(m.get("j")));
        assertEquals("dflt", call("fromyaml", "a: [", "dflt"));
        assertNull(call("fromyaml", "a: b\n- c"));
    }

    @Test
    void zipAndSetAsDbtDefinesThem() {
        assertEquals("[(1, 'a'), (2, 'b')]", Py.repr(call("zip", list(1L, 2L, 3L), "ab")));
        assertEquals("[]", Py.repr(call("zip")));
        assertNull(call("zip", 1L, list(1L)));
        assertEquals("d", callKw("zip", args(1L, list(1L)), "default", "d"));
        MallardException e = assertThrows(MallardException.class, () -> call("zip_strict", 1L, list(1L)));
        assertEquals(ErrorCode.JINJA, e.code());
        assertTrue(e.getMessage().contains("zip argument #1 must support iteration"), e.getMessage());

        assertEquals("{1, 2, 3}", Py.repr(call("set", list(1L, 2L, 2L, 3L))));
        assertEquals("{1}", Py.repr(call("set", list(1L, 1.0, true))));
        assertEquals("{'a', 'b'}", Py.repr(call("set", "aba")));
        assertEquals("{'k'}", Py.repr(call("set", dict("k", 1L))));
        assertNull(call("set", list(list(1L))));
        assertNull(call("set", (Object) null));
        assertEquals(List.of(), call("set", 5L, List.of()));
        assertInstanceOf(LinkedHashSet.class, call("set_strict", list(1L)));
        assertThrows(MallardException.class, () -> call("set_strict", (Object) null));
    }

    @Test
    void md5AndDictDiff() {
        assertEquals("5eb63bbbe01eeed093cb22bb8f5acdc3", call("local_md5", "hello world"));
        Object diff = call("diff_of_two_dicts",
                dict("key_x", list("value_1", "VALUE_2"), "KEY_Y", list("value_3")),
                dict("key_x", list("value_1"), "key_z", list("value_4")));
        assertEquals("{'key_x': ['VALUE_2'], 'KEY_Y': ['value_3']}", Py.repr(diff));
    }
}
