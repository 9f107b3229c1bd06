package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --select and --exclude with dbt's graph operators and methods, seen through ls and build. */
class SelectionIT {
    @TempDir
    static Path dir;

    static TestProject project;

    @BeforeAll
    static void writeProject() {
        project = TestProject.in(dir).dbtProject("""
                models:
                  proj:
                    staging:
                      +tags: staging
                """)
                .file("seeds/raw_orders.csv", "id,customer_id\n1,1\n2,1\n")
                .file("models/staging/stg_orders.sql", "select * from {{ ref('raw_orders') }}")
                .file("models/staging/stg_customers.sql", "select 1 as customer_id")
                .file("models/marts/orders.sql", """
                        {{ config(tags=['nightly']) }}
                        select o.* from {{ ref('stg_orders') }} o join {{ ref('stg_customers') }} using (customer_id)
                        """)
                .file("models/marts/report.sql", "select count(*) as n from {{ ref('orders') }}");
    }

    /** Names printed by {@code ls --output name} with these selection arguments, sorted. */
    private static List<String> ls(String... selection) {
        List<String> args = new ArrayList<>(List.of("--output", "name"));
        args.addAll(List.of(selection));
        return project.runOk("ls", args.toArray(String[]::new)).out().lines().sorted().toList();
    }

    @Test
    void aPlusBeforeANameAddsItsAncestors() {
        assertEquals(List.of("orders", "raw_orders", "stg_customers", "stg_orders"), ls("--select", "+orders"));
    }

    @Test
    void aPlusAfterANameAddsItsDescendants() {
        assertEquals(List.of("orders", "report"), ls("--select", "orders+"));
    }

    @Test
    void tagSelectsByTagsFromDbtProjectYmlAndConfig() {
        assertEquals(List.of("stg_customers", "stg_orders"), ls("--select", "tag:staging"));
        assertEquals(List.of("orders"), ls("--select", "tag:nightly"));
    }

    @Test
    void pathSelectsByFolder() {
        assertEquals(List.of("orders", "report"), ls("--select", "path:models/marts"));
    }

    @Test
    void commaIntersectsAndSpaceUnites() {
        assertEquals(List.of("stg_customers", "stg_orders"), ls("--select", "+orders,tag:staging"));
        assertEquals(List.of("report", "stg_orders"), ls("--select", "stg_orders", "report"));
    }

    @Test
    void excludeRemovesNodesFromTheSelection() {
        assertEquals(List.of("report", "stg_customers", "stg_orders"),
                ls("--select", "path:models", "--exclude", "tag:nightly"));
        assertEquals(List.of("orders", "report", "stg_customers", "stg_orders"), ls("--exclude", "raw_orders"));
    }

    @Test
    void buildRunsOnlyTheSelectedNodes(@TempDir Path own) {
        TestProject p = TestProject.in(own).dbtProject()
                .file("models/a.sql", "select 1 as id")
                .file("models/b.sql", "select * from {{ ref('a') }}")
                .file("models/c.sql", "select * from {{ ref('b') }}")
                .file("models/unrelated.sql", "select 2 as id");

        p.runOk("build", "--select", "+b").assertOutContains("TOTAL=2");

        assertEquals(List.of("main.a", "main.b"), p.relations());
    }
}
