package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mallard.core.ingest.postgres.PostgresTestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migrations on a Postgres target, on one server the class starts (each test in its own
 * schema): the history table in the target schema, identity and serial columns as Postgres
 * makes them, down and redo, a failing migration that leaves nothing behind, two processes
 * that apply each migration once (the advisory lock), and {@code migrate diff} / {@code check}
 * reading pg_catalog.
 */
class MigratePostgresIT {
    static final String V1 = """
            -- migrate:up
            CREATE TABLE users (
                id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                email VARCHAR NOT NULL UNIQUE,
                age INTEGER CHECK (age > 0)
            );
            CREATE TABLE orders (id bigserial PRIMARY KEY, user_id BIGINT REFERENCES users (id), amount NUMERIC(10, 2));
            CREATE INDEX orders_user ON orders (user_id);
            -- migrate:down
            DROP TABLE orders;
            DROP TABLE users;
            """;
    static final String V2 = """
            -- migrate:up
            INSERT INTO users (email, age) VALUES ('ana@example.org', 24), ('bruno@example.org', 31);
            INSERT INTO orders (user_id, amount) SELECT id, 9.50 FROM users WHERE email = 'bruno@example.org';
            -- migrate:down
            DELETE FROM orders;
            DELETE FROM users;
            """;

    @TempDir
    static Path root;
    private static PostgresTestServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = PostgresTestServer.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static TestProject project(String schema) {
        assumeTrue(server != null, PostgresTestServer.NO_POSTGRES);
        TestProject p = TestProject.in(root.resolve(schema)).dbtProject();
        return p.file("profiles.yml", p.name() + ":\n  target: pg\n  outputs:\n    pg:\n      type: postgres\n"
                + "      host: 127.0.0.1\n      port: " + server.port + "\n      user: mallard\n      password: "
                + PostgresTestServer.PASSWORD + "\n      dbname: mallard_test\n      schema: " + schema + "\n");
    }

    private static CommandResult migrate(TestProject p, String verb, String... rest) {
        List<String> args = new ArrayList<>(List.of(verb));
        args.addAll(List.of(rest));
        args.add("--profiles-dir");
        args.add(p.dir().toString());
        return p.run("migrate", args.toArray(String[]::new));
    }

    @Test
    void upDownAndRedoWithNativeIdentityColumns() throws Exception {
        TestProject p = project("mig_updown").file("migrations/V1__users.sql", V1).file("migrations/V2__rows.sql", V2);
        migrate(p, "up").assertOk().assertOutContains("Applied 2 migration(s).");
        assertEquals(List.of(List.of("1", "SQL", "t"), List.of("2", "SQL", "t")),
                rows("select version, type, success from mig_updown.mallard_schema_history order by installed_rank"));
        // Postgres' own identity and serial columns, not DuckDB's rewrite to sequences and defaults
        assertEquals(List.of(java.util.Arrays.asList("id", "a", null)), rows("select a.attname, a.attidentity, "
                + "pg_get_expr(d.adbin, d.adrelid) from pg_attribute a left join pg_attrdef d on d.adrelid = a.attrelid "
                + "and d.adnum = a.attnum where a.attrelid = 'mig_updown.users'::regclass and a.attname = 'id'"));
        assertEquals(List.of(List.of("mig_updown.orders_id_seq")),
                rows("select pg_get_serial_sequence('mig_updown.orders', 'id')"));
        assertEquals(List.of(List.of("1", "ana@example.org"), List.of("2", "bruno@example.org")),
                rows("select id, email from mig_updown.users order by id"));
        migrate(p, "status").assertOk().assertOutContains("| 2       | rows", "applied");
        migrate(p, "validate").assertOk().assertOutContains("Validation passed.");

        migrate(p, "down").assertOk().assertOutContains("Reverting 2 rows");
        assertEquals(List.of(List.of("0")), rows("select count(*) from mig_updown.users"));
        migrate(p, "up").assertOk().assertOutContains("Applied 1 migration(s).");
        // redo reverses the newest migration and applies it again: the identity goes on counting
        migrate(p, "redo").assertOk().assertOutContains("Reverting 2 rows", "Applying 2 rows");
        assertEquals(List.of(List.of("5", "ana@example.org"), List.of("6", "bruno@example.org")),
                rows("select id, email from mig_updown.users order by id"));
        migrate(p, "down", "--steps", "2").assertOk().assertOutContains("Rolled back 2 migration(s).");
        assertEquals(List.of(List.of("mallard_schema_history")), rows("select table_name from information_schema.tables "
                + "where table_schema = 'mig_updown' order by 1"));
        assertEquals(List.of(List.of("0")), rows("select count(*) from mig_updown.mallard_schema_history"));
    }

