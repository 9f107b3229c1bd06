package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Java migrations: compiled classes under migrations/java/ or jars on the configured classpath. */
class JavaMigrationIT {
    static final String BACKFILL = """
            package app.migrations;

            import dev.mallard.core.migrate.ReversibleJavaMigration;
            import java.sql.Connection;
            import java.sql.PreparedStatement;

            public class V2BackfillUsers implements ReversibleJavaMigration {
                public String version() { return "2"; }
                public String description() { return "backfill users"; }
                public void up(Connection c) throws Exception {
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO users VALUES (?, ?)")) {
                        for (int i = 1; i <= 3; i++) {
                            ps.setInt(1, i);
                            ps.setString(2, "user " + i);
                            ps.executeUpdate();
                        }
                    }
                }
                public void down(Connection c) throws Exception {
                    try (var st = c.createStatement()) {
                        st.execute("DELETE FROM users");
                    }
                }
            }
            """;

    static final String IRREVERSIBLE = """
            package app.migrations;

            import dev.mallard.core.migrate.JavaMigration;
            import java.sql.Connection;

            public class V3Scramble implements JavaMigration {
                public String version() { return "3"; }
                public String description() { return "scramble names"; }
                public void up(Connection c) throws Exception {
                    try (var st = c.createStatement()) {
                        st.execute("UPDATE users SET name = upper(name)");
                    }
                }
            }
            """;

    static final String FAILING = """
            package app.migrations;

            import dev.mallard.core.migrate.JavaMigration;
            import java.sql.Connection;

            public class V2Fails implements JavaMigration {
                public String version() { return "2"; }
                public String description() { return "fails halfway"; }
                public void up(Connection c) throws Exception {
                    try (var st = c.createStatement()) {
                        st.execute("CREATE TABLE made_by_java (id INTEGER)");
                        st.execute("INSERT INTO users VALUES (1, 'x')");
                    }
                    throw new IllegalStateException("the remote service said no");
                }
            }
            """;

    @TempDir
    Path dir;

    TestProject project() {
        return TestProject.in(dir).dbtProject().file("migrations/V1__users.sql", """
                -- migrate:up
                CREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR);
                -- migrate:down
                DROP TABLE users;
                """);
    }

    CommandResult migrate(String verb, String... rest) {
        return TestProject.execute(MigrateConcurrencyIT.args(dir, verb, rest));
    }

    @Test
    void aJavaMigrationIsAppliedRecordedAndReversed() {
        TestProject project = project();
        JavaSources.compile(dir.resolve("migrations/java"), Map.of("app.migrations.V2BackfillUsers", BACKFILL,
                "app.migrations.V3Scramble", IRREVERSIBLE));

        migrate("up").assertOk().assertOutContains("Applying 2 backfill users (app.migrations.V2BackfillUsers)",
                "Applied 3 migration(s).");

        assertEquals(List.of(List.of("1", "USER 1"), List.of("2", "USER 2"), List.of("3", "USER 3")),
                project.rows("select id, name from users order by id"));
        assertEquals(List.of(Arrays.asList("2", "JAVA", "app.migrations.V2BackfillUsers", null), Arrays.asList("3",
                "JAVA", "app.migrations.V3Scramble", null)), project.rows("select version, type, script, checksum from "
                + MigrateIT.HISTORY + " where type = 'JAVA' order by installed_rank"));
        migrate("status").assertOk().assertOutContains("| JAVA | applied | yes ", "| JAVA | applied | no ");

        migrate("down").assertFailed().assertErrContains("app.migrations.V3Scramble", "irreversible",
                "ReversibleJavaMigration").assertNoJavaInternals();
        project.delete("migrations/java/app/migrations/V3Scramble.class");
        migrate("repair").assertOk().assertOutContains("forgot 3");

        migrate("down").assertOk().assertOutContains("Reverting 2 backfill users");
        assertEquals("0", project.value("select count(*) from users"));
        migrate("validate").assertOk().assertOutContains("1 pending");
    }

    @Test
    void aFailingJavaMigrationRollsBackEverythingItDid() {
        TestProject project = project();
        JavaSources.compile(dir.resolve("migrations/java"), Map.of("app.migrations.V2Fails", FAILING));

        migrate("up").assertFailed().assertErrContains("app.migrations.V2Fails", "the remote service said no")
                .assertNoJavaInternals();

        assertNull(project.tableType("made_by_java"));
        assertEquals("0", project.value("select count(*) from users"));
        assertEquals(List.of(List.of("1", "true"), List.of("2", "false")),
                project.rows("select version, success from " + MigrateIT.HISTORY + " order by installed_rank"));
    }

    @Test
    void javaMigrationsAreFoundInAJarOnTheConfiguredClasspath() {
        TestProject project = TestProject.in(dir).dbtProject("migrations:\n  classpath: [lib/migrations.jar]\n")
                .file("migrations/V1__users.sql", "-- migrate:up\nCREATE TABLE users (id INTEGER, name VARCHAR);\n");
        Path classes = dir.resolve("build/classes");
        JavaSources.compile(classes, Map.of("app.migrations.V2BackfillUsers", BACKFILL));
        JavaSources.jar(classes, dir.resolve("lib/migrations.jar"));

        migrate("up").assertOk().assertOutContains("Applied 2 migration(s).");

        assertEquals("3", project.value("select count(*) from users"));
    }

    @Test
    void aJavaMigrationWithTheVersionOfASqlFileIsADuplicate() {
        project().file("migrations/V2__also_two.sql", "-- migrate:up\nSELECT 1;\n");
        JavaSources.compile(dir.resolve("migrations/java"), Map.of("app.migrations.V2BackfillUsers", BACKFILL));

        migrate("status").assertExit(2).assertErrContains("version 2 is used by 2 migrations",
                "migrations/V2__also_two.sql", "app.migrations.V2BackfillUsers");
    }
}
