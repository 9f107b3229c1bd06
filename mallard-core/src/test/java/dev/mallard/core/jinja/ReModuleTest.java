package dev.mallard.core.jinja;

import static dev.mallard.core.jinja.PyCalls.args;
import static dev.mallard.core.jinja.PyCalls.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mallard.jinja.value.JinjaError;
import dev.mallard.jinja.value.PyCallable;
import org.junit.jupiter.api.Test;

/** modules.re, called as templates call it; expected values are CPython 3.11's. */
class ReModuleTest {
    private final PyCalls py = new PyCalls();
    private final Object re = py.attr(new ModulesObject(), "re");

    private String error(Runnable r) {
        return assertThrows(JinjaError.class, r::run).getMessage();
    }

    @Test
    void matchObjectsAnswerLikePythons() {
        Object m = py.call(re, "search", "(?P<first_name>\\w+) (?P<last>\\w+)?(x)?", "hi John Smith");
        assertEquals("<re.Match object; span=(0, 7), match='hi John'>", str(m));
        assertEquals("hi John", py.call(m, "group"));
        assertEquals("hi", py.call(m, "group", 1L));
        assertEquals("hi", py.call(m, "group", "first_name"));
        assertEquals("('hi', 'John', None)", str(py.call(m, "groups")));
        assertEquals("('hi', 'John', '-')", str(py.call(m, "groups", "-")));
        assertEquals("{'first_name': 'hi', 'last': 'John'}", str(py.call(m, "groupdict")));
        assertEquals("(3, 7)", str(py.call(m, "span", 2L)));
        assertEquals(-1L, py.call(m, "start", 3L));
        assertEquals("(-1, -1)", str(py.call(m, "span", 3L)));
        assertEquals(2L, py.attr(m, "lastindex"));
        assertEquals("last", py.attr(m, "lastgroup"));
        assertEquals("hi", py.item(m, 1L));
        assertEquals("John", py.item(m, "last"));
        assertEquals("('hi', 'John')", str(py.call(m, "group", 1L, 2L)));
        assertEquals("no such group", error(() -> py.call(m, "group", 9L)));
    }

    @Test
    void matchSearchAndFullmatchAnchorAsInPython() {
        assertNull(py.call(re, "match", "b", "ab"));
        assertEquals("<re.Match object; span=(0, 2), match='ab'>", str(py.call(re, "fullmatch", "a|ab", "ab")));
        assertEquals("('2024', '01')", str(py.call(py.call(re, "match", "(\\d{4})-(\\d{2})", "2024-01-05"), "groups")));
        assertNull(py.call(re, "search", "x\\Z", "x\n"));
        assertEquals("<re.Match object; span=(0, 1), match='x'>", str(py.call(re, "search", "x$", "x\n")));
        assertNull(py.call(re, "search", "a.c", "a\nc"));
        assertEquals("a\rc", py.call(py.call(re, "search", "a.c", "a\rc"), "group"));
        assertEquals("a\nb", py.call(py.call(re, "search", "(?s)a.b", "a\nb"), "group"));
        assertEquals("a\nb", py.call(py.call(re, "search", "a.b", "a\nb", py.attr(re, "S")), "group"));
        assertEquals("A", py.call(py.call(re, "search", "a", "A", 2L + 8L), "group"));
        assertEquals("(1, 3)", str(py.call(py.call(re, "search", "\ud83d\ude00(b)", "x\ud83d\ude00b"), "span")));
        assertEquals("(2, 3)", str(py.call(py.call(re, "search", "\ud83d\ude00(b)", "x\ud83d\ude00b"), "span", 1L)));
    }

    @Test
    void pythonOnlySyntaxIsTranslated() {
        assertEquals("aa", py.call(py.call(re, "match", "(?P<x>a)(?P=x)", "aa"), "group"));
        assertEquals("a{", py.call(py.call(re, "search", "a{", "a{"), "group"));
        assertEquals("aa", py.call(py.call(re, "search", "a{,2}", "aaa"), "group"));
        assertEquals("[", py.call(py.call(re, "search", "[[]", "a["), "group"));
        assertEquals("&", py.call(py.call(re, "search", "[a&&b]", "&"), "group"));
        assertEquals(java.util.List.of("a", "a"), py.call(re, "findall", "(?#c)a", "aa"));
        assertEquals("aNb", py.call(re, "sub", "(?x) \\d+  # digits (not a group", "N", "a12b"));
        assertEquals("bad escape \\q at position 0 in regular expression '\\\\q'",
                error(() -> py.call(re, "compile", "\\q")));
        assertTrue(error(() -> py.call(re, "compile", "(")).contains("regular expression '('"));
    }

    @Test
    void unicodeClassesAsInPython3() {
        assertEquals(java.util.List.of("héllo", "wörld"), py.call(re, "findall", "\\w+", "héllo wörld"));
        assertEquals(java.util.List.of("h", "llo"), py.call(re, "findall", "\\w+", "héllo", py.attr(re, "A")));
        assertEquals("\u0663", py.call(py.call(re, "search", "\\d", "\u0663"), "group"));
        assertEquals("é", py.call(py.call(re, "search", "É", "é", py.attr(re, "IGNORECASE")), "group"));
    }

