package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** persist_docs writes descriptions as DuckDB comments, as dbt-duckdb does (COMMENT ON ...). */
class PersistDocsIT {
    @TempDir
    Path dir;

    private TestProject project(String persist) {
        return TestProject.in(dir).dbtProject("models:\n  proj:\n    +persist_docs: " + persist
                        + "\nseeds:\n  proj:\n    +persist_docs: " + persist + "\n")
                .file("models/t.sql", "{{ config(materialized='table') }} select 1 as id, 'x' as name")
                .file("models/v.sql", "select 1 as id, 'x' as name")
                .file("seeds/s.csv", "code\nA\n")
                .file("models/schema.yml", """
                        version: 2
                        models:
                          - name: t
                            description: "It's a table"
                            columns:
                              - name: ID
                                description: "the id's"
                              - name: not_there
                                description: "a column the table lacks"
                          - name: v
                            description: "A view"
                            columns:
                              - name: name
                                description: "the name"
                        seeds:
                          - name: s
                            description: "A seed"
                            columns:
                              - name: code
                                description: "the code"
                        """);
    }

    @Test
    void relationAndColumnDescriptionsBecomeComments() {
        TestProject p = project("{relation: true, columns: true}");
        p.runOk("build");
        assertEquals("It's a table", p.value("select comment from duckdb_tables() where table_name = 't'"));
        assertEquals("A view", p.value("select comment from duckdb_views() where view_name = 'v'"));
        assertEquals("A seed", p.value("select comment from duckdb_tables() where table_name = 's'"));
        assertEquals("the id's", p.value("select comment from duckdb_columns() where table_name = 't' "
                + "and column_name = 'id'"));
        assertEquals("the name", p.value("select comment from duckdb_columns() where table_name = 'v' "
                + "and column_name = 'name'"));
        assertEquals("the code", p.value("select comment from duckdb_columns() where table_name = 's' "
                + "and column_name = 'code'"));
        assertEquals("0", p.value("select count(comment) from duckdb_columns() where table_name = 't' "
                + "and column_name = 'name'"));

        // a rebuild keeps them
        p.runOk("run", "--select", "t");
        assertEquals("It's a table", p.value("select comment from duckdb_tables() where table_name = 't'"));
    }

    @Test
    void onlyWhatPersistDocsAsksForIsWritten() {
        TestProject p = project("{relation: true}");
        p.runOk("build");
        assertEquals("It's a table", p.value("select comment from duckdb_tables() where table_name = 't'"));
        assertEquals("0", p.value("select count(comment) from duckdb_columns() where table_name in ('t', 'v', 's')"));
    }

    @Test
    void withoutPersistDocsNothingIsWritten() {
        TestProject p = project("{}");
        p.runOk("build");
        assertEquals("0", p.value("select count(comment) from duckdb_tables() where table_name in ('t', 's')"));
        assertEquals("0", p.value("select count(comment) from duckdb_views() where view_name = 'v'"));
    }
}
