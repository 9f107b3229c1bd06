package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Enforced contracts, constraints created with the table, foreign keys across rebuilds,
 * seed 001's constraint post-hooks and the indexes config.
 */
class ContractsIT {
    @TempDir
    Path dir;

    private static final String PLAYERS_YML = """
            models:
              - name: players
                config:
                  contract: {enforced: true}
                  on_schema_change: fail
                columns:
                  - name: player_id
                    data_type: integer
                    constraints:
                      - type: not_null
                      - type: primary_key
                  - name: name
                    data_type: varchar
                    constraints:
                      - type: unique
                  - name: age
                    data_type: int
                    constraints:
                      - type: check
                        expression: "age >= 15 and age <= 50"
            """;

    private TestProject players(String select) {
        return TestProject.in(dir).dbtProject()
                .file("models/players.sql", "{{ config(materialized='table') }}\n" + select)
                .file("models/players.yml", PLAYERS_YML);
    }

    @Test
    void aContractedTableIsCreatedWithItsColumnsAndConstraints() {
        TestProject p = players("select 1 as player_id, 'ann' as name, 20 as age");

        p.runOk("run");

        assertEquals(List.of(List.of("1", "ann", "20")), p.rows("select * from players"));
        assertEquals(List.of(List.of("CHECK"), List.of("NOT NULL"), List.of("PRIMARY KEY"), List.of("UNIQUE")),
                p.rows("select distinct constraint_type from duckdb_constraints() where table_name = 'players' order by 1"));
    }

    @Test
    void aContractMismatchFailsBeforeBuildingAndListsEveryMismatch() {
        TestProject p = players("select 1 as player_id, 'ann' as name, 20 as age");
        p.runOk("run");
        p.file("models/players.sql", "{{ config(materialized='table') }}\nselect 'x' as player_id, 'bob' as nom, 20 as age");

        CommandResult r = p.run("run").assertExit(1);

        r.assertOutContains("model 'players' has an enforced contract that failed",
                "| column_name | definition_type | contract_type | mismatch_reason       |",
                "| name        |                 | VARCHAR       | missing in definition |",
                "| nom         | VARCHAR         |               | missing in contract   |",
                "| player_id   | VARCHAR         | INTEGER       | data type mismatch    |");
        String out = r.all();
        assertTrue(out.indexOf("| name ") < out.indexOf("| nom ") && out.indexOf("| nom ") < out.indexOf("| player_id "),
                "sorted by column name, as dbt does");
        assertEquals("ann", p.value("select name from players"), "the previous table is still there");
    }

    @Test
    void aViewsContractChecksItsColumns() {
        TestProject p = TestProject.in(dir).dbtProject()
                .file("models/v.sql", "select 1 as id")
                .file("models/v.yml", """
                        models:
                          - name: v
                            config:
                              contract: {enforced: true}
                            columns:
                              - name: id
                                data_type: bigint
                        """);

        p.run("run").assertExit(1).assertOutContains("| id          | INTEGER         | BIGINT        | data type mismatch |");
        p.file("models/v.sql", "select 1::bigint as id");
        p.runOk("run");
    }

    @Test
    void aContractNeedsADataTypeOnEveryColumn() {
        TestProject p = players("select 1 as player_id, 'ann' as name, 20 as age")
                .file("models/players.yml", PLAYERS_YML.replace("        data_type: varchar\n", ""));

        p.run("run").assertExit(1).assertOutContains("models/players.yml: model 'players' has an enforced contract, "
                + "but these columns have no data_type: name", "hint: contracted models require data_type");
    }

