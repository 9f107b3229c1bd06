package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code show}'s table as dbt prints it. Each row: a query, and the table dbt-core 1.11.16 printed for it (its
 * agate table from DuckDB's rows, through {@code table_from_data_flat} and {@code print_table(max_rows=None)},
 * run under Python as the oracle): type per column, 6 columns then "...", 20 characters then "...", thousands
 * separators, up to 3 decimal places rounded half-even then "…", text left-aligned, the rest right-aligned.
 */
class ShowTableIT {
    private static final String[][] DBT = {
                {"select 1 as customer_id, 'Ada' as first_name, date '2024-03-22' as first_order, 31.50::decimal(10,2) as clv union all select 12345, 'Bruno', date '2024-06-26', 7.00 union all select 3, null, null, 85.48",
                        "| customer_id | first_name | first_order |   clv |\n| ----------- | ---------- | ----------- | ----- |\n|           1 | Ada        |  2024-03-22 | 31.50 |\n|       12345 | Bruno      |  2024-06-26 |  7.00 |\n|           3 |            |             | 85.48 |\n"},
                {"select 1234567.891::double as d, -0.5::double as n, 0.1::double + 0.2::double as f, 3.14159265::double as pi, 100::decimal(10,0) as hundred",
                        "|             d |    n |      f |     pi | hundred |\n| ------------- | ---- | ------ | ------ | ------- |\n| 1,234,567.891 | -0.5 | 0.300… | 3.142… |     100 |\n"},
                {"select timestamp '2024-01-01 00:00:00' as ts, timestamp '2024-01-01 12:30:45.123456' as ts2, true as b, null as nothing, 'x' as short_text",
                        "|                  ts |                  ts2 |    b | nothing | short_text |\n| ------------------- | -------------------- | ---- | ------- | ---------- |\n| 2024-01-01 00:00:00 | 2024-01-01 12:30:... | True |         | x          |\n"},
                {"select 1 as a, 2 as b, 3 as c, 4 as d, 5 as e, 6 as f, 7 as g, 'seven' as h",
                        "| a | b | c | d | e | f | ... |\n| - | - | - | - | - | - | --- |\n| 1 | 2 | 3 | 4 | 5 | 6 | ... |\n"},
                {"select 'a text value longer than twenty characters' as this_is_a_very_long_column_name, 42 as n",
                        "| this_is_a_very_lo... |  n |\n| -------------------- | -- |\n| a text value long... | 42 |\n"},
                {"select 'ümlaut ✓' as t, -1234.5::decimal(8,2) as neg, 0::decimal(4,2) as z",
                        "| t        |      neg | z |\n| -------- | -------- | - |\n| ümlaut ✓ | -1,234.5 | 0 |\n"},
                {"select 1::bigint as big, 9007199254740993::hugeint as huge, 2.5::float as fl",
                        "| big |             huge |  fl |\n| --- | ---------------- | --- |\n|   1 | 9007199254740993 | 2.5 |\n"},
                {"select null::int as i where false",
                        "| i |\n| - |\n"},
                {"select 2.0005::double as r, 1.0625::double as h, 'inf'::double as inf, 12345678.5::decimal(12,1) as g",
                        "|      r |      h |      inf |            g |\n| ------ | ------ | -------- | ------------ |\n| 2.000… | 1.062… | Infinity | 12,345,678.5 |\n"}
    };

    @TempDir
    Path dir;

    @Test
    void tablesAreDbts() {
        TestProject p = TestProject.in(dir).dbtProject();
        for (String[] c : DBT) {
            // --quiet prints dbt's preview alone: the table and an empty line
            assertEquals(c[1] + "\n", p.run("show", "--inline", c[0], "--quiet").assertOk().out(), c[0]);
        }
    }

    @Test
    void theTitleIsDbts() {
        TestProject p = TestProject.in(dir).dbtProject().file("models/m.sql", "select 1 as a");
        p.runOk("run");
        p.run("show", "-s", "m").assertOk().assertOutContains("Previewing node 'm':\n| a |\n| - |\n| 1 |\n\n");
        p.run("show", "--inline", "select 1 as a").assertOk().assertOutContains("Previewing inline node:\n| a |\n");
    }
}
