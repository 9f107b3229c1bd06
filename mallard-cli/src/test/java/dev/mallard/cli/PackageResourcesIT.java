package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A package's models and seeds are built as dbt builds them: configured by the package and
 * then by the root project, with package-scoped vars, two-argument ref, the package's own
 * macros first, and dispatch search orders. Each expectation was checked against dbt-duckdb.
 */
class PackageResourcesIT {

    private static TestProject packageProject(Path dir) {
        return TestProject.in(dir).named("pkg_a").dbtProject("""
                        vars:
                          greeting: from_package
                          other: package_default
                        models:
                          pkg_a:
                            +materialized: view
                        on-run-start:
                          - "create table if not exists hook_log (who varchar)"
                          - "insert into hook_log values ('pkg_a')"
                        """)
                .file("macros/m.sql", """
                        {% macro label() %}'package label'{% endmacro %}
                        {% macro fancy() %}{{ return(adapter.dispatch('fancy', 'pkg_a')()) }}{% endmacro %}
                        {% macro default__fancy() %}'package fancy'{% endmacro %}
                        """)
                .file("seeds/pkg_seed.csv", "id,name\n1,a\n2,b\n")
                .file("models/pkg_model.sql", """
                        {{ config(materialized='view') }}
                        select '{{ var("greeting") }}' as greeting, '{{ var("other") }}' as other,
                               {{ label() }} as label, {{ pkg_a.fancy() }} as fancy, *
                        from {{ ref('pkg_seed') }}
                        """);
    }

    @Test
    void aPackagesModelsAndSeedsAreBuiltWithTheRootProjectsConfigAndVars(@TempDir Path dir) {
        packageProject(dir.resolve("pkg_a"));
        TestProject p = TestProject.in(dir.resolve("app")).dbtProject("""
                        vars:
                          greeting: root_global
                          pkg_a:
                            greeting: root_scoped
                        models:
                          pkg_a:
                            +materialized: table
                        on-run-start:
                          - "create table if not exists hook_log (who varchar)"
                          - "insert into hook_log values ('root')"
                        """)
                .file("packages.yml", "packages:\n  - local: ../pkg_a\n")
                .file("macros/own.sql", "{% macro label() %}'root label'{% endmacro %}\n")
                .file("models/root_model.sql", """
                        select greeting, other, label, fancy, count(*) as n, '{{ var("greeting") }}' as root_greeting
                        from {{ ref('pkg_a', 'pkg_model') }} group by all
                        """);
        p.run("deps").assertOk();
        p.run("build").assertOk().assertOutContains("PASS=7");
        // the root's models: {pkg_a: ...} wins over the package's config() call, as in dbt
        assertEquals("BASE TABLE", p.tableType("pkg_model"));
        assertEquals("BASE TABLE", p.tableType("pkg_seed"));
        // a package's node: the root's scoped var, then the package's own; its own macros before the root's
        assertEquals("root_scoped|package_default|package label|package fancy|2|root_global",
                p.value("select concat_ws('|', greeting, other, label, fancy, n, root_greeting) from root_model"));
        // on-run-start hooks: the project's, then the packages' (dbt-core 1.11's order)
        assertEquals("root,pkg_a", p.value("select string_agg(who, ',') from hook_log"));
        assertEquals("model.pkg_a.pkg_model",
                p.json("target/manifest.json").get("nodes").get("model.pkg_a.pkg_model").get("unique_id").asText());
        // compiled and run files: under the node's own package, as dbt lays them out
        assertTrue(p.exists("target/compiled/pkg_a/models/pkg_model.sql"));
        assertTrue(p.exists("target/run/pkg_a/models/pkg_model.sql"));
        assertTrue(p.exists("target/compiled/" + p.name() + "/models/root_model.sql"));
    }

    @Test
    void aDispatchSearchOrderLetsTheRootProjectReplaceAPackagesImplementation(@TempDir Path dir) {
        packageProject(dir.resolve("pkg_a"));
        TestProject p = TestProject.in(dir.resolve("app")).dbtProject("""
                        dispatch:
                          - macro_namespace: pkg_a
                            search_order: ['shim', 'pkg_a']
                        """)
                .file("packages.yml", "packages:\n  - local: ../pkg_a\n  - local: ../shim\n")
                .file("models/uses.sql", "select {{ pkg_a.fancy() }} as fancy");
        TestProject.in(dir.resolve("shim")).named("shim").dbtProject()
                .file("macros/shim.sql", "{% macro default__fancy() %}'shim fancy'{% endmacro %}\n");
        p.run("deps").assertOk();
        p.run("build", "-s", "uses").assertOk();
        assertEquals("shim fancy", p.value("select fancy from uses"));

        // without a search order: the root project first, then the namespace's own package
        p.dbtProject().file("macros/own.sql", "{% macro default__fancy() %}'root fancy'{% endmacro %}\n");
        p.run("build", "-s", "uses").assertOk();
        assertEquals("root fancy", p.value("select fancy from uses"));
        p.delete("macros/own.sql");
        p.run("build", "-s", "uses").assertOk();
        assertEquals("package fancy", p.value("select fancy from uses"));
    }
}
