package dev.mallard.core.exec;

import dev.mallard.core.engine.ColumnInfo;
import dev.mallard.core.engine.EngineSession;
import dev.mallard.core.engine.QueryResult;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.manifest.UnitTestNode;
import dev.mallard.core.manifest.UnitTestNode.Fixture;
import dev.mallard.core.manifest.UnitTestNode.Format;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs a compiled unit test as dbt's unit materialization does: the model's output
 * columns give the expected rows their types, actual and expected rows come back from one
 * {@code union all} query, and they are compared as multisets on the expected columns.
 */
final class UnitTestExecution {
    /** A unit test's verdict; {@code diff} is set when it failed. */
    record Outcome(NodeStatus status, String message, UnitTestDiff diff) {
    }

    private UnitTestExecution() {
    }

    static Outcome run(UnitTestNode test, String actualSql, EngineSession session, List<String> executed) {
        String actual = NodeCompiler.stripTrailingSemicolon(actualSql);
        List<ColumnInfo> modelColumns = new ArrayList<>();
        if (session.dialect().describesQueries()) {
            String describe = "describe select * from (\n" + actual + "\n) _dbt_internal_unit_test_columns";
            executed.add(describe);
            for (List<Object> row : session.query(describe).rows()) {
                modelColumns.add(new ColumnInfo(String.valueOf(row.get(0)), String.valueOf(row.get(1))));
            }
        } else {
            // the columns of the result, as the driver reports them (Postgres: int4, numeric, text, ...)
            String empty = "select * from (\n" + actual + "\n) _dbt_internal_unit_test_columns limit 0";
            executed.add(empty);
            modelColumns.addAll(session.query(empty).columns());
        }
        Map<String, ColumnInfo> byName = new LinkedHashMap<>();
        modelColumns.forEach(c -> byName.put(c.name().toLowerCase(Locale.ROOT), c));

        Fixture expect = test.expect();
        List<String> expectedColumns;
        String expectedSql;
        if (expect.format() == Format.SQL) {
            expectedColumns = List.copyOf(byName.keySet());
            expectedSql = NodeCompiler.stripTrailingSemicolon(expect.sql());
        } else {
            expectedColumns = expect.rows().isEmpty() ? List.copyOf(byName.keySet())
                    : UnitTestFixtures.columnsOf(expect.rows().get(0));
            expectedSql = UnitTestFixtures.expectedSql(expect.rows(), expectedColumns, modelColumns);
        }
        List<String> quoted = new ArrayList<>();
        for (String c : expectedColumns) {
            quoted.add(UnitTestFixtures.quote(byName.get(c).name()));
        }
        String cols = String.join(", ", quoted);
        String sql = "-- Build actual result given inputs\n"
                + "with dbt_internal_unit_test_actual as (\n  select " + cols + ", 'actual' as \"actual_or_expected\"\n"
                + "  from (\n" + actual + "\n  ) _dbt_internal_unit_test_actual\n),\n"
                + "-- Build expected result\n"
                + "dbt_internal_unit_test_expected as (\n  select " + cols + ", 'expected' as \"actual_or_expected\"\n"
                + "  from (\n" + expectedSql + "\n  ) _dbt_internal_unit_test_expected\n)\n"
                + "-- Union actual and expected results\n"
                + "select * from dbt_internal_unit_test_actual\nunion all\nselect * from dbt_internal_unit_test_expected";
        executed.add(sql);
        QueryResult result = session.query(sql);
        List<List<String>> actualRows = new ArrayList<>();
        List<List<String>> expectedRows = new ArrayList<>();
        boolean[] numeric = new boolean[expectedColumns.size()];
        for (List<Object> row : result.rows()) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < expectedColumns.size(); i++) {
                cells.add(text(row.get(i)));
                numeric[i] |= row.get(i) instanceof Number;
            }
            ("actual".equals(row.get(expectedColumns.size())) ? actualRows : expectedRows).add(cells);
        }
        UnitTestDiff diff = new UnitTestDiff(expectedColumns, expectedRows, actualRows, numeric);
        if (!diff.hasDifference()) {
            return new Outcome(NodeStatus.PASS, null, null);
        }
        return new Outcome(NodeStatus.FAIL, "actual differs from expected:" + System.lineSeparator()
                + System.lineSeparator() + diff.render(), diff);
    }

    /**
     * A value as dbt's diff shows it (Python's text of the value dbt reads): {@code True},
     * {@code 2024-01-02 03:04:05}, floats as their shortest decimal; equal values of one
     * column type give equal text.
     */
    static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (value instanceof Double || value instanceof Float) {
            return UnitTestValueText.floating(((Number) value).doubleValue());
        }
        if (value instanceof byte[] bytes) {
            return java.util.HexFormat.of().formatHex(bytes);
        }
        String temporal = UnitTestValueText.temporal(value);
        return temporal != null ? temporal : String.valueOf(value);
    }

    /** Wraps an engine error the way dbt does, pointing at the fixture types. */
    static MallardException explain(UnitTestNode test, MallardException e) {
        if (e.hint() != null || e.code() != dev.mallard.core.error.ErrorCode.SQL) {
            return e;
        }
        return e.withHint("there may be an error in unit test '" + test.name() + "': check the data types of its rows");
    }
}
