package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dbt's semantic layer and groups: semantic models, metrics, saved queries and groups are
 * parsed, listed and selected as dbt 1.11 lists and selects them (the expected lists were
 * taken from dbt-core 1.11.16 on the same files), written to manifest.json in dbt's shapes,
 * and a saved query is NO-OP in build.
 */
class SemanticLayerIT {
    private static final String SCHEMA = """
            groups:
              - name: finance
                owner: {name: Fin Team, email: fin@example.com}
            models:
              - name: orders
                config: {group: finance}
                columns:
                  - name: order_id
                    tests: [unique]
            semantic_models:
              - name: orders_sm
                model: ref('orders')
                defaults: {agg_time_dimension: ordered_at}
                entities:
                  - {name: order, type: primary, expr: order_id}
                dimensions:
                  - name: ordered_at
                    type: time
                    type_params: {time_granularity: day}
                  - {name: customer, type: categorical}
                measures:
                  - {name: order_total, agg: sum, expr: amount}
                  - {name: order_count, agg: count, expr: order_id}
            metrics:
              - name: revenue
                label: Revenue
                type: simple
                type_params: {measure: order_total}
                filter: "{{ Dimension('order__customer') }} = 'a'"
              - name: orders
                label: Orders
                type: simple
                type_params: {measure: order_count}
              - name: revenue_per_order
                label: Revenue per order
                type: ratio
                type_params: {numerator: revenue, denominator: orders}
            saved_queries:
              - name: daily_revenue
                query_params:
                  metrics: [revenue]
                  group_by: ["TimeDimension('order__ordered_at', 'day')"]
            """;

    @TempDir
    Path dir;

    private TestProject project() {
        return TestProject.in(dir).dbtProject()
                .file("models/orders.sql", "select 1 as order_id, 10.5 as amount, date '2024-01-01' as ordered_at,"
                        + " 'a' as customer")
                .file("models/other.sql", "select 2 as id")
                // dbt's parse requires a time spine of a day with a semantic layer; this is its legacy form
                .file("models/metricflow_time_spine.sql", "select date '2024-01-01' as date_day")
                .file("models/schema.yml", SCHEMA);
    }

    private static List<String> ls(TestProject p, String... args) {
        return p.runOk("ls", args).out().lines().filter(l -> !l.isBlank()).toList();
    }

    @Test
    void listedAndSelectedAsDbtDoes() {
        TestProject p = project();
        assertEquals(List.of("metric:proj.orders", "metric:proj.revenue", "metric:proj.revenue_per_order",
                "proj.metricflow_time_spine", "proj.orders", "proj.other", "saved_query:proj.daily_revenue",
                "semantic_model:proj.orders_sm", "proj.unique_orders_order_id"), ls(p));
        assertEquals(List.of("metric:proj.revenue", "proj.orders", "saved_query:proj.daily_revenue",
                "semantic_model:proj.orders_sm", "proj.unique_orders_order_id"),
                ls(p, "--select", "+saved_query:daily_revenue"));
        assertEquals(List.of("metric:proj.revenue_per_order"), ls(p, "--select", "metric:revenue_per*"));
        assertEquals(List.of("metric:proj.orders", "metric:proj.revenue", "metric:proj.revenue_per_order"),
                ls(p, "--resource-type", "metric"));
        assertEquals(List.of("proj.orders", "proj.unique_orders_order_id"), ls(p, "--select", "group:finance"));
    }

    @Test
    void theManifestHoldsThemInDbtsShapes() {
        TestProject p = project();
        p.runOk("parse");
        JsonNode m = p.json("target/manifest.json");
        JsonNode revenue = m.path("metrics").path("metric.proj.revenue");
        assertEquals("order_total", revenue.path("type_params").path("measure").path("name").asText());
        assertEquals("order_total", revenue.path("type_params").path("input_measures").path(0).path("name").asText());
        assertEquals("{{ Dimension('order__customer') }} = 'a'",
                revenue.path("filter").path("where_filters").path(0).path("where_sql_template").asText());
        assertEquals(List.of("semantic_model.proj.orders_sm"), texts(revenue.path("depends_on").path("nodes")));
        // dbt derives a ratio's input measures from the metrics it reads
        JsonNode ratioInputs = m.path("metrics").path("metric.proj.revenue_per_order").path("type_params")
                .path("input_measures");
        assertEquals(List.of("order_total", "order_count"), List.of(ratioInputs.path(0).path("name").asText(),
                ratioInputs.path(1).path("name").asText()));
        assertEquals(2, ratioInputs.size());
        assertEquals(List.of("metric.proj.orders", "metric.proj.revenue"), texts(m.path("metrics")
                .path("metric.proj.revenue_per_order").path("depends_on").path("nodes")).stream().sorted().toList());
        JsonNode sm = m.path("semantic_models").path("semantic_model.proj.orders_sm");
        assertEquals(List.of("model.proj.orders"), texts(sm.path("depends_on").path("nodes")));
        assertEquals("orders", sm.path("node_relation").path("alias").asText());
        assertEquals("sum", sm.path("measures").path(0).path("agg").asText());
        assertEquals(List.of("metric.proj.revenue"), texts(m.path("saved_queries").path("saved_query.proj.daily_revenue")
                .path("depends_on").path("nodes")));
        assertEquals(List.of("metric.proj.revenue"), texts(m.path("parent_map").path("saved_query.proj.daily_revenue")));
        assertEquals("Fin Team", m.path("groups").path("group.proj.finance").path("owner").path("name").asText());
        assertEquals(List.of("model.proj.orders", "test.proj.unique_orders_order_id.fed79b3a6e"),
                texts(m.path("group_map").path("finance")));
    }

