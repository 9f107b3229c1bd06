package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Java models (models/**.java implementing dev.mallard.api.JavaModel), run by the real CLI on
 * the project in src/test/resources/java_models: a seed, a SQL staging model, a Java model
 * returning a query (customer_totals), a Java model writing rows (marts/customer_tiers) and a
 * SQL model reading it (marts/gold_customers), with data tests and unit tests on the Java models.
 */
class JavaModelsIT {
    @TempDir
    Path dir;

    TestProject project;

    @BeforeEach
    void copyProject() {
        TestProject.copyTree(Path.of("src/test/resources/java_models").toAbsolutePath(), dir);
        project = TestProject.in(dir).named("java_models");
    }

    @Test
    void buildRunsJavaModelsInTheDagWithTheirDataAndUnitTests() {
        project.runOk("build").assertOutContains("java table model main.customer_totals",
                "PASS customer_tiers::tiers_split_at_150", "PASS customer_totals::totals_from_given_orders",
                "PASS accepted_values_customer_tiers_tier__gold__silver", "PASS=10");
        assertEquals(List.of(List.of("10", "200.5", "2"), List.of("20", "200.0", "1"), List.of("30", "5.0", "1")),
                project.rows("select customer_id, total, n_orders from customer_totals order by 1"));
        assertEquals(List.of(List.of("10", "200.50", "gold"), List.of("20", "200.00", "gold"),
                List.of("30", "5.00", "silver")), project.rows("select * from main.customer_tiers order by 1"));
        assertEquals("BIGINT,DECIMAL(18,2),VARCHAR", project.value("select string_agg(data_type, ',' order by "
                + "ordinal_position) from information_schema.columns where table_name = 'customer_tiers'"));
        assertEquals("BASE TABLE", project.tableType("customer_tiers"));
        // a SQL model reads the Java model
        assertEquals(List.of(List.of("10"), List.of("20")),
                project.rows("select customer_id from gold_customers order by 1"));
        // the rows file is gone once the table is built
        assertEquals(List.of(), files(dir.resolve("target/java_models/rows"), ".ndjson"));
    }

    @Test
    void manifestAndLsShowJavaModels() throws IOException {
        project.runOk("parse");
        JsonNode node = project.json("target/manifest.json").path("nodes").path("model.java_models.customer_tiers");
        assertEquals("java", node.path("language").asText());
        assertEquals(Files.readString(dir.resolve("models/marts/customer_tiers.java")).strip(),
                node.path("raw_code").asText().strip());
        assertEquals("model.java_models.customer_totals", node.path("depends_on").path("nodes").get(0).asText());
        assertEquals("table", node.path("config").path("materialized").asText());
        assertEquals("[\"mart\"]", node.path("config").path("tags").toString());
        JsonNode totals = project.json("target/manifest.json").path("nodes").path("model.java_models.customer_totals");
        // @Config on the class is the model's own config
        assertEquals("[\"java\",\"totals\"]", totals.path("config").path("tags").toString());
        assertEquals("sql", project.json("target/manifest.json").path("nodes").path("model.java_models.stg_orders")
                .path("language").asText());
        project.runOk("ls", "--resource-type", "model", "--output", "json", "--output-keys", "name", "language")
                .assertOutContains("{\"name\": \"customer_tiers\", \"language\": \"java\"}",
                        "{\"name\": \"stg_orders\", \"language\": \"sql\"}");
    }

    @Test
    void selectionTreatsJavaModelsLikeSqlModels() {
        assertEquals(List.of("java_models.marts.customer_tiers", "java_models.marts.gold_customers"),
                project.runOk("ls", "--resource-type", "model", "--select", "path:models/marts").outLines());
        assertEquals(List.of("java_models.customer_totals"),
                project.runOk("ls", "--resource-type", "model", "--select", "tag:java").outLines());
        assertEquals(List.of("java_models.marts.customer_tiers", "java_models.customer_totals",
                        "java_models.marts.gold_customers"),
                project.runOk("ls", "--resource-type", "model", "--select", "customer_totals+").outLines());
        project.runOk("seed");
        project.runOk("run", "--select", "+customer_tiers").assertOutContains("PASS=3");
        assertEquals("BASE TABLE", project.tableType("customer_tiers"));
        assertEquals(null, project.tableType("gold_customers"));
    }

    @Test
    void anUnchangedModelIsNotCompiledAgain() throws IOException {
        project.runOk("build");
        Path classes = dir.resolve("target/java_models/classes");
        List<Path> first = files(classes, ".class");
        assertEquals(2, first.size(), first::toString);
        long before = Files.getLastModifiedTime(first.get(0)).toMillis();
        project.runOk("run");
        List<Path> second = files(classes, ".class");
        assertEquals(first, second);
        assertEquals(before, Files.getLastModifiedTime(second.get(0)).toMillis());
        project.file("models/customer_totals.java", project.read("models/customer_totals.java")
                .replace("count(*) as n_orders", "count(*) as n_orders, max(amount) as biggest"));
        project.runOk("run", "--select", "customer_totals");
        assertEquals(3, files(classes, ".class").size());
        assertEquals("200.0", project.value("select biggest from customer_totals where customer_id = 20"));
    }

    @Test
    void aCompileErrorNamesFileAndLineAndBuildsNothing() {
        project.runOk("build");
        // a build would now change customer_totals; the broken model must stop it first
        project.file("seeds/raw_orders.csv", "id,customer_id,amount,ordered_on\n1,99,1,2024-01-01\n");
        project.file("models/broken.java", """
                import dev.mallard.api.*;

                public class Broken implements JavaModel {
                    public ModelOutput run(ModelContext ctx) {
                        int x = "not a number";
                        return ModelOutput.query("select 1 as a from " + ctx.ref("stg_orders"));
                    }
                }
                """);
        CommandResult r = project.run("build").assertFailed()
                .assertErrContains("models/broken.java:5", "incompatible types");
        assertFalse(r.all().contains("\tat "), r::transcript);
        assertEquals("3", project.value("select count(*) from customer_totals"));
        assertEquals("4", project.value("select count(*) from raw_orders"));
    }

    @Test
    void aSyntaxErrorOrANonLiteralRefFailsAtParse() {
        project.file("models/broken.java", """
                import dev.mallard.api.*;

                public class Broken implements JavaModel {
                    public ModelOutput run(ModelContext ctx) {
                        return ModelOutput.query("select 1 from " + ctx.ref("stg_orders")
                    }
                }
                """);
        project.run("ls").assertFailed().assertErrContains("models/broken.java:5", "Java syntax error")
                .assertNoJavaInternals();
        project.file("models/broken.java", """
                import dev.mallard.api.*;

                public class Broken implements JavaModel {
                    public ModelOutput run(ModelContext ctx) {
                        String name = "stg_orders";
                        return ModelOutput.query("select 1 from " + ctx.ref(name));
                    }
                }
                """);
        project.run("ls").assertFailed().assertErrContains("models/broken.java:6", "string literals only")
                .assertNoJavaInternals();
    }

    @Test
    void aFailingModelIsANodeErrorAtItsLineAndKeepsTheOldTable() {
        project.runOk("build");
        project.file("models/customer_totals.java", """
                import dev.mallard.api.*;

                public class CustomerTotals implements JavaModel {
                    public ModelOutput run(ModelContext ctx) {
                        ctx.ref("stg_orders");
                        throw new IllegalStateException("the upstream API said no");
                    }
                }
                """);
        project.run("run").assertExit(1).assertOutContains("models/customer_totals.java:6",
                "Java model 'customer_totals' failed", "the upstream API said no", "SKIP=2");
        assertEquals("3", project.value("select count(*) from customer_totals"));
    }

    @Test
    void failingDataAndUnitTestsOnAJavaModelFail() {
        project.file("models/more_tests.yml", """
                unit_tests:
                  - name: tiers_wrong
                    model: customer_tiers
                    given:
                      - input: ref('customer_totals')
                        rows:
                          - {customer_id: 1, total: 10}
                    expect:
                      rows:
                        - {customer_id: 1, total: 10, tier: gold}
                """);
        project.run("build").assertExit(1).assertOutContains("FAIL 1 customer_tiers::tiers_wrong");
        project.delete("models/more_tests.yml");
        project.file("models/schema.yml", project.read("models/schema.yml").replace("values: [gold, silver]",
                "values: [gold]"));
        project.run("build").assertExit(1).assertOutContains("FAIL 1 accepted_values_customer_tiers_tier__gold");
    }

    @Test
    void anIncrementalJavaModelAddsOnlyNewRows() {
        project.file("models/order_log.java", """
                import dev.mallard.api.*;

                @Config({"materialized: incremental", "unique_key: id"})
                public class OrderLog implements JavaModel {
                    public ModelOutput run(ModelContext ctx) {
                        String newOnly = ctx.isIncremental()
                                ? " where id > (select max(id) from " + ctx.self() + ")" : "";
                        RowWriter out = ctx.rows(Column.of("id", "INTEGER"), Column.of("ordered_on", "DATE"),
                                Column.of("run", "VARCHAR"));
                        for (var r : ctx.sql("select id, ordered_on from " + ctx.ref("stg_orders") + newOnly)) {
                            out.row(r.get("id"), r.get("ordered_on"), ctx.var("run_name", "first"));
                        }
                        return out;
                    }
                }
                """);
        project.runOk("build", "--select", "+order_log");
        project.file("seeds/raw_orders.csv", project.read("seeds/raw_orders.csv") + "5,40,12,2024-02-01\n");
        project.runOk("build", "--select", "+order_log", "--vars", "{run_name: second}");
        assertEquals(List.of(List.of("1", "2024-01-02", "first"), List.of("2", "2024-01-03", "first"),
                        List.of("3", "2024-01-05", "first"), List.of("4", "2024-01-07", "first"),
                        List.of("5", "2024-02-01", "second")),
                project.rows("select id, ordered_on, run from order_log order by id"));
        project.runOk("build", "--select", "order_log", "--full-refresh", "--vars", "{run_name: third}");
        assertEquals("5", project.value("select count(*) from order_log where run = 'third'"));
    }

    @Test
    void anEphemeralInputIsInjectedIntoTheReturnedQueryAndEmptyReadsNoRows() {
        project.file("models/orders_per_customer.sql", """
                {{ config(materialized='ephemeral') }}
                select customer_id, count(*) as n from {{ ref('stg_orders') }} group by 1
                """);
        project.file("models/busy_customers.java", """
                import dev.mallard.api.*;

                public class BusyCustomers implements JavaModel {
                    public ModelOutput run(ModelContext ctx) {
                        return ModelOutput.query("select customer_id from " + ctx.ref("orders_per_customer")
                                + " where n > 1");
                    }
                }
                """);
        project.runOk("build");
        assertEquals(List.of(List.of("10")), project.rows("select * from busy_customers"));
        project.runOk("run", "--select", "busy_customers", "customer_tiers", "--empty");
        assertEquals("0", project.value("select count(*) from busy_customers"));
        assertEquals("0", project.value("select count(*) from customer_tiers"));
    }

    @Test
    void aFailingQueryOfTheModelNamesTheModelsLine() {
        project.runOk("seed");
        project.file("models/bad_query.java", """
                import dev.mallard.api.*;

                public class BadQuery implements JavaModel {
                    public ModelOutput run(ModelContext ctx) {
                        String from = ctx.ref("stg_orders");
                        var rows = ctx.sql("select no_such_column from " + from);
                        return ModelOutput.query("select 1 as a");
                    }
                }
                """);
        project.run("run", "--select", "+bad_query").assertExit(1)
                .assertOutContains("models/bad_query.java:6", "no_such_column");
    }

    private static List<Path> files(Path root, String suffix) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