    @Test
    void aFailingMigrationLeavesNothingBehind() throws Exception {
        TestProject p = project("mig_fail").file("migrations/V1__users.sql", V1)
                .file("migrations/V2__broken.sql", "-- migrate:up\nCREATE TABLE audit (id INTEGER);\n"
                        + "INSERT INTO audit VALUES (1);\nINSERT INTO users (email, age) VALUES ('x@example.org', -1);\n"
                        + "-- migrate:down\nDROP TABLE audit;\n");
        migrate(p, "up").assertFailed().assertErrContains("migration 2 failed", "users_age_check",
                "migrations/V2__broken.sql");
        // the table V2 created and its row went with the rollback; the failure is recorded apart
        assertEquals(List.of(), rows("select 1 from information_schema.tables where table_schema = 'mig_fail' "
                + "and table_name = 'audit'"));
        assertEquals(List.of(List.of("1", "t"), List.of("2", "f")),
                rows("select version, success from mig_fail.mallard_schema_history order by installed_rank"));
        migrate(p, "validate").assertFailed().assertOutputContains("failed");
        migrate(p, "repair").assertOk().assertOutContains("removed the failed attempt of 2");
        p.file("migrations/V2__broken.sql", "-- migrate:up\nCREATE TABLE audit (id INTEGER);\n-- migrate:down\n"
                + "DROP TABLE audit;\n");
        migrate(p, "up").assertOk().assertOutContains("Applied 1 migration(s).");
        assertEquals(List.of(List.of("1", "t"), List.of("2", "t")),
                rows("select version, success from mig_fail.mallard_schema_history order by installed_rank"));
    }

