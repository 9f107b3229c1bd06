package dev.mallard.core.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each expected rendering below was printed by dbt 1.11 ({@code dbt test --no-use-colors}
 * on a dbt-duckdb project with the same given and expected rows) or, for the cases marked
 * "daff", by the daff package dbt uses, fed the same tables the way dbt feeds it.
 */
class UnitTestDiffTest {
    private static List<String> r(String... cells) {
        return Arrays.asList(cells);
    }

    private static String lines(String... lines) {
        return String.join("\n", lines);
    }

    @Test
    void rowsAreComparedAsMultisetsInAnyOrder() {
        UnitTestDiff diff = new UnitTestDiff(List.of("id"), List.of(r("2"), r("1"), r("1")), List.of(r("1"), r("2"), r("1")));
        assertFalse(diff.hasDifference());
    }

    @Test
    void aDuplicateRowCounts() { // daff
        UnitTestDiff diff = new UnitTestDiff(List.of("id"), List.of(r("1")), List.of(r("1"), r("1")));
        assertTrue(diff.hasDifference());
        assertEquals(1, diff.differingRows());
        assertEquals("@@ ,id\n   ,1\n+++,1", diff.render());
    }

    @Test
    void aChangedValueIsShownAsExpectedArrowActualLikeDbt() { // daff
        UnitTestDiff diff = new UnitTestDiff(List.of("customer_id", "total"), List.of(r("1", "10.0"), r("2", "8.0")),
                List.of(r("2", "7.0"), r("1", "10.0")));
        assertEquals(2, diff.differingRows());
        assertEquals("@@,customer_id,total\n  ,1          ,10.0\n→ ,2          ,8.0→7.0", diff.render());
    }

    @Test
    void missingAndExtraRowsAreMarked() { // daff
        UnitTestDiff diff = new UnitTestDiff(List.of("id", "name"), List.of(r("1", "a"), r("3", null)),
                List.of(r("1", "a"), r("2", "b")));
        assertEquals("@@ ,id,name\n   ,1 ,a\n+++,2 ,b\n---,3 ,null", diff.render());
    }

    @Test
    void rowsPairOnAnotherColumnWhenTheFirstDiffers() { // dbt
        List<String> cols = List.of("k", "v");
        assertEquals(lines("@@,k  ,v", "→ ,a→b,1"),
                new UnitTestDiff(cols, List.of(r("a", "1")), List.of(r("b", "1"))).render());
        assertEquals(lines("@@,k  ,v", "→ ,b→a,1"),
                new UnitTestDiff(cols, List.of(r("b", "1")), List.of(r("a", "1"))).render());
        assertEquals(lines("@@,k  ,v", "→ ,a→b,1", "→ ,c→d,2", "  ,e  ,5"),
                new UnitTestDiff(cols, List.of(r("a", "1"), r("c", "2"), r("e", "5")),
                        List.of(r("b", "1"), r("d", "2"), r("e", "5"))).render());
    }

    @Test
    void aKeyTwoActualRowsShareDoesNotPairAndAddedRowsComeFirst() { // dbt
        UnitTestDiff diff = new UnitTestDiff(List.of("k", "v"), List.of(r("i", "1")), List.of(r("m", "1"), r("m", "1")));
        assertEquals(lines("@@ ,k,v", "+++,m,1", "+++,m,1", "---,i,1"), diff.render());
    }

    @Test
    void typedCellsAsDbtPrintsThem() { // dbt
        List<String> cols = List.of("id", "name", "score", "amount", "flag", "d", "ts");
        List<List<String>> expected = List.of(
                r("1", "a", "1.5", "2.50", "False", "2024-01-02", "2024-01-02 03:04:06"),
                r("2", "x", "2.5", "3.00", "False", "2024-01-04", "2024-01-03 00:00:00"),
                r("3", "c", "0.1", "4.25", "True", null, null));
        List<List<String>> actual = List.of(
                r("3", "c", "0.1", "4.25", null, null, null),
                r("1", "a", "1.5", "2.50", "True", "2024-01-02", "2024-01-02 03:04:05"),
                r("2", "b", "2.0", "3.00", "False", "2024-01-03", "2024-01-03 00:00:00"));
        assertEquals(lines(
                "@@,id,name,score  ,amount,flag      ,d                    ,ts",
                "→ ,1 ,a   ,1.5    ,2.50  ,False→True,2024-01-02           ,2024-01-02 03:04:06→2024-01-02 03:04:05",
                "→ ,2 ,x→b ,2.5→2.0,3.00  ,False     ,2024-01-04→2024-01-03,2024-01-03 00:00:00",
                "→ ,3 ,c   ,0.1    ,4.25  ,True→NULL ,NULL                 ,NULL"),
                new UnitTestDiff(cols, expected, actual).render());
    }

