package dev.mallard.core.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnitTestDiffTest {
    private static List<String> r(String... cells) {
        return Arrays.asList(cells);
    }

    @Test
    void rowsAreComparedAsMultisetsInAnyOrder() {
        UnitTestDiff diff = new UnitTestDiff(List.of("id"), List.of(r("2"), r("1"), r("1")), List.of(r("1"), r("2"), r("1")));
        assertFalse(diff.hasDifference());
    }

    @Test
    void aDuplicateRowCounts() {
        UnitTestDiff diff = new UnitTestDiff(List.of("id"), List.of(r("1")), List.of(r("1"), r("1")));
        assertTrue(diff.hasDifference());
        assertEquals(1, diff.differingRows());
        assertEquals("@@ ,id\n   ,1\n+++,1", diff.render());
    }

    @Test
    void aChangedValueIsShownAsExpectedArrowActualLikeDbt() {
        UnitTestDiff diff = new UnitTestDiff(List.of("customer_id", "total"), List.of(r("1", "10.0"), r("2", "8.0")),
                List.of(r("2", "7.0"), r("1", "10.0")));
        assertEquals(2, diff.differingRows());
        assertEquals("@@,customer_id,total\n  ,1          ,10.0\n→ ,2          ,8.0→7.0", diff.render());
    }

    @Test
    void missingAndExtraRowsAreMarked() {
        UnitTestDiff diff = new UnitTestDiff(List.of("id", "name"), List.of(r("1", "a"), r("3", null)),
                List.of(r("1", "a"), r("2", "b")));
        assertEquals("@@ ,id,name\n   ,1 ,a\n+++,2 ,b\n---,3 ,null", diff.render());
    }
}
