package dev.mallard.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mallard.core.engine.QueryResult;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code show --output json}: {@code {"node": ..., "show": [{column: value}, ...]}}, indented as dbt prints it. */
final class PreviewJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"))
            .withObjectIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));

    private PreviewJson() {
    }

    static List<Map<String, Object>> rows(QueryResult result) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (List<Object> row : result.rows()) {
            Map<String, Object> r = new LinkedHashMap<>();
            for (int i = 0; i < result.columns().size(); i++) {
                r.put(result.columns().get(i).name(), value(row.get(i)));
            }
            rows.add(r);
        }
        return rows;
    }

    static String document(String node, List<Map<String, Object>> rows) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("node", node);
        doc.put("show", rows);
        return write(doc, true);
    }

    static String write(Object value, boolean pretty) {
        try {
            return pretty ? JSON.writer(PRETTY).writeValueAsString(value) : JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the preview as JSON", e);
        }
    }

    /** Numbers, booleans and null stay as they are; everything else (dates, times, ...) as its text. */
    private static Object value(Object v) {
        if (v == null || v instanceof Boolean || v instanceof Integer || v instanceof Long || v instanceof Double
                || v instanceof Float || v instanceof BigDecimal || v instanceof java.math.BigInteger
                || v instanceof Short || v instanceof Byte) {
            return v;
        }
        return String.valueOf(v);
    }
}
