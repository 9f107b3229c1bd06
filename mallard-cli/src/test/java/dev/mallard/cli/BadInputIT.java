package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input ends in one clear message naming the file (and line), a non-zero exit code,
 * no Java internals in the output, and no change to the database: each test builds a
 * good project, breaks it, and runs build again.
 */
class BadInputIT {
    @TempDir
    Path dir;

    TestProject project;
    List<List<String>> customersBefore;
    List<List<String>> ordersBefore;

    @BeforeEach
    void buildAGoodProject() {
        project = TestProject.in(dir).dbtProject("""
                models:
                  proj:
                    +materialized: table
                """)
                .file("models/customers.sql", "select * from (values (1, 'Ada'), (2, 'Bruno')) as t(id, name)")
                .file("models/orders.sql", "select 10 as order_id, id as customer_id from {{ ref('customers') }}")
                .file("models/schema.yml", """
                        version: 2
                        models:
                          - name: customers
                            description: One row per customer.
                        """);
        project.runOk("build");
        customersBefore = project.rows("select * from customers order by id");
        ordersBefore = project.rows("select * from orders order by customer_id");
        assertEquals(2, customersBefore.size());
    }

    /** Breaks the project, builds it, and checks the failure was clean and harmless. */
    private CommandResult buildBroken(UnaryOperator<TestProject> breakIt) {
        breakIt.apply(project);
        CommandResult r = project.run("build").assertFailed().assertNoJavaInternals();
        assertEquals(customersBefore, project.rows("select * from customers order by id"), "customers untouched");
        assertEquals(ordersBefore, project.rows("select * from orders order by customer_id"), "orders untouched");
        return r;
    }

    @Test
    void aCycleOfRefsIsRejectedShowingTheCyclePath() {
        CommandResult r = buildBroken(p -> p
                .file("models/loop_a.sql", "select * from {{ ref('loop_b') }}")
                .file("models/loop_b.sql", "select * from {{ ref('loop_a') }}"));

        r.assertExit(2).assertErrContains("Found a cycle: ");
        String err = r.err();
        // dbt's message: each node of the cycle once, by unique id
        boolean pathShown = err.contains("Found a cycle: model.proj.loop_a --> model.proj.loop_b\n")
                || err.contains("Found a cycle: model.proj.loop_b --> model.proj.loop_a\n");
        assertEquals(true, pathShown, r.transcript());
        r.assertErrContains("models/loop_");
    }

    @Test
    void anUnknownRefNamesTheFileAndLineAndSuggestsTheClosestName() {
        CommandResult r = buildBroken(p -> p.file("models/report.sql", """
                select *
                from {{ ref('customer') }}
                """));

        r.assertExit(2).assertErrContains("models/report.sql:2", "'customer'", "did you mean 'customers'");
    }

    @Test
    void aRefToADisabledModelSaysItIsDisabled() {
        CommandResult r = buildBroken(p -> p
                .file("models/switched_off.sql", "{{ config(enabled=false) }}\nselect 1 as id")
                .file("models/uses_it.sql", "select * from {{ ref('switched_off') }}"));

        r.assertExit(2).assertErrContains("models/uses_it.sql:1", "'switched_off', which is disabled");
    }

    @Test
    void twoModelsWithTheSameNameAreRejectedNamingBothFiles() {
        CommandResult r = buildBroken(p -> p
                .file("models/staging/dupe.sql", "select 1 as id")
                .file("models/marts/dupe.sql", "select 2 as id"));

        r.assertExit(2).assertErrContains("'dupe'", "models/staging/dupe.sql", "models/marts/dupe.sql");
    }

    @Test
    void aYamlSyntaxErrorNamesTheFileAndLine() {
        CommandResult r = buildBroken(p -> p.file("models/schema.yml", """
                version: 2
                models:
                  - name: customers
                    description: [unclosed
                  - name: orders
                """));

        r.assertErrContains("models/schema.yml:");
        assertEquals(true, r.err().matches("(?s).*models/schema\\.yml:[45]\\b.*"), r.transcript());
    }

    @Test
    void aJinjaSyntaxErrorNamesTheFileAndLine() {
        CommandResult r = buildBroken(p -> p.file("models/broken.sql", """
                select 1 as id
                {% if true %}
                , 2 as other
                """));

        r.assertErrContains("models/broken.sql");
        assertEquals(true, r.err().matches("(?s).*models/broken\\.sql:\\d+.*"), r.transcript());
    }

    @Test
    void anUndefinedMacroCalledFromAModelNamesTheFileAndMacro() {
        CommandResult r = buildBroken(p -> p.file("models/uses_macro.sql", """
                select
                    {{ no_such_macro('id') }} as x
                from {{ ref('customers') }}
                """));

        // as in dbt, parsing accepts the call (the name might come from a package); running the model fails
        r.assertExit(1).assertOutputContains("models/uses_macro.sql:2", "'no_such_macro' is undefined");
    }

    @Test
    void aSqlErrorFromDuckDbNamesTheFileAndExitsOne() {
        CommandResult r = buildBroken(p -> p.file("models/typo.sql", "selec 1 as id"));

        r.assertExit(1).assertOutputContains("models/typo.sql", "syntax error");
    }

    @Test
    void anUnknownSourceNamesTheFileAndTheSource() {
        CommandResult r = buildBroken(p -> p
                .file("models/sources.yml", """
                        version: 2
                        sources:
                          - name: shop
                            tables:
                              - name: raw_orders
                        """)
                .file("models/from_shop.sql", "select * from {{ source('shop', 'raw_order') }}"));

        r.assertExit(2).assertErrContains("models/from_shop.sql", "shop.raw_order", "did you mean 'shop.raw_orders'");
    }

    @Test
    void aVarWhoseJinjaCannotRenderFailsTheParseOfTheModelReadingItNamingTheVarAndItsFile() {
        project.dbtProject("""
                models:
                  proj:
                    +materialized: table
                vars:
                  bad: "{{ undefined_fn() }}"
                """);
        // dbt renders a var when a node reads it: unread, it is no error
        project.runOk("parse");
        CommandResult r = buildBroken(p -> p.file("models/reads_bad.sql", "select {{ var('bad') }} as x"));
        r.assertErrContains("reads_bad", "var 'bad' in dbt_project.yml", "'undefined_fn' is undefined");
        org.junit.jupiter.api.Assertions.assertFalse(r.out().contains("START"), "nothing runs: " + r.out());
        project.run("parse").assertFailed().assertErrContains("models/reads_bad.sql:1", "var 'bad' in dbt_project.yml");
        project.run("parse", "--vars", "{bad: '{{ nope() }}'}").assertFailed()
                .assertErrContains("var 'bad' in --vars", "'nope' is undefined");
    }
}