    @Test
    void findallAndFinditer() {
        assertEquals("[('a', 'b'), ('a', '')]", str(py.call(re, "findall", "(a)(b)?", "ab a")));
        assertEquals("['1', '22']", str(py.call(re, "findall", "\\d+", "a1b22")));
        assertEquals("['1', '2']", str(py.call(re, "findall", "(\\d)x", "1x2x")));
        assertEquals("['me@x.com', 'you@y.org']", str(py.call(re, "findall", "[\\w.]+@[\\w.]+", "me@x.com, you@y.org")));
        Object matches = py.call(re, "finditer", "\\d+", "a1b22c333");
        assertEquals(3, ((java.util.List<?>) matches).size());
        assertEquals("333", py.call(((java.util.List<?>) matches).get(2), "group"));
    }

    @Test
    void subUsesPythonsTemplateSyntax() {
        assertEquals("host at me me@host \\ \\. $1 \n",
                py.call(re, "sub", "(\\w+)@(\\w+)", "\\2 at \\g<1> \\g<0> \\\\ \\. $1 \\n", "me@host"));
        assertEquals("<a> <b>", py.call(re, "sub", "(?P<word>\\w+)", "<\\g<word>>", "a b"));
        assertEquals("-a-b--d-", py.call(re, "sub", "x*", "-", "abxd"));
        assertEquals("bba", py.call(re, "sub", "a", "b", "aaa", 2L));
        assertEquals("aaa", py.call(re, "sub", "a", "b", "aaa", -1L));
        assertEquals("('a#b##', 3)", str(py.call(re, "subn", "\\d", "#", "a1b22")));
        assertEquals("[a][]", py.call(re, "sub", "(a)|b", "[\\1]", "ab"));
        assertEquals("A", py.call(re, "sub", "(a)", "\\101", "a"));
        assertEquals("<a0>", py.call(re, "sub", "(a)", "<\\g<1>0>", "a"));
        assertEquals("bar food bar", py.call(re, "sub", "\\bfoo\\b", "bar", "foo food foo"));
        assertEquals("> a\n> b", py.call(re, "sub", "(?m)^", "> ", "a\nb"));
        assertEquals("a/b", py.call(re, "sub", "\\\\", "/", "a\\b"));
        assertEquals("bad escape \\q at position 0", error(() -> py.call(re, "sub", "a", "\\q", "a")));
        assertEquals("invalid group reference 2 at position 1", error(() -> py.call(re, "sub", "(a)", "\\2", "a")));
        assertEquals("unknown group name 'x'", error(() -> py.call(re, "sub", "(a)", "\\g<x>", "a")));
        PyCallable upper = (site, a) -> ((String) py.call(a.positional().get(0), "group")).toUpperCase();
        assertEquals("A-B", py.call(re, "sub", "[a-z]", upper, "a-b"));
    }

    @Test
    void splitKeepsGroupsAndHonoursMaxsplit() {
        assertEquals("['a', ',', 'b', ',', 'c']", str(py.call(re, "split", "(,)\\s*", "a, b,c")));
        assertEquals("['', 'a', '', 'b', 'c', '']", str(py.call(re, "split", "x*", "axbc")));
        assertEquals("['a', 'b,c']", str(py.call(re, "split", ",", "a,b,c", 1L)));
        assertEquals("['a', 'b,c']", str(py.callKw(re, "split", args(",", "a,b,c"), "maxsplit", 1L)));
        assertEquals("['a', 'b;c']", str(py.callKw(re, "split", args("\\s*;\\s*", "a ; b;c"), "maxsplit", 1L)));
        assertEquals("['x', 'a', 'y', None, 'z']", str(py.call(re, "split", "(a)|b", "xaybz")));
        assertEquals("['a,b']", str(py.call(re, "split", ",", "a,b", -1L)));
    }

    @Test
    void compiledPatternsEscapeAndFlags() {
        Object p = py.call(re, "compile", "(a)(?P<n>b)");
        assertEquals(2L, py.attr(p, "groups"));
        assertEquals("{'n': 2}", str(py.attr(p, "groupindex")));
        assertEquals("(a)(?P<n>b)", py.attr(p, "pattern"));
        assertEquals(32L, py.attr(py.call(re, "compile", "a"), "flags"));
        assertEquals(34L, py.attr(py.call(re, "compile", "a", py.attr(re, "I")), "flags"));
        assertEquals("re.compile('a+')", str(py.call(re, "compile", "a+")));
        assertEquals("re.compile('a', re.IGNORECASE|re.MULTILINE)", str(py.call(re, "compile", "a", 10L)));
        Object digits = py.call(re, "compile", "\\d+");
        assertEquals("['22', '333']", str(py.call(digits, "findall", "a1b22c333", 3L)));
        assertNull(py.call(py.call(re, "compile", "^\\d"), "search", "a1", 1L));
        assertEquals("<re.Match object; span=(1, 2), match='b'>", str(py.call(py.call(re, "compile", "b"), "match",
                "ab", 1L)));
        assertNull(py.call(py.call(re, "compile", "c$"), "search", "abc", 0L, 2L));
        assertEquals("<re.Match object; span=(1, 2), match='b'>",
                str(py.call(py.call(re, "compile", "b$"), "search", "abc", 0L, 2L)));
        assertEquals("a\\.b_c\\ d/e\\-f\\#\\~\\&%!@", py.call(re, "escape", "a.b_c d/e-f#~&%!@"));
        assertEquals("dbt_project\\.yml", py.call(re, "escape", "dbt_project.yml"));
        assertEquals(2L, py.attr(re, "IGNORECASE"));
        assertEquals(8L, py.attr(re, "M"));
        assertEquals(16L, py.attr(re, "DOTALL"));
        assertEquals(64L, py.attr(re, "X"));
        assertEquals(256L, py.attr(re, "ASCII"));
        assertEquals("expected string or bytes-like object, got 'int'", error(() -> py.call(re, "search", "a", 1L)));
    }
}
