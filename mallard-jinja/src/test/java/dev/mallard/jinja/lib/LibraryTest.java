package dev.mallard.jinja.lib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mallard.jinja.value.Args;
import dev.mallard.jinja.value.MarkedText;
import dev.mallard.jinja.value.Py;
import dev.mallard.jinja.value.TestSite;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The standard library offers exactly the names dbt's Jinja2 environment offers. */
class LibraryTest {
    /** sorted(env.filters) of dbt_common's get_environment(). */
    private static final String FILTERS = "abs as_bool as_native as_number as_text attr batch capitalize center count d "
            + "default dictsort e escape filesizeformat first float forceescape format groupby indent int is_list "
            + "items join last length list lower map max min pprint random reject rejectattr replace reverse round "
            + "safe select selectattr slice sort string striptags sum title tojson trim truncate unique upper "
            + "urlencode urlize wordcount wordwrap xmlattr";
    /** sorted(env.tests). */
    private static final String TESTS = "!= < <= == > >= boolean callable defined divisibleby eq equalto escaped even "
            + "false filter float ge greaterthan gt in integer iterable le lessthan lower lt mapping ne none number "
            + "odd sameas sequence string test true undefined upper";

    private final Library lib = Library.standard();

    @Test
    void everyFilterAndTestOfDbtsEnvironmentIsThere() {
        for (String name : FILTERS.split(" ")) {
            assertNotNull(lib.filter(name), "filter " + name);
        }
        for (String name : TESTS.split(" ")) {
            assertNotNull(lib.test(name), "test " + name);
        }
        assertEquals(new TreeSet<>(List.of("cycler", "dict", "joiner", "lipsum", "namespace", "range")),
                new TreeSet<>(lib.globals().keySet()));
    }

    @Test
    void theFilterAndTestTestsAskTheLibrary() {
        TestSite site = new TestSite(lib);
        assertTrue(site.test("filter", "as_number", Args.EMPTY));
        assertTrue(site.test("test", "sameas", Args.EMPTY));
        lib.filter("shout", (s, v, a) -> Py.str(v).toUpperCase());
        assertTrue(site.test("filter", "shout", Args.EMPTY));
    }

    @Test
    void dbtTextRenderingLeavesValuesAsTheyAre() {
        TestSite site = new TestSite(lib);
        List<Object> list = Arrays.asList(1L, "a");
        assertEquals(5L, site.filter("as_number", 5L, Args.EMPTY));
        assertTrue(site.filter("as_text", list, Args.EMPTY) == list);
    }

    @Test
    void dbtNativeRenderingMarksTheTextOfTheValue() {
        Library nativeLib = Library.standard();
        DbtNativeFilters.register(nativeLib);
        TestSite site = new TestSite(nativeLib);
        Object marked = site.filter("as_number", 5L, Args.EMPTY);
        MarkedText text = (MarkedText) marked;
        assertEquals(MarkedText.Kind.NUMBER, text.kind());
        assertEquals("5", text.text());
        assertEquals("'True'", Py.repr(site.filter("as_bool", true, Args.EMPTY)));
        assertEquals(MarkedText.Kind.NATIVE, ((MarkedText) site.filter("as_native", List.of(1L), Args.EMPTY)).kind());
        assertEquals("[1]", site.filter("as_native", List.of(1L), Args.EMPTY).toString());
        assertEquals(MarkedText.Kind.TEXT, ((MarkedText) site.filter("as_text", null, Args.EMPTY)).kind());
        // still a str to the template: methods, equality, dict keys
        assertEquals("TRUE", Py.str(site.call(dev.mallard.jinja.value.Methods.lookup(
                site.filter("as_bool", true, Args.EMPTY), "upper"), Args.EMPTY)));
        assertTrue(Py.eq(text, "5"));
        assertEquals(1L, java.util.Map.of("5", 1L).get(text));
    }
}