    @Test
    void eachConstraintKindFailsTheModelOnAViolatingRowAndKeepsThePreviousTable() {
        TestProject p = players("select 1 as player_id, 'ann' as name, 20 as age union all select 2, 'bob', 30");
        p.runOk("run");
        List<String> violations = List.of(
                "select null::int as player_id, 'cid' as name, 20 as age",   // not_null
                "select 1 as player_id, 'cid' as name, 20 as age union all select 1, 'dan', 21",  // primary key
                "select 3 as player_id, 'cid' as name, 20 as age union all select 4, 'cid', 21",  // unique
                "select 3 as player_id, 'cid' as name, 70 as age");           // check
        for (String select : violations) {
            p.file("models/players.sql", "{{ config(materialized='table') }}\n" + select);

            CommandResult r = p.run("run").assertExit(1);

            r.assertOutContains("Constraint Error");
            assertEquals(List.of(List.of("1", "ann"), List.of("2", "bob")),
                    p.rows("select player_id, name from players order by 1"), "after: " + select);
            assertEquals(List.of(), p.rows("select table_name from duckdb_tables() where table_name like '%mallard%'"));
        }
    }

    @Test
    void modelLevelConstraintsAreCreatedWithTheTable() {
        TestProject p = TestProject.in(dir).dbtProject()
                .file("models/pairs.sql", "{{ config(materialized='table') }}\nselect 1 as a, 2 as b")
                .file("models/pairs.yml", """
                        models:
                          - name: pairs
                            config:
                              contract: {enforced: true}
                            constraints:
                              - type: primary_key
                                columns: [a, b]
                                name: pk_pairs
                              - type: check
                                expression: "a < b"
                            columns:
                              - name: a
                                data_type: integer
                              - name: b
                                data_type: integer
                        """);
        p.runOk("run");
        p.runOk("run");
        assertEquals(List.of(List.of("CHECK"), List.of("NOT NULL"), List.of("PRIMARY KEY")),
                p.rows("select distinct constraint_type from duckdb_constraints() where table_name = 'pairs' order by 1"),
                "DuckDB makes primary key columns not null");

        p.file("models/pairs.sql", "{{ config(materialized='table') }}\nselect 3 as a, 2 as b");
        p.run("run").assertExit(1).assertOutContains("Constraint Error");
        assertEquals("1", p.value("select a from pairs"));
    }

    private static final String TEAMS_AND_PLAYERS_YML = """
            models:
              - name: teams
                config:
                  contract: {enforced: true}
                columns:
                  - name: team_id
                    data_type: integer
                    constraints:
                      - type: primary_key
                  - name: team_name
                    data_type: varchar
              - name: players
                config:
                  contract: {enforced: true}
                  on_schema_change: fail
                columns:
                  - name: player_id
                    data_type: integer
                    constraints:
                      - type: primary_key
                  - name: team_id
                    data_type: integer
                    constraints:
                      - type: foreign_key
                        to: ref('teams')
                        to_columns: [team_id]
              - name: squads
                config:
                  contract: {enforced: true}
                constraints:
                  - type: foreign_key
                    columns: [team_id]
                    expression: "teams (team_id)"
                columns:
                  - name: team_id
                    data_type: integer
            """;

    @Test
    void foreignKeysHoldAcrossTwoModelsRebuiltTwice() {
        TestProject p = TestProject.in(dir).dbtProject()
                .file("models/teams.sql", "{{ config(materialized='table') }}\nselect 1 as team_id, 'a' as team_name union all select 2, 'b'")
                .file("models/players.sql", "{{ config(materialized='table') }}\nselect 10 as player_id, 1 as team_id")
                .file("models/squads.sql", "-- depends_on: {{ ref('teams') }}\n{{ config(materialized='table') }}\nselect 2 as team_id")
                .file("models/models.yml", TEAMS_AND_PLAYERS_YML);

        p.runOk("run");
        p.runOk("run").assertOutContains("PASS=3");
        // teams alone: its contracted dependents are re-created from their contracts with their rows
        p.runOk("run", "--select", "teams");
        assertEquals(List.of(List.of("players", "teams"), List.of("squads", "teams")),
                p.rows("select table_name, referenced_table from duckdb_constraints() "
                        + "where constraint_type = 'FOREIGN KEY' order by 1"));
        assertEquals("1", p.value("select team_id from players"));
        p.runOk("run", "--select", "teams+");

        assertEquals(List.of(List.of("players", "teams"), List.of("squads", "teams")),
                p.rows("select table_name, referenced_table from duckdb_constraints() "
                        + "where constraint_type = 'FOREIGN KEY' order by 1"));
        assertEquals("1", p.value("select team_id from players"));

        p.file("models/players.sql", "{{ config(materialized='table') }}\nselect 10 as player_id, 3 as team_id");
        p.run("run").assertExit(1).assertOutContains("Violates foreign key constraint");
        assertEquals("1", p.value("select team_id from players"), "the previous players table survives");

        p.file("models/players.sql", "{{ config(materialized='table') }}\nselect 10 as player_id, 2 as team_id");
        p.file("models/teams.sql", "{{ config(materialized='table') }}\nselect 2 as team_id, 'b' as team_name");
        p.runOk("run");
        assertEquals("2", p.value("select team_id from players"));
        assertEquals(List.of(), p.rows("select table_name from duckdb_tables() where table_name like '%mallard%'"));
    }

