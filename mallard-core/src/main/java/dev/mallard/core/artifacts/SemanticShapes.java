package dev.mallard.core.artifacts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The semantic layer's YAML in manifest v12's shapes, so that dbt reads Mallard's manifest
 * (as {@code --state}, or its docs page): a measure or metric named by a string becomes an
 * object with dbt's defaults, a filter or where clause becomes a where-filter intersection,
 * a window like {@code 7 days} becomes {@code {count, granularity}}, and only the fields
 * dbt's artifact schema knows are written.
 */
final class SemanticShapes {
    private static final Pattern WINDOW = Pattern.compile("\\s*(\\d+)\\s+(\\w+?)s?\\s*");

    private SemanticShapes() {
    }

    static Map<String, Object> metricTypeParams(Map<String, Object> y) {
        Map<String, Object> p = new LinkedHashMap<>();
        Map<String, Object> measure = y.get("measure") == null ? null : measureInput(y.get("measure"));
        p.put("measure", measure);
        List<Object> inputs = new ArrayList<>();
        if (measure != null) {
            inputs.add(measure);
        }
        p.put("numerator", y.get("numerator") == null ? null : metricInput(y.get("numerator")));
        p.put("denominator", y.get("denominator") == null ? null : metricInput(y.get("denominator")));
        p.put("expr", text(y.get("expr")));
        p.put("window", window(y.get("window")));
        p.put("grain_to_date", text(y.get("grain_to_date")));
        List<Object> metrics = new ArrayList<>();
        for (Object m : list(y.get("metrics"))) {
            metrics.add(metricInput(m));
        }
        p.put("metrics", metrics);
        Map<String, Object> conversion = null;
        if (y.get("conversion_type_params") instanceof Map<?, ?> c) {
            Map<String, Object> cy = map(c);
            conversion = new LinkedHashMap<>();
            conversion.put("base_measure", measureInput(cy.get("base_measure")));
            conversion.put("conversion_measure", measureInput(cy.get("conversion_measure")));
            conversion.put("entity", text(cy.get("entity")));
            conversion.put("calculation", cy.getOrDefault("calculation", "conversion_rate"));
            conversion.put("window", window(cy.get("window")));
            conversion.put("constant_properties", cy.get("constant_properties"));
            inputs.add(conversion.get("base_measure"));
            inputs.add(conversion.get("conversion_measure"));
        }
        p.put("input_measures", inputs);
        p.put("conversion_type_params", conversion);
        Map<String, Object> cumulative = null;
        if (y.get("cumulative_type_params") instanceof Map<?, ?> c) {
            Map<String, Object> cy = map(c);
            cumulative = new LinkedHashMap<>();
            cumulative.put("window", window(cy.get("window")));
            cumulative.put("grain_to_date", text(cy.get("grain_to_date")));
            cumulative.put("period_agg", cy.getOrDefault("period_agg", "first"));
            cumulative.put("metric", cy.get("metric") == null ? null : metricInput(cy.get("metric")));
        }
        p.put("cumulative_type_params", cumulative);
        p.put("metric_aggregation_params", null);
        return p;
    }

    /** A where clause (a string or a list of them) as dbt's {@code {where_filters: [{where_sql_template}]}}. */
    static Map<String, Object> filter(Object where) {
        if (where == null) {
            return null;
        }
        if (where instanceof Map<?, ?> m && m.get("where_filters") != null) {
            return map(m);
        }
        List<Object> filters = new ArrayList<>();
        for (Object w : where instanceof List<?> l ? l : List.of(where)) {
            filters.add(Map.of("where_sql_template", String.valueOf(w)));
        }
        return Map.of("where_filters", filters);
    }

    static Map<String, Object> measureInput(Object m) {
        Map<String, Object> y = m instanceof Map<?, ?> mm ? map(mm) : Map.of("name", String.valueOf(m));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", text(y.get("name")));
        out.put("filter", filter(y.get("filter")));
        out.put("alias", text(y.get("alias")));
        out.put("join_to_timespine", Boolean.TRUE.equals(y.get("join_to_timespine")));
        out.put("fill_nulls_with", y.get("fill_nulls_with"));
        return out;
    }

    static Map<String, Object> metricInput(Object m) {
        Map<String, Object> y = m instanceof Map<?, ?> mm ? map(mm) : Map.of("name", String.valueOf(m));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", text(y.get("name")));
        out.put("filter", filter(y.get("filter")));
        out.put("alias", text(y.get("alias")));
        out.put("offset_window", window(y.get("offset_window")));
        out.put("offset_to_grain", text(y.get("offset_to_grain")));
        return out;
    }