    @Test
    void aSavedQueryIsNoOpInBuild() throws Exception {
        TestProject p = project();
        p.runOk("build").assertOutContains("NO-OP saved query daily_revenue")
                .assertOutContains("PASS=4 WARN=0 ERROR=0 SKIP=0 NO-OP=1 TOTAL=5")
                .assertOutContains("Found 3 models, 1 test, 3 metrics");
        JsonNode results = p.json("target/run_results.json").path("results");
        List<String> statuses = new ArrayList<>();
        results.forEach(r -> statuses.add(r.path("unique_id").asText() + "=" + r.path("status").asText()));
        assertTrue(statuses.contains("saved_query.proj.daily_revenue=no-op"), statuses.toString());
        assertTrue(Files.exists(p.dir().resolve("target/manifest.json")));
    }

    @Test
    void aChangedMeasureIsModifiedAndAnUnchangedProjectIsNot() throws Exception {
        TestProject p = project();
        p.runOk("parse");
        Path state = dir.resolve("state");
        Files.createDirectories(state);
        Files.copy(p.dir().resolve("target/manifest.json"), state.resolve("manifest.json"));
        p.run("ls", "--select", "state:modified", "--state", state.toString()).assertOutContains("No nodes selected");
        p.file("models/schema.yml", SCHEMA.replace("expr: amount", "expr: amount * 2"));
        assertEquals(List.of("semantic_model:proj.orders_sm"),
                ls(p, "--select", "state:modified", "--state", state.toString()));
    }

    @Test
    void aMeasureNoSemanticModelDefinesIsAnErrorNamingTheFile() {
        TestProject p = project().file("models/schema.yml", SCHEMA.replace("measure: order_count",
                "measure: order_counts"));
        p.run("parse").assertExit(2).assertOutputContains("models/schema.yml")
                .assertOutputContains("metric 'orders' names the measure 'order_counts'");
    }

    @Test
    void aMeasureWithCreateMetricBecomesASimpleMetricOfItsName() {
        TestProject p = project().file("models/schema.yml", SCHEMA.replace("{name: order_count, agg: count,"
                + " expr: order_id}", "{name: order_count, agg: count, expr: order_id, create_metric: true}"));
        assertEquals(List.of("metric:proj.order_count", "metric:proj.orders", "metric:proj.revenue",
                "metric:proj.revenue_per_order"), ls(p, "--resource-type", "metric"));
        p.runOk("parse");
        JsonNode metric = p.json("target/manifest.json").path("metrics").path("metric.proj.order_count");
        assertEquals("simple", metric.path("type").asText());
        assertEquals("Metric created from measure order_count", metric.path("description").asText());
        assertEquals("order_count", metric.path("type_params").path("measure").path("name").asText());
        assertEquals(List.of("semantic_model.proj.orders_sm"), texts(metric.path("depends_on").path("nodes")));
    }

    @Test
    void aCreatedMetricNamedAsAnotherMetricIsAnError() {
        TestProject p = project().file("models/schema.yml", SCHEMA.replace("{name: order_count, agg: count,"
                + " expr: order_id}", "{name: order_count, agg: count, expr: order_id, create_metric: true}")
                .replace("- name: orders\n    label: Orders", "- name: order_count\n    label: Orders")
                .replace("denominator: orders", "denominator: order_count"));
        p.run("parse").assertExit(2).assertOutputContains("dbt found two metrics with the name \"order_count\"")
                .assertOutputContains("models/schema.yml");
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
