package dev.mallard.core.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DeprecationTest {
    @Test
    void travelsAmongWarningsAsTextAndComesBackWhole() {
        Deprecation d = new Deprecation("PropertyMovedToConfigDeprecation", "D030", true, "Found `where` ...",
                Map.of("key", "where", "file", "models/schema.yml"), "m", "models[0].columns[0].data_tests[0].where");
        assertEquals(d, Deprecation.decode(d.encode()));
        assertNull(Deprecation.decode("[WARNING]: Did not find matching node for patch"));
    }

    @Test
    void isWordedAsDbtWordsItAndWrappedColourCodesIncluded() {
        Deprecation d = new Deprecation("MissingArgumentsPropertyInGenericTestDeprecation", "D039", true,
                "Found top-level arguments to test `accepted_values`.", Map.of(), "", "");
        assertEquals("[WARNING][MissingArgumentsPropertyInGenericTestDeprecation]: Deprecated\nfunctionality\n"
                + "Found top-level arguments to test `accepted_values`.", d.message(false, 80));
        // dbt counts the colour codes of the tag towards the width: "Deprecated" still fits in 80
        assertEquals("[\u001b[33mWARNING\u001b[0m][MissingArgumentsPropertyInGenericTestDeprecation]: Deprecated\n"
                + "functionality\nFound top-level arguments to test `accepted_values`.", d.message(true, 80));
    }

    @Test
    void theSummaryCountsEachKindAndShowsTheFirstOfEachOnly() {
        Deprecations met = Deprecations.begin(false);
        assertEquals(true, met.shows("A"));
        met.count("A", "D001");
        met.count("A", "D001");
        met.count("B", "D002");
        assertEquals(false, met.shows("A"));
        Deprecation summary = met.summary();
        assertEquals("Summary of encountered deprecations:\n\n- A: 2 occurrences\n\n- B: 1 occurrence\n\nTo see all"
                + " deprecation instances instead of just the first occurrence of each, run command again with the"
                + " `--show-all-deprecations` flag. You may also need to run with `--no-partial-parse` as some"
                + " deprecations are only encountered during parsing.", summary.description());
        assertNull(Deprecations.begin(true).summary(), "a new command starts from none");
    }
}
