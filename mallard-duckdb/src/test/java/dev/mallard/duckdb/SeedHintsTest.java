package dev.mallard.duckdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The guesses from a seed's first rows: only where agate's type is plain from them, and checked where it rests on one value. */
class SeedHintsTest {
    private static SeedHints.Hint hint(String... values) {
        return SeedHints.hint("\"c\"", List.of(values));
    }

    @Test
    void wholeNumbersAreReadAsDoublesAndCastInTheReadingStatement() {
        SeedHints.Hint h = hint("1", "", "-42", "007");
        assertEquals("DOUBLE", h.readAs());
        assertTrue(h.expression().contains("AS INTEGER"), h.expression());
        assertNull(h.check());
        SeedHints.Hint big = hint("1", "3000000000");
        assertTrue(big.expression().contains("AS BIGINT"), big.expression());
        assertNotNull(big.check(), "BIGINT rests on the large value being in the column");
    }

    @Test
    void aFractionMakesADoubleThatRestsOnTheFraction() {
        SeedHints.Hint h = hint("1", "2.50", "3");
        assertEquals("DOUBLE", h.readAs());
        assertNotNull(h.check());
        assertNull(hint("1.0", "2.00"), "whole decimals are agate's INTEGER: left to the sniffer and the aggregate");
    }

    @Test
    void booleansAreReadAsText() {
        assertEquals("VARCHAR", hint("true", "False", "", "TRUE").readAs());
    }

    @Test
    void whatAgateMayReadOtherwiseIsNotGuessed() {
        assertNull(hint("0x10", "1"));
        assertNull(hint("1,000", "2"));
        assertNull(hint("", ""));
        assertNull(hint("1e3", "2"));
        assertNull(hint("true", "1"));
        assertNull(hint("12345678901234567", "1"), "beyond exact doubles");
    }
}