    /** {@code 7 days} as {@code {count: 7, granularity: day}}; an object as given. */
    static Object window(Object w) {
        if (w == null || w instanceof Map<?, ?>) {
            return w;
        }
        Matcher m = WINDOW.matcher(String.valueOf(w));
        if (!m.matches()) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("count", Integer.parseInt(m.group(1)));
        out.put("granularity", m.group(2).toLowerCase(java.util.Locale.ROOT));
        return out;
    }

    static List<Object> entities(Object entries, Map<String, Object> modelMeta) {
        List<Object> out = new ArrayList<>();
        for (Object o : list(entries)) {
            Map<String, Object> y = map(o);
            Map<String, Object> e = element(y);
            e.put("type", text(y.get("type")));
            e.put("role", text(y.get("role")));
            e.put("expr", text(y.get("expr")));
            e.put("config", elementConfig(y, modelMeta));
            out.add(e);
        }
        return out;
    }

    static List<Object> measures(Object entries, Map<String, Object> modelMeta) {
        List<Object> out = new ArrayList<>();
        for (Object o : list(entries)) {
            Map<String, Object> y = map(o);
            Map<String, Object> e = element(y);
            e.put("agg", text(y.get("agg")));
            // dbt writes false even for a measure with create_metric: true, once its metric is made
            e.put("create_metric", false);
            e.put("expr", text(y.get("expr")));
            e.put("agg_params", y.get("agg_params"));
            e.put("non_additive_dimension", y.get("non_additive_dimension"));
            e.put("agg_time_dimension", text(y.get("agg_time_dimension")));
            e.put("config", elementConfig(y, modelMeta));
            out.add(e);
        }
        return out;
    }

    static List<Object> dimensions(Object entries, Map<String, Object> modelMeta) {
        List<Object> out = new ArrayList<>();
        for (Object o : list(entries)) {
            Map<String, Object> y = map(o);
            Map<String, Object> e = element(y);
            e.put("type", text(y.get("type")));
            e.put("is_partition", Boolean.TRUE.equals(y.get("is_partition")));
            Map<String, Object> params = null;
            if (y.get("type_params") instanceof Map<?, ?> p) {
                params = new LinkedHashMap<>();
                params.put("time_granularity", text(map(p).get("time_granularity")));
                params.put("validity_params", map(p).get("validity_params"));
            }
            e.put("type_params", params);
            e.put("expr", text(y.get("expr")));
            e.put("metadata", null);
            e.put("config", elementConfig(y, modelMeta));
            out.add(e);
        }
        return out;
    }

    static Map<String, Object> queryParams(Object params) {
        Map<String, Object> y = map(params);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("metrics", strings(y.get("metrics")));
        out.put("group_by", strings(y.get("group_by")));
        out.put("where", filter(y.get("where")));
        out.put("order_by", strings(y.get("order_by")));
        out.put("limit", y.get("limit"));
        return out;
    }

    static List<Object> exports(Object entries) {
        List<Object> out = new ArrayList<>();
        for (Object o : list(entries)) {
            Map<String, Object> y = map(o);
            Map<String, Object> config = map(y.get("config"));
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("export_as", config.getOrDefault("export_as", "table"));
            c.put("schema_name", text(config.getOrDefault("schema_name", config.get("schema"))));
            c.put("alias", text(config.get("alias")));
            c.put("database", text(config.get("database")));
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("name", text(y.get("name")));
            e.put("config", c);
            e.put("unrendered_config", Map.of());
            out.add(e);
        }
        return out;
    }

    private static Map<String, Object> element(Map<String, Object> y) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("name", text(y.get("name")));
        e.put("description", text(y.get("description")));
        e.put("label", text(y.get("label")));
        return e;
    }

    /** An element's config: its semantic model's config meta, then its own meta over it. */
    private static Map<String, Object> elementConfig(Map<String, Object> y, Map<String, Object> modelMeta) {
        Map<String, Object> meta = new LinkedHashMap<>(modelMeta);
        meta.putAll(map(y.get("meta")));
        meta.putAll(map(map(y.get("config")).get("meta")));
        return Map.of("meta", meta);
    }

    private static List<Object> strings(Object o) {
        List<Object> out = new ArrayList<>();
        list(o).forEach(v -> out.add(String.valueOf(v)));
        return out;
    }

    private static List<?> list(Object o) {
        return o instanceof List<?> l ? l : o == null ? List.of() : List.of(o);
    }

    private static String text(Object o) {
        return o == null ? null : String.valueOf(o);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
