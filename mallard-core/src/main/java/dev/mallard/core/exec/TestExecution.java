package dev.mallard.core.exec;

import dev.mallard.core.engine.EngineSession;
import dev.mallard.core.engine.QueryResult;
import dev.mallard.core.engine.Relation;
import dev.mallard.core.manifest.TestNode;
import java.util.List;
import java.util.Locale;

/**
 * Runs a compiled data test as dbt does: counts the failing rows with fail_calc, compares
 * with warn_if/error_if, and stores the failing rows when store_failures asks for it.
 */
final class TestExecution {
    /** A test's verdict with the number of failures. */
    record Outcome(NodeStatus status, long failures, String message) {
    }

    private TestExecution() {
    }

    /**
     * @param storeByDefault --store-failures: whether a test without a store_failures config stores
     * @param warningsFail --warn-error: a test that would warn fails (dbt reports it against warn_if)
     */
    static Outcome run(TestNode test, String compiledSql, EngineSession session, List<String> executed,
                       boolean storeByDefault, boolean warningsFail) {
        Object limit = test.config().get("limit");
        // dbt's test materialization: the limit applies to the test's query, so also to the stored failures
        String mainSql = NodeCompiler.stripTrailingSemicolon(compiledSql) + (limit == null ? "" : "\nlimit " + limit);
        String storeAs = storeFailuresAs(test, storeByDefault);
        if (storeAs != null) {
            Relation audit = test.relation();
            session.createSchemaIfMissing(audit.database(), audit.schema());
            String kind = storeAs.equals("view") ? "VIEW" : "TABLE";
            // DuckDB's DROP VIEW IF EXISTS fails on a table of that name (and the reverse)
            var existing = session.findRelation(audit);
            boolean replaces = session.dialect().replacesTables();
            if (existing.isPresent() && (!replaces || !existing.get().kind().name().equals(kind))) {
                run(session, executed, session.dialect().dropReplaced(existing.get().kind(), audit));
            }
            run(session, executed, (replaces ? "CREATE OR REPLACE " : "CREATE ") + kind + " " + audit.render()
                    + " AS (\n" + mainSql + "\n)");
            mainSql = "select * from " + audit.render();
        }
        String failCalc = test.config().string("fail_calc", "count(*)");
        String warnIf = test.config().string("warn_if", "!= 0");
        String errorIf = test.config().string("error_if", "!= 0");
        String sql = "select\n  " + failCalc + " as failures,\n  " + failCalc + " " + warnIf + " as should_warn,\n  "
                + failCalc + " " + errorIf + " as should_error\nfrom (\n" + mainSql + "\n) dbt_internal_test";
        executed.add(sql);
        QueryResult r = session.query(sql, 1);
        List<Object> row = r.rows().get(0);
        long failures = row.get(0) == null ? 0 : ((Number) row.get(0)).longValue();
        boolean shouldWarn = Boolean.TRUE.equals(row.get(1));
        boolean shouldError = Boolean.TRUE.equals(row.get(2));
        if (!test.warnOnly() && shouldError) {
            return new Outcome(NodeStatus.FAIL, failures, "Got " + failures + " result" + (failures == 1 ? "" : "s")
                    + ", configured to fail if " + errorIf);
        }
        if (shouldWarn && warningsFail) {
            return new Outcome(NodeStatus.FAIL, failures, "Got " + failures + " result" + (failures == 1 ? "" : "s")
                    + ", configured to fail if " + warnIf);
        }
        if (shouldWarn) {
            return new Outcome(NodeStatus.WARN, failures, "Got " + failures + " result" + (failures == 1 ? "" : "s")
                    + ", configured to warn if " + warnIf);
        }
        // dbt reports 0 failures for a passing test, whatever the count (warn_if/error_if thresholds)
        return new Outcome(NodeStatus.PASS, 0, null);
    }

    /** "table", "view", or null when failures are not stored. */
    static String storeFailuresAs(TestNode test, boolean storeByDefault) {
        Object as = test.config().get("store_failures_as");
        if (as != null) {
            String v = String.valueOf(as).trim().toLowerCase(Locale.ROOT);
            return v.equals("ephemeral") ? null : v;
        }
        return test.config().bool("store_failures", storeByDefault) ? "table" : null;
    }

    private static void run(EngineSession session, List<String> executed, String sql) {
        executed.add(sql);
        session.execute(sql);
    }
}
