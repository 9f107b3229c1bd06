package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seeds: types, delimiters, quoting, and reloading. */
class SeedsIT {
    @TempDir
    Path dir;

    private static List<List<String>> columnTypes(TestProject p, String table) {
        return p.rows("select column_name, data_type from information_schema.columns where table_name = '" + table
                + "' order by ordinal_position");
    }

    @Test
    void columnTypesOverrideTheDetectedTypes() {
        TestProject p = TestProject.in(dir).dbtProject("""
                seeds:
                  proj:
                    products:
                      +column_types:
                        code: varchar
                        price: decimal(10,2)
                """)
                .file("seeds/products.csv", "id,code,price\n1,007,3.5\n2,042,10\n");

        p.runOk("seed");

        assertEquals(List.of(List.of("id", "INTEGER"), List.of("code", "VARCHAR"), List.of("price", "DECIMAL(10,2)")),
                columnTypes(p, "products"));
        assertEquals(List.of(List.of("1", "007", "3.50"), List.of("2", "042", "10.00")),
                p.rows("select * from products order by id"));
    }

    @Test
    void wholeNumbersAreIntegerUnlessAValueNeedsBigint() {
        TestProject p = TestProject.in(dir).dbtProject()
                .file("seeds/big.csv", "id,n\n1,5\n2,9000000000\n");

        p.runOk("seed");

        assertEquals(List.of(List.of("INTEGER", "BIGINT")), p.rows("select typeof(id), typeof(n) from big limit 1"));
        assertEquals("9000000000", p.value("select max(n) from big"));
    }

    @Test
    void aRaggedRowFailsWithTheFileAndLineAndLoadsNothing() {
        TestProject p = TestProject.in(dir).dbtProject()
                .file("seeds/ragged.csv", "id,name\n1,a\n2,b,c\n3,d\n");

        CommandResult r = p.run("seed").assertExit(1);

        assertTrue(r.out().contains("seeds/ragged.csv:3: row has 3 fields but the header has 2"), r.transcript());
        assertEquals(List.of(), p.relations());
    }

    @Test
    void aByteOrderMarkAndColumnTypesForAbsentColumnsAreIgnored() {
        TestProject p = TestProject.in(dir).dbtProject("""
                seeds:
                  proj:
                    marked:
                      +column_types:
                        not_there: varchar
                """)
                .file("seeds/marked.csv", "\uFEFFid,at\n1,08:00:00\n");

        p.runOk("seed");

        assertEquals(List.of(List.of("id", "INTEGER"), List.of("at", "VARCHAR")), columnTypes(p, "marked"));
    }

    @Test
    void aSemicolonDelimiterIsHonoured() {
        TestProject p = TestProject.in(dir).dbtProject("""
                seeds:
                  proj:
                    european:
                      +delimiter: ";"
                """)
                .file("seeds/european.csv", "id;city\n1;Lisboa\n2;Porto\n");

        p.runOk("seed");

        assertEquals(List.of("id", "city"), p.columns("select * from european"));
        assertEquals(List.of(List.of("1", "Lisboa"), List.of("2", "Porto")), p.rows("select * from european order by id"));
    }

    @Test
    void quotedValuesWithCommasAndQuotesAreLoadedVerbatim() {
        TestProject p = TestProject.in(dir).dbtProject()
                .file("seeds/quotes.csv", "id,text\n1,\"hello, world\"\n2,\"she said \"\"hi\"\"\"\n3,plain\n");

        p.runOk("seed");

        assertEquals(List.of(List.of("1", "hello, world"), List.of("2", "she said \"hi\""), List.of("3", "plain")),
                p.rows("select * from quotes order by id"));
    }

    @Test
    void seedingAgainReplacesTheRows() {
        TestProject p = TestProject.in(dir).dbtProject()
                .file("seeds/items.csv", "id,name\n1,a\n2,b\n");
        p.runOk("seed");

        p.file("seeds/items.csv", "id,name,extra\n3,c,x\n");
        p.runOk("seed");

        assertEquals(List.of("id", "name", "extra"), p.columns("select * from items"));
        assertEquals(List.of(List.of("3", "c", "x")), p.rows("select * from items"));
        assertEquals(List.of("main.items"), p.relations());
    }

    @Test
    void aModelCanReadASeedInTheSameBuild() {
        TestProject p = TestProject.in(dir).dbtProject()
                .file("seeds/raw_numbers.csv", "n\n1\n2\n3\n")
                .file("models/total.sql", "select sum(n) as total from {{ ref('raw_numbers') }}");

        p.runOk("build").assertOutContains("PASS=2 WARN=0 ERROR=0 SKIP=0 NO-OP=0 TOTAL=2");

        assertEquals("6", p.value("select total from total"));
    }

    @Test
    void theQuoteCharacterIsSniffedAsDbtDuckdbsCopyDoes() {
        // dbt-utils' data_nullcheck_table: quoted with ', so '' is an empty value, loaded as NULL
        TestProject p = TestProject.in(dir).dbtProject()
                .file("seeds/nullcheck.csv", "field_1,field_2,field_3\na,'',1\n'',b,2\n'','',3\n");
        p.runOk("seed");
        assertEquals(List.of(List.of("a", "null", "1"), List.of("null", "b", "2"), List.of("null", "null", "3")),
                p.rows("select coalesce(field_1, 'null'), coalesce(field_2, 'null'), field_3 from nullcheck order by 3"));
    }
}
