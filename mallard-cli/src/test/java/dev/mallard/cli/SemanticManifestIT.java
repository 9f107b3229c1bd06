package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * target/semantic_manifest.json, which dbt writes with manifest.json (the shapes expected here
 * were read from dbt-core 1.11.16's file for the same project).
 */
class SemanticManifestIT {
    @TempDir
    Path dir;

    @Test
    void aProjectWithoutASemanticLayerGetsTheEmptyFile() {
        TestProject p = TestProject.in(dir).dbtProject().file("models/a.sql", "select 1 as id");
        p.runOk("parse");
        JsonNode doc = p.json("target/semantic_manifest.json");
        assertEquals(List.of("semantic_models", "metrics", "project_configuration", "saved_queries"), keys(doc));
        assertEquals(0, doc.path("semantic_models").size());
        assertEquals("{\"time_spine_table_configurations\":[],\"metadata\":null,\"dsi_package_version\":"
                + "{\"major_version\":\"0\",\"minor_version\":\"9\",\"patch_version\":\"0\"},\"time_spines\":[]}",
                doc.path("project_configuration").toString());
    }

    @Test
    void semanticModelsMetricsSavedQueriesAndTimeSpinesInDbtSemanticInterfacesShapes() {
        TestProject p = TestProject.in(dir).dbtProject()
                .file("models/orders.sql", "select 1 as order_id, 10.5 as amount, date '2024-01-01' as ordered_at")
                .file("models/metricflow_time_spine.sql", "select date '2024-01-01' as date_day")
                .file("models/schema.yml", """
                        models:
                          - name: metricflow_time_spine
                            time_spine:
                              standard_granularity_column: date_day
                            columns:
                              - name: date_day
                                granularity: day
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
                            measures:
                              - {name: order_total, agg: sum, expr: amount}
                        metrics:
                          - name: revenue
                            label: Revenue
                            type: simple
                            type_params: {measure: order_total}
                        saved_queries:
                          - name: daily_revenue
                            query_params:
                              metrics: [revenue]
                              group_by: ["TimeDimension('order__ordered_at', 'day')"]
                        """);
        p.runOk("parse");
        JsonNode doc = p.json("target/semantic_manifest.json");
        JsonNode model = doc.path("semantic_models").path(0);
        assertEquals(List.of("name", "defaults", "description", "node_relation", "primary_entity", "entities",
                "measures", "dimensions", "label", "metadata", "config"), keys(model));
        assertEquals("{\"alias\":\"orders\",\"schema_name\":\"main\",\"database\":\"proj\",\"relation_name\":"
                + "\"\\\"proj\\\".\\\"main\\\".\\\"orders\\\"\"}", model.path("node_relation").toString());
        assertEquals("{\"name\":\"order\",\"description\":null,\"type\":\"primary\",\"role\":null,\"expr\":\"order_id\","
                + "\"metadata\":null,\"label\":null,\"config\":{\"meta\":{}}}", model.path("entities").path(0).toString());
        assertEquals(List.of("name", "agg", "description", "create_metric", "expr", "agg_params", "metadata",
                "non_additive_dimension", "agg_time_dimension", "label", "config"), keys(model.path("measures").path(0)));
        assertEquals("{\"meta\":{}}", model.path("config").toString());
        JsonNode metric = doc.path("metrics").path(0);
        assertEquals(List.of("name", "description", "type", "type_params", "filter", "metadata", "label", "config",
                "time_granularity"), keys(metric));
        assertEquals(List.of("measure", "numerator", "denominator", "expr", "window", "grain_to_date", "metrics",
                "conversion_type_params", "cumulative_type_params", "input_measures"), keys(metric.path("type_params")));
        assertEquals("order_total", metric.path("type_params").path("input_measures").path(0).path("name").asText());
        JsonNode query = doc.path("saved_queries").path(0);
        assertEquals(List.of("metrics", "group_by", "order_by", "limit", "where"), keys(query.path("query_params")));
        JsonNode spine = doc.path("project_configuration").path("time_spines").path(0);
        assertEquals("metricflow_time_spine", spine.path("node_relation").path("alias").asText(), doc.toString());
        assertEquals("{\"name\":\"date_day\",\"time_granularity\":\"day\"}", spine.path("primary_column").toString());
        assertTrue(spine.path("custom_granularities").isArray());
    }

    private TestProject withSemanticModel() {
        return TestProject.in(dir).dbtProject()
                .file("models/orders.sql", "select 1 as order_id, date '2024-01-01' as ordered_at")
                .file("models/sm.yml", """
                        semantic_models:
                          - name: orders_sm
                            model: ref('orders')
                            defaults: {agg_time_dimension: ordered_at}
                            entities:
                              - {name: order, type: primary, expr: order_id}
                            dimensions:
                              - {name: ordered_at, type: time, type_params: {time_granularity: day}}
                        """);
    }

    @Test
    void aSemanticLayerWithoutATimeSpineOfADayFailsTheParseAsDbtsDoes() {
        TestProject p = withSemanticModel();
        p.run("parse").assertExit(2).assertOutputContains("The semantic layer requires a time spine model with "
                + "granularity DAY or smaller in the project, but none was found.");
        // a spine of months is not enough
        p.file("models/month_spine.sql", "select date '2024-01-01' as month_start")
                .file("models/spine.yml", """
                        models:
                          - name: month_spine
                            time_spine: {standard_granularity_column: month_start}
                            columns:
                              - {name: month_start, granularity: month}
                        """);
        p.run("parse").assertExit(2).assertOutputContains("time spine model with granularity DAY or smaller");
    }

    @Test
    void theLegacyMetricflowTimeSpineModelIsATimeSpineTableConfiguration() {
        TestProject p = withSemanticModel().file("models/metricflow_time_spine.sql",
                "select date '2024-01-01' as date_day");
        p.runOk("parse");
        JsonNode configuration = p.json("target/semantic_manifest.json").path("project_configuration");
        assertEquals("[{\"location\":\"\\\"proj\\\".\\\"main\\\".\\\"metricflow_time_spine\\\"\","
                + "\"column_name\":\"date_day\",\"grain\":\"day\"}]",
                configuration.path("time_spine_table_configurations").toString());
        assertEquals(0, configuration.path("time_spines").size());
    }

    @Test
    void aMetricsOwnMetaStaysOutOfItsConfigAndAConfigMetaReplacesIt() {
        TestProject p = withSemanticModel()
                .file("models/metricflow_time_spine.sql", "select date '2024-01-01' as date_day")
                .file("models/metrics.yml", """
                        metrics:
                          - name: top_only
                            label: a
                            type: simple
                            type_params: {measure: orders_count}
                            meta: {owner: top}
                          - name: both
                            label: b
                            type: simple
                            type_params: {measure: orders_count}
                            meta: {owner: top, tier: 1}
                            config:
                              meta: {owner: cfg}
                        """);
        p.file("models/sm.yml", p.read("models/sm.yml") + """
                            measures:
                              - {name: orders_count, agg: count, expr: order_id}
                        """);
        p.runOk("parse");
        // dbt-core 1.11.16 on these files: the metric's meta is its config meta when it has one
        // (the top-level meta is then dropped), else the top-level meta, which config.meta does not get
        JsonNode metrics = p.json("target/manifest.json").path("metrics");
        assertEquals("{\"owner\":\"top\"}", metrics.path("metric.proj.top_only").path("meta").toString());
        assertEquals("{}", metrics.path("metric.proj.top_only").path("config").path("meta").toString());
        assertEquals("{\"owner\":\"cfg\"}", metrics.path("metric.proj.both").path("meta").toString());
        assertEquals("{\"owner\":\"cfg\"}", metrics.path("metric.proj.both").path("config").path("meta").toString());
        JsonNode semantic = p.json("target/semantic_manifest.json").path("metrics");
        for (JsonNode m : semantic) {
            assertEquals("top_only".equals(m.path("name").asText()) ? "{}" : "{\"owner\":\"cfg\"}",
                    m.path("config").path("meta").toString(), m.toString());
        }
    }

    @Test
    void aSemanticModelsConfigMetaReachesItsElementsAndCreatedMetricsComeLast() {
        // dbt-core 1.11.16 on these files: each entity, measure and dimension gets the semantic
        // model's config meta, a measure's create_metric reads false once its metric is made, and
        // the metrics made from measures follow the metrics the files declare
        TestProject p = TestProject.in(dir).dbtProject()
                .file("models/orders.sql", "select 1 as order_id, date '2024-01-01' as ordered_at")
                .file("models/metricflow_time_spine.sql", "select date '2024-01-01' as date_day")
                .file("models/sm.yml", """
                        semantic_models:
                          - name: orders_sm
                            model: ref('orders')
                            config:
                              meta: {owner: fin}
                            defaults: {agg_time_dimension: ordered_at}
                            entities:
                              - {name: order, type: primary, expr: order_id}
                            dimensions:
                              - {name: ordered_at, type: time, type_params: {time_granularity: day}}
                            measures:
                              - {name: order_count, agg: count, expr: order_id, create_metric: true}
                        metrics:
                          - name: declared
                            label: Declared
                            type: simple
                            type_params: {measure: order_count}
                        """);
        p.runOk("parse");
        JsonNode manifest = p.json("target/manifest.json");
        JsonNode model = manifest.path("semantic_models").path("semantic_model.proj.orders_sm");
        for (String part : List.of("entities", "measures", "dimensions")) {
            assertEquals("{\"owner\":\"fin\"}", model.path(part).path(0).path("config").path("meta").toString(), part);
        }
        assertEquals("false", model.path("measures").path(0).path("create_metric").toString());
        assertEquals(List.of("metric.proj.declared", "metric.proj.order_count"), keys(manifest.path("metrics")));
        JsonNode semantic = p.json("target/semantic_manifest.json");
        assertEquals("declared", semantic.path("metrics").path(0).path("name").asText());
        assertEquals("order_count", semantic.path("metrics").path(1).path("name").asText());
        assertEquals("{\"owner\":\"fin\"}", semantic.path("semantic_models").path(0).path("measures").path(0)
                .path("config").path("meta").toString());
    }

    @Test
    void anInvalidSemanticNameFailsTheParseAsDbtsValidationDoes() {
        // dbt-core 1.11.16: a metric named x (one character) or Cfg (upper case) fails the parse
        TestProject p = withSemanticModel()
                .file("models/metricflow_time_spine.sql", "select date '2024-01-01' as date_day")
                .file("models/metrics.yml", """
                        metrics:
                          - {name: x, label: a, type: simple, type_params: {measure: orders_count}}
                          - {name: Cfg, label: b, type: simple, type_params: {measure: orders_count}}
                        """);
        p.file("models/sm.yml", p.read("models/sm.yml") + """
                            measures:
                              - {name: orders_count, agg: count, expr: order_id}
                        """);
        p.run("parse").assertExit(2).assertOutputContains("Invalid name `x` - names may only contain lower case "
                + "letters, numbers, and underscores.").assertOutputContains("Invalid name `Cfg`")
                .assertOutputContains("Semantic Manifest validation failed.");
    }

    private static List<String> keys(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