    @Test
    void missingExtraAndDuplicatedRows() { // dbt
        List<String> cols = List.of("id", "name");
        assertEquals(lines("@@ ,id ,name", "...,...,...", "   ,2  ,b", "+++,10 ,z", "---,9  ,q"),
                new UnitTestDiff(cols, List.of(r("1", "a"), r("9", "q"), r("2", "b")),
                        List.of(r("1", "a"), r("2", "b"), r("10", "z"))).render());
        assertEquals(lines("@@ ,id,name", "   ,1 ,a", "+++,1 ,a", "---,2 ,b", "   ,2 ,b"),
                new UnitTestDiff(cols, List.of(r("1", "a"), r("2", "b"), r("2", "b")),
                        List.of(r("1", "a"), r("1", "a"), r("2", "b"))).render());
    }

    @Test
    void nullsPairAndPrintAsNull() { // dbt
        UnitTestDiff diff = new UnitTestDiff(List.of("id", "name"), List.of(r("1", "x"), r("2", "b"), r("3", null)),
                List.of(r("1", null), r(null, "b"), r("3", "c")));
        assertEquals(lines("@@,id    ,name", "→ ,1     ,x→NULL", "→ ,3     ,NULL→c", "→ ,2→NULL,b"), diff.render());
    }

    @Test
    void unchangedRowsAwayFromAChangeAreElided() { // dbt
        List<List<String>> expected = new java.util.ArrayList<>();
        List<List<String>> actual = new java.util.ArrayList<>();
        for (int i = 1; i <= 11; i++) {
            String name = String.valueOf((char) ('a' + i - 1));
            expected.add(r(String.valueOf(i), i == 5 ? "E" : name));
            actual.add(r(String.valueOf(i), name));
        }
        assertEquals(lines("@@ ,id ,name", "...,...,...", "   ,4  ,d", "→  ,5  ,E→e", "   ,6  ,f", "...,...,..."),
                new UnitTestDiff(List.of("id", "name"), expected, actual).render());
    }

    @Test
    void reorderedRowsPass() { // dbt
        assertFalse(new UnitTestDiff(List.of("id", "name"), List.of(r("1", "a"), r("2", "b")),
                List.of(r("2", "b"), r("1", "a"))).hasDifference());
    }

    @Test
    void unchangedColumnsAwayFromKeyAndChangedOnesAreElided() { // daff
        List<String> cols = List.of("a", "b", "c", "d", "e", "f", "g", "h");
        UnitTestDiff diff = new UnitTestDiff(cols,
                List.of(r("1", "2", "3", "4", "5", "6", "7", "8"), r("9", "10", "11", "12", "13", "14", "15", "16")),
                List.of(r("1", "2", "3", "4", "5", "6", "7", "8"), r("9", "10", "11", "12", "99", "14", "15", "16")));
        assertEquals(lines("@@,a,b ,...,d ,e    ,f ,...", "  ,1,2 ,...,4 ,5    ,6 ,...", "→ ,9,10,...,12,13→99,14,..."),
                diff.render());
    }

    @Test
    void cellsAreQuotedAsInCsvExceptOuterSpacesOfColouredCells() { // daff
        UnitTestDiff diff = new UnitTestDiff(List.of("id", "note"), List.of(r("1", " padded"), r("2", "x,y"), r("3", "q\"t")),
                List.of(r("1", " padded"), r("2", "x,z"), r("4", " new")));
        assertEquals(lines("@@ ,id,note", "   ,1 ,\" padded\"", "→  ,2 ,\"x,y→x,z\"", "+++,4 , new", "---,3 ,\"q\"\"t\""),
                diff.render());
    }

    @Test
    void numericColumnsSortByValue() { // daff
        UnitTestDiff diff = new UnitTestDiff(List.of("id", "v"), List.of(r("9", "a"), r("10", "b")),
                List.of(r("10", "b"), r("9", "c")));
        assertEquals(lines("@@,id,v", "→ ,9 ,a→c", "  ,10,b"), diff.render());
    }
}