    @Test
    void aParentRebuiltAloneKeepsAnIncrementalDependentAndItsForeignKey() {
        TestProject p = TestProject.in(dir).dbtProject()
                .file("models/teams.sql", "{{ config(materialized='table') }}\nselect 1 as team_id, 'a' as team_name union all select 2, 'b'")
                .file("models/players.sql", "{{ config(materialized='incremental', unique_key='player_id') }}\n"
                        + "select 10 as player_id, 1 as team_id")
                .file("models/squads.sql", "-- depends_on: {{ ref('teams') }}\n{{ config(materialized='table') }}\nselect 2 as team_id")
                .file("models/models.yml", TEAMS_AND_PLAYERS_YML);
        p.runOk("run");

        // players is incremental: the run merges into it, so teams' swap must re-create it
        p.runOk("run");

        assertEquals("1", p.value("select team_id from players"));
        assertEquals(List.of(List.of("players", "teams"), List.of("squads", "teams")),
                p.rows("select table_name, referenced_table from duckdb_constraints() "
                        + "where constraint_type = 'FOREIGN KEY' order by 1"));

        // a new teams that drops a referenced team fails as a whole; both tables keep their rows
        p.file("models/teams.sql", "{{ config(materialized='table') }}\nselect 2 as team_id, 'b' as team_name");
        p.run("run", "--select", "teams").assertExit(1);
        assertEquals("2", p.value("select count(*) from teams"));
        assertEquals("1", p.value("select count(*) from players"));
    }

    @Test
    void seed001PostHooksRunWhereDuckDbSupportsThem() {
        TestProject p = TestProject.in(dir).dbtProject()
                .file("models/teams.sql", """
                        {{
                            config(
                                materialized='table',
                                indexes=[{'columns': ['team_id'], 'unique': True}, {'columns': ['team_name']}],
                                post_hook=[
                                    "ALTER TABLE {{ this }} ADD CONSTRAINT pk_teams PRIMARY KEY (team_id)",
                                    "ALTER TABLE {{ this }} ALTER COLUMN team_id SET NOT NULL"
                                ]
                            )
                        }}
                        select 1 as team_id, 'a' as team_name
                        """);

        p.runOk("run");
        p.runOk("run");

        assertEquals(List.of(List.of("NOT NULL"), List.of("PRIMARY KEY")),
                p.rows("select constraint_type from duckdb_constraints() where table_name = 'teams' order by 1"));
        assertEquals("2", p.value("select count(*) from duckdb_indexes() where table_name = 'teams'"));

        p.file("models/teams.sql", p.read("models/teams.sql").replace("select 1 as team_id, 'a' as team_name",
                "select 1 as team_id, 'a' as team_name union all select 1, 'b'"));
        p.run("run").assertExit(1).assertOutContains("Constraint Error");
        assertEquals("a", p.value("select team_name from teams"), "a failing post-hook keeps the previous table");
    }

