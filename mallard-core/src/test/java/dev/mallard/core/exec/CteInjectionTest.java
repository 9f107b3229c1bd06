package dev.mallard.core.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Ephemeral CTEs spaced as dbt's compiled code: each row is a statement and what dbt-core 1.11.16's
 * inject_ctes_into_sql made of it with one and with two ephemerals (run under Python as the oracle).
 */
class CteInjectionTest {
    private static final String[][] DBT = {
                {"select * from __dbt__cte__e1", "with __dbt__cte__e1 as (\nselect 1 as id\n) select * from __dbt__cte__e1", "with __dbt__cte__e1 as (\nselect 1 as id\n),  __dbt__cte__e2 as (\n select 2 as id \n) select * from __dbt__cte__e1"},
                {"\n\n  select * from e", "\n\n  with __dbt__cte__e1 as (\nselect 1 as id\n) select * from e", "\n\n  with __dbt__cte__e1 as (\nselect 1 as id\n),  __dbt__cte__e2 as (\n select 2 as id \n) select * from e"},
                {"  -- c\nselect 1", "  with __dbt__cte__e1 as (\nselect 1 as id\n) -- c\nselect 1", "  with __dbt__cte__e1 as (\nselect 1 as id\n),  __dbt__cte__e2 as (\n select 2 as id \n) -- c\nselect 1"},
                {"/* block */ select 1", "with __dbt__cte__e1 as (\nselect 1 as id\n) /* block */ select 1", "with __dbt__cte__e1 as (\nselect 1 as id\n),  __dbt__cte__e2 as (\n select 2 as id \n) /* block */ select 1"},
                {"with x as (select 1) select * from x", "with  __dbt__cte__e1 as (\nselect 1 as id\n), x as (select 1) select * from x", "with  __dbt__cte__e1 as (\nselect 1 as id\n),  __dbt__cte__e2 as (\n select 2 as id \n), x as (select 1) select * from x"},
                {"\n\n  WITH a as (select 1 as id) select * from a", "\n\n  WITH  __dbt__cte__e1 as (\nselect 1 as id\n), a as (select 1 as id) select * from a", "\n\n  WITH  __dbt__cte__e1 as (\nselect 1 as id\n),  __dbt__cte__e2 as (\n select 2 as id \n), a as (select 1 as id) select * from a"},
                {"with\n  x as (select 1)\nselect * from x", "with\n   __dbt__cte__e1 as (\nselect 1 as id\n), x as (select 1)\nselect * from x", "with\n   __dbt__cte__e1 as (\nselect 1 as id\n),  __dbt__cte__e2 as (\n select 2 as id \n), x as (select 1)\nselect * from x"},
                {"with recursive r as (select 1) select * from r", "with recursive  __dbt__cte__e1 as (\nselect 1 as id\n), r as (select 1) select * from r", "with recursive  __dbt__cte__e1 as (\nselect 1 as id\n),  __dbt__cte__e2 as (\n select 2 as id \n), r as (select 1) select * from r"},
                {"WITH   RECURSIVE\n r as (select 1) select * from r", "WITH   RECURSIVE\n  __dbt__cte__e1 as (\nselect 1 as id\n), r as (select 1) select * from r", "WITH   RECURSIVE\n  __dbt__cte__e1 as (\nselect 1 as id\n),  __dbt__cte__e2 as (\n select 2 as id \n), r as (select 1) select * from r"},
                {"-- head\nwith x as (select 1) select * from x", "-- head\nwith  __dbt__cte__e1 as (\nselect 1 as id\n), x as (select 1) select * from x", "-- head\nwith  __dbt__cte__e1 as (\nselect 1 as id\n),  __dbt__cte__e2 as (\n select 2 as id \n), x as (select 1) select * from x"},
                {"(select 1) union all (select 2)", "with __dbt__cte__e1 as (\nselect 1 as id\n) (select 1) union all (select 2)", "with __dbt__cte__e1 as (\nselect 1 as id\n),  __dbt__cte__e2 as (\n select 2 as id \n) (select 1) union all (select 2)"},
                {"with x as (select 1) select * from x -- tail\n", "with  __dbt__cte__e1 as (\nselect 1 as id\n), x as (select 1) select * from x -- tail\n", "with  __dbt__cte__e1 as (\nselect 1 as id\n),  __dbt__cte__e2 as (\n select 2 as id \n), x as (select 1) select * from x -- tail\n"}
    };

    @Test
    void ctesAreSpacedAsDbtSpacesThem() {
        Map<String, String> one = new LinkedHashMap<>();
        one.put("__dbt__cte__e1", "select 1 as id");
        Map<String, String> two = new LinkedHashMap<>(one);
        two.put("__dbt__cte__e2", " select 2 as id ");
        for (String[] row : DBT) {
            assertEquals(row[1], CteInjection.inject(row[0], one), row[0]);
            assertEquals(row[2], CteInjection.inject(row[0], two), row[0]);
        }
    }

    @Test
    void noCtesLeaveTheStatementAsItIs() {
        assertEquals("  select 1\n", CteInjection.inject("  select 1\n", Map.of()));
    }

    @Test
    void aTrailingSemicolonOfAnEphemeralIsDropped() {
        assertEquals("with __dbt__cte__e as (\nselect 1\n) select * from __dbt__cte__e",
                CteInjection.inject("select * from __dbt__cte__e", Map.of("__dbt__cte__e", "select 1;\n")));
    }
}
