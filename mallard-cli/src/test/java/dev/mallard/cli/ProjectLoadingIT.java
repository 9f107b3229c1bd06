package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dbt_project.yml and profiles.yml: paths, folder configs, vars, env_var, targets. */
class ProjectLoadingIT {
    @TempDir
    Path dir;

    @Test
    void materializedIsAppliedByFolderFromDbtProjectYml() {
        TestProject p = TestProject.in(dir).dbtProject("""
                models:
                  proj:
                    staging:
                      +materialized: view
                    marts:
                      +materialized: table
                """)
                .file("models/staging/stg_a.sql", "select 1 as id")
                .file("models/marts/mart_a.sql", "select * from {{ ref('stg_a') }}")
                .file("models/loose.sql", "select 2 as id");

        p.runOk("build");

        assertEquals("VIEW", p.tableType("stg_a"));
        assertEquals("BASE TABLE", p.tableType("mart_a"));
        assertEquals("VIEW", p.tableType("loose"), "dbt's default materialization is view");
    }

    @Test
    void customModelSeedAndTargetPathsAreUsed() {
        TestProject p = TestProject.in(dir).dbtProject("""
                model-paths: ["transform"]
                seed-paths: ["data"]
                target-path: "out"
                """)
                .file("transform/things.sql", "select * from {{ ref('raw_things') }}")
                .file("data/raw_things.csv", "id,name\n1,a\n2,b\n")
                .file("models/ignored.sql", "select 1 as never_built")
                .database("out/proj.duckdb");

        p.runOk("build").assertOutContains("using DuckDB file out/proj.duckdb");

        assertEquals(List.of(List.of("1", "a"), List.of("2", "b")), p.rows("select * from things order by id"));
        assertEquals(null, p.tableType("ignored"), "models/ is not a model path here");
        assertTrue(p.exists("out/compiled/proj/transform/things.sql"));
        assertFalse(p.exists("target"), "nothing is written to target/ when target-path is out/");
    }

    @Test
    void varsComeFromDbtProjectYmlAndAreOverriddenByCliVars() {
        TestProject p = TestProject.in(dir).dbtProject("""
                vars:
                  region: eu
                  limit_rows: 3
                """)
                .file("models/settings.sql", "select '{{ var(\"region\") }}' as region, {{ var('limit_rows') }} as n, "
                        + "'{{ var('missing', 'fallback') }}' as d");

        p.runOk("build");
        assertEquals(List.of(List.of("eu", "3", "fallback")), p.rows("select * from settings"));

        p.runOk("build", "--vars", "{region: us, missing: given}");
        assertEquals(List.of(List.of("us", "3", "given")), p.rows("select * from settings"));
    }

    @Test
    void aVarHoldingJinjaIsRenderedWhereANodeReadsIt() {
        // dbt renders vars when they are read, in the node's context: the fivetran packages'
        // `customer: "{{ source('stripe', 'customer') }}"` gives the source and a dependency on it
        TestProject p = TestProject.in(dir).dbtProject("""
                vars:
                  orders: "{{ source('shop', 'orders') }}"
                  raw_schema: "{{ target.schema }}_raw"
                  label: "{{ var('raw_schema') }}-label"
                  raw_list: ["{{ not rendered }}"]
                seeds:
                  proj:
                    +schema: raw
                """)
                .file("seeds/orders.csv", "id\n1\n2\n")
                .file("models/sources.yml", """
                        version: 2
                        sources:
                          - name: shop
                            schema: "{{ target.schema }}_raw"
                            tables: [{name: orders}]
                        """)
                .file("models/counted.sql", "-- depends_on: {{ ref('orders') }}\n"
                        + "select count(*) as n, '{{ var('label') }}' as label,"
                        + " '{{ var('raw_list')[0] }}' as raw from {{ var('orders') }}");

        p.runOk("build");

        assertEquals(List.of(List.of("2", "main_raw-label", "{{ not rendered }}")), p.rows("select * from counted"));
        List<String> dependsOn = new java.util.ArrayList<>();
        p.json("target/manifest.json").path("nodes").path("model.proj.counted").path("depends_on").path("nodes")
                .forEach(n -> dependsOn.add(n.asText()));
        // as dbt, the sources before the refs
        assertEquals(List.of("source.proj.shop.orders", "seed.proj.orders"), dependsOn);
    }

    @Test
    void envVarIsRenderedInDbtProjectYml() {
        assumeTrue(System.getenv("MALLARD_IT_SCHEMA") != null, "failsafe sets MALLARD_IT_SCHEMA=from_env");
        TestProject p = TestProject.in(dir).dbtProject("""
                models:
                  proj:
                    +materialized: "{{ env_var('MALLARD_IT_SURELY_UNSET', 'table') }}"
                    +schema: "{{ env_var('MALLARD_IT_SCHEMA') }}"
                """)
                .file("models/m.sql", "select 1 as id");

        p.runOk("build");

        assertEquals("BASE TABLE", p.tableType("main_from_env.m"));
    }