    @Test
    void seed001ForeignKeyPostHookFailsWithAHintTowardsConstraints() {
        TestProject p = TestProject.in(dir).dbtProject()
                .file("models/teams.sql", "{{ config(materialized='table') }}\nselect 1 as team_id")
                .file("models/players.sql", """
                        {{
                            config(
                                materialized='table',
                                post_hook=[
                                    "ALTER TABLE {{ this }} ADD CONSTRAINT pk_players PRIMARY KEY (player_id)",
                                    "ALTER TABLE {{ this }} ADD CONSTRAINT fk_players_team FOREIGN KEY (team_id) REFERENCES {{ this.schema }}.teams(team_id)"
                                ]
                            )
                        }}
                        select 10 as player_id, team_id from {{ ref('teams') }}
                        """);

        CommandResult r = p.run("run").assertExit(1);

        r.assertOutContains("model 'players': hook failed, DuckDB cannot run `ALTER TABLE \"",
                "ADD CONSTRAINT fk_players_team FOREIGN KEY (team_id) REFERENCES main.teams(team_id)`",
                "hint: DuckDB cannot add FOREIGN KEY or CHECK constraints to an existing table",
                "contract: {enforced: true} and 'constraints:'");
        assertTrue(p.rows("select * from duckdb_tables() where table_name = 'players'").isEmpty(),
                "nothing half-built is left");
    }

    @Test
    void aCheckConstraintAddedByAPostHookFailsWithTheHintAndKeepsThePreviousTable() {
        TestProject p = TestProject.in(dir).dbtProject()
                .file("models/teams.sql", "{{ config(materialized='table') }}\nselect 1 as team_id");
        p.runOk("run");
        p.file("models/teams.sql", """
                {{ config(materialized='table',
                          post_hook="ALTER TABLE {{ this }} ADD CONSTRAINT ck_teams CHECK (team_id > 0)") }}
                select 2 as team_id
                """);

        p.run("run").assertExit(1).assertOutContains("model 'teams': hook failed, DuckDB cannot run",
                "ADD CONSTRAINT ck_teams CHECK (team_id > 0)`", "hint: DuckDB cannot add FOREIGN KEY or CHECK constraints");

        assertEquals("1", p.value("select team_id from teams"));
    }

    @Test
    void anIncrementalModelKeepsItsConstraintsAndChecksItsContractOnLaterRuns() {
        TestProject p = TestProject.in(dir).dbtProject()
                .file("models/events.sql", """
                        {{ config(materialized='incremental', on_schema_change='append_new_columns') }}
                        select {{ var('id', 1) }} as event_id
                        """)
                .file("models/events.yml", """
                        models:
                          - name: events
                            config:
                              contract: {enforced: true}
                            columns:
                              - name: event_id
                                data_type: integer
                                constraints:
                                  - type: primary_key
                        """);
        p.runOk("run");
        p.runOk("run", "--vars", "{id: 2}");

        p.run("run", "--vars", "{id: 2}").assertExit(1).assertOutContains("Constraint Error");
        p.run("run", "--vars", "{id: \"'x'\"}").assertExit(1).assertOutContains("enforced contract that failed");

        assertEquals(List.of(List.of("1"), List.of("2")), p.rows("select event_id from events order by 1"));
    }

    @Test
    void aContractedIncrementalModelMustSayWhatAChangeOfColumnsDoes() {
        TestProject p = TestProject.in(dir).dbtProject()
                .file("models/events.sql", "{{ config(materialized='incremental') }}\nselect 1 as event_id")
                .file("models/events.yml", """
                        models:
                          - name: events
                            config:
                              contract: {enforced: true}
                            columns:
                              - name: event_id
                                data_type: integer
                        """);

        // a project error, as dbt's parse error: exit 2, nothing built
        p.run("run").assertExit(2).assertErrContains("models/events.sql", "model 'events': invalid value for "
                + "on_schema_change: ignore. Models materialized as incremental with contracts enabled must set "
                + "on_schema_change to 'append_new_columns' or 'fail'");

        p.file("models/events.sql", "{{ config(materialized='incremental', on_schema_change='fail') }}\nselect 1 as event_id");
        p.runOk("run");
    }
}
