package dev.mallard.core.error;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mallard.core.events.Deprecation;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WarningsTest {
    private static String deprecation(String resource, String occurrence) {
        return new Deprecation("MissingArgumentsPropertyInGenericTestDeprecation", "D039", true, "Found ...",
                Map.of(), resource, occurrence).encode();
    }

    @Test
    void aReusedParseKeepsItsDeprecationsButSaysOnlyThoseOfTheModelsParsedAgain() {
        String onA = deprecation("a", "models[0].data_tests[0]");
        String onB = deprecation("b", "models[1].data_tests[0]");
        String note = "[WARNING]: Did not find matching node for patch with name 'c'";
        Warnings warnings = new Warnings();
        warnings.addAgain(List.of(onA, onB, note), Set.of("b"));
        assertEquals(List.of(onB, note), warnings.takeNew());
        assertEquals(List.of(onA, onB, note), warnings.all(), "all are saved again with the next parse");
    }

    @Test
    void twoOccurrencesWithTheSameTextAreBothKeptAndARepeatOfOneIsNot() {
        Warnings warnings = new Warnings();
        warnings.add(deprecation("a", "models[0].columns[0].data_tests[0]"));
        warnings.add(deprecation("a", "models[0].columns[1].data_tests[0]"));
        warnings.add(deprecation("a", "models[0].columns[0].data_tests[0]"));
        assertEquals(2, warnings.all().size());
    }
}