    @Test
    void profilesYmlInTheProjectFolderIsFoundAndItsEnvVarsRendered() {
        assumeTrue(System.getenv("MALLARD_IT_SCHEMA") != null, "failsafe sets MALLARD_IT_SCHEMA=from_env");
        TestProject p = TestProject.in(dir).dbtProject()
                .file("profiles.yml", """
                        proj:
                          target: dev
                          outputs:
                            dev:
                              type: duckdb
                              path: "{{ env_var('MALLARD_IT_SURELY_UNSET', 'warehouse.duckdb') }}"
                              schema: "{{ env_var('MALLARD_IT_SCHEMA') }}"
                        """)
                .file("models/m.sql", "select 1 as id")
                .database("warehouse.duckdb");

        CommandResult build = p.runOk("build");

        assertFalse(build.out().contains("No profile"), build.transcript());
        assertEquals(List.of("from_env.m"), p.relations(), "built in the profile's schema, in the profile's file");
        assertFalse(p.exists("target/proj.duckdb"));
    }

    @Test
    void anUnsetEnvVarInAnotherTargetDoesNotStopTheChosenOne() {
        TestProject p = TestProject.in(dir).dbtProject()
                .file("profiles.yml", """
                        proj:
                          target: dev
                          outputs:
                            dev:
                              type: duckdb
                              path: warehouse.duckdb
                            prod:
                              type: duckdb
                              path: "{{ env_var('MALLARD_IT_SURELY_UNSET_PROD_PATH') }}"
                        """)
                .file("models/m.sql", "select 1 as id")
                .database("warehouse.duckdb");

        p.runOk("build");
        assertEquals(List.of("main.m"), p.relations());
        CommandResult prod = p.run("build", "--target", "prod");
        assertEquals(2, prod.exitCode(), prod.transcript());
        assertTrue(prod.err().contains("MALLARD_IT_SURELY_UNSET_PROD_PATH"), prod.transcript());
    }

    @Test
    void profilesDirFlagSelectsProfileWithPathSchemaThreadsAndSettings(@TempDir Path profiles) {
        TestProject.in(profiles).file("profiles.yml", """
                proj:
                  target: dev
                  outputs:
                    dev:
                      type: duckdb
                      path: other.duckdb
                      schema: analytics
                      threads: 3
                      settings:
                        default_order: desc
                    prod:
                      type: duckdb
                      path: prod.duckdb
                      schema: prod_schema
                """);
        TestProject p = TestProject.in(dir).dbtProject()
                .file("models/m.sql", "{{ config(materialized='table') }}\n"
                        + "select current_setting('default_order') as ord, '{{ target.schema }}' as s")
                .database("other.duckdb");
        String profilesDir = profiles.toString();

        p.runOk("debug", "--profiles-dir", profilesDir).assertOutContains("schema: analytics", "threads: 3");
        p.runOk("build", "--profiles-dir", profilesDir).assertOutContains("Concurrency: 3 threads (target='dev')");
        assertEquals(List.of(List.of("DESC", "analytics")), p.rows("select upper(ord), s from analytics.m"));

        p.runOk("build", "--profiles-dir", profilesDir, "--target", "prod");
        p.database("prod.duckdb");
        assertEquals(List.of("prod_schema.m"), p.relations());
    }

    @Test
    void anExtensionThatNeedsADownloadFailsClearlyWithExitCodeTwo() {
        TestProject p = TestProject.in(dir).dbtProject()
                .file("profiles.yml", """
                        proj:
                          target: dev
                          outputs:
                            dev:
                              type: duckdb
                              path: db.duckdb
                              extensions: [httpfs]
                        """)
                .file("models/m.sql", "select 1 as id");

        CommandResult r = p.run("build").assertExit(2).assertNoJavaInternals();

        assertTrue(r.err().contains("httpfs") && r.err().toLowerCase().contains("offline"), r.transcript());
    }

    @Test
    void withoutAProfileTheDatabaseIsAFileUnderTargetAndOneNoticeSaysSo() {
        TestProject p = TestProject.in(dir).dbtProject().file("models/m.sql", "select 1 as id");

        CommandResult r = p.runOk("build");

        List<String> notices = r.outLines().stream().filter(l -> l.contains("No profile")).toList();
        assertEquals(List.of("No profile 'proj' found; using DuckDB file target/proj.duckdb"), notices);
        assertTrue(p.exists("target/proj.duckdb"));
        assertEquals("VIEW", p.tableType("m"));
    }
}