    @Test
    void twoProcessesApplyEachMigrationOnce() throws Exception {
        TestProject p = project("mig_lock").file("migrations/V1__slow.sql",
                "-- migrate:up\nCREATE TABLE slow (id INTEGER);\nSELECT pg_sleep(4);\n")
                .file("migrations/V2__events.sql", "-- migrate:up\nCREATE TABLE events (id INTEGER);\n"
                        + "INSERT INTO events VALUES (1);\n");
        Path output = root.resolve("mig_lock.out");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process first = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "migrate", "up", "--project-dir", p.dir().toString(), "--profiles-dir", p.dir().toString())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        // wait until the first process holds the lock: its V1 is running
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (rows("select 1 from pg_stat_activity where query like '%pg_sleep(4)%' and pid <> pg_backend_pid()")
                .isEmpty()) {
            assertTrue(first.isAlive() && System.nanoTime() < deadline, () -> "the first migrate up never got to V1: "
                    + read(output));
            Thread.sleep(50);
        }
        migrate(p, "up", "--lock-timeout", "0").assertExit(2)
                .assertErrContains("another process is running migrations on");
        migrate(p, "up", "--lock-timeout", "120s").assertOk().assertOutContains("Nothing to apply");
        assertTrue(first.waitFor(120, TimeUnit.SECONDS), "the first migrate up did not finish");
        assertEquals(0, first.exitValue(), read(output));
        assertTrue(read(output).contains("Applied 2 migration(s)."), read(output));
        assertEquals(List.of(List.of("1", "1"), List.of("2", "1")), rows("select version, count(*) from "
                + "mig_lock.mallard_schema_history group by version order by 1"));
        assertEquals(List.of(List.of("1")), rows("select count(*) from mig_lock.events"));
    }

    @Test
    void diffAndCheckReadTheCatalog() throws Exception {
        TestProject p = project("mig_diff").file("migrations/V1__users.sql", V1).file("schema.sql", """
                CREATE TABLE users (
                    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    email VARCHAR NOT NULL UNIQUE,
                    age INTEGER CHECK (age > 0),
                    country VARCHAR(2) DEFAULT 'FR'
                );
                CREATE TABLE orders (id bigserial PRIMARY KEY, user_id BIGINT REFERENCES users (id), amount NUMERIC(12, 2));
                CREATE INDEX orders_user ON orders (user_id);
                CREATE SEQUENCE invoice_no START 1000;
                CREATE TABLE invoices (no BIGINT DEFAULT nextval('invoice_no') PRIMARY KEY,
                    order_id BIGINT NOT NULL REFERENCES orders (id));
                """);
        migrate(p, "up").assertOk();
        p.run("check", "--profiles-dir", p.dir().toString()).assertOk().assertOutContains("No drift");

        migrate(p, "diff", "add_invoices").assertOk().assertOutContains("with 4 changes:",
                "sequence added invoice_no", "table added invoices",
                "column added users: country character varying(2) DEFAULT 'FR'::character varying",
                "column type changed orders: amount numeric(10,2) -> numeric(12,2)");
        Path written;
        try (var files = Files.list(p.dir().resolve("migrations"))) {
            written = files.filter(f -> f.getFileName().toString().contains("add_invoices")).findFirst().orElseThrow();
        }
        assertEquals("""
                -- migrate:up
                CREATE SEQUENCE invoice_no START WITH 1000;
                ALTER TABLE orders ALTER COLUMN amount TYPE numeric(12,2);
                ALTER TABLE users ADD COLUMN country character varying(2) DEFAULT 'FR'::character varying;
                CREATE TABLE invoices (no bigint DEFAULT nextval('invoice_no'::regclass) NOT NULL, order_id bigint NOT NULL, \
                CONSTRAINT invoices_pkey PRIMARY KEY (no), CONSTRAINT invoices_order_id_fkey FOREIGN KEY (order_id) \
                REFERENCES orders(id));

                -- migrate:down
                DROP TABLE invoices;
                ALTER TABLE orders ALTER COLUMN amount TYPE numeric(10,2);
                ALTER TABLE users DROP COLUMN country;
                DROP SEQUENCE invoice_no;
                """, Files.readString(written));
        migrate(p, "up").assertOk().assertOutContains("Applied 1 migration(s).");
        migrate(p, "diff", "again").assertOk().assertOutContains("No differences between schema.sql and the database");
        p.run("check", "--profiles-dir", p.dir().toString()).assertOk().assertOutContains("No drift");

        // a change made by hand is drift: the check names it
        sql("ALTER TABLE mig_diff.orders DROP CONSTRAINT orders_user_id_fkey", "ALTER TABLE mig_diff.users ADD COLUMN nick text");
        p.run("check", "--profiles-dir", p.dir().toString()).assertExit(1).assertOutContains(
                "Drift check found 2 problems:",
                "column nick of table users is in the database but not in the migrations",
                "constraint orders (CONSTRAINT orders_user_id_fkey FOREIGN KEY (user_id) REFERENCES users(id)) is in the "
                        + "migrations but missing from the database");
    }

    @Test
    void baselineRecordsAnExistingSchema() throws Exception {
        TestProject p = project("mig_base").file("migrations/V1__users.sql", V1).file("migrations/V2__rows.sql", V2);
        sql("CREATE SCHEMA mig_base", "CREATE TABLE mig_base.users (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
                + "email VARCHAR NOT NULL UNIQUE, age INTEGER CHECK (age > 0))", "CREATE TABLE mig_base.orders "
                + "(id bigserial PRIMARY KEY, user_id BIGINT REFERENCES mig_base.users (id), amount NUMERIC(10, 2))");
        migrate(p, "baseline", "--version", "1").assertOk();
        migrate(p, "up").assertOk().assertOutContains("Applied 1 migration(s).");
        assertEquals(List.of(List.of("1", "BASELINE"), List.of("2", "SQL")),
                rows("select version, type from mig_base.mallard_schema_history order by installed_rank"));
    }

    @Test
    void buildAppliesPendingMigrationsBeforeTheModelsThatReadThem() throws Exception {
        TestProject p = project("mig_gate");
        p.dbtProject("migrations:\n  apply_on_build: true\n").file("migrations/V1__users.sql", V1)
                .file("migrations/V2__rows.sql", V2)
                .file("models/sources.yml", "version: 2\nsources:\n  - name: app\n    schema: mig_gate\n"
                        + "    tables:\n      - name: users\n")
                .file("models/adults.sql", "select count(*) as n from {{ source('app', 'users') }} where age >= 18");
        p.run("build", "--profiles-dir", p.dir().toString()).assertOk()
                .assertOutContains("Applying 2 pending migrations first (migrations: apply_on_build)", "PASS=1");
        assertEquals(List.of(List.of("2")), rows("select n from mig_gate.adults"));
    }

    private static List<List<String>> rows(String sql) throws Exception {
        try (Connection c = server.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            List<List<String>> out = new ArrayList<>();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.add(rs.getString(i));
                }
                out.add(row);
            }
            return out;
        }
    }

    private static void sql(String... statements) throws Exception {
        server.sql(statements);
    }

    private static String read(Path output) {
        try {
            return Files.readString(output);
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
