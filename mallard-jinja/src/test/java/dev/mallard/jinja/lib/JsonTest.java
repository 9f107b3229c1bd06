package dev.mallard.jinja.lib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mallard.jinja.value.JinjaError;
import dev.mallard.jinja.value.Undefined;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The tojson filter refuses what json.dumps refuses; dbt's tojson() function, which shares
 * the writer, is pinned by core's DataFunctionsTest.
 */
class JsonTest {
    private static String error(Object value) {
        return assertThrows(JinjaError.class, () -> Json.htmlSafe(value, null)).getMessage();
    }

    @Test
    void filterRefusesDecimalsAndUndefinedAsJsonDumpsDoes() {
        assertEquals("Object of type Decimal is not JSON serializable", error(new BigDecimal("1.5")));
        assertEquals("keys must be str, int, float, bool or None, not float",
                error(Map.of(new BigDecimal("1.5"), 1L)));
        assertEquals("Object of type Undefined is not JSON serializable", error(Undefined.name("x", true)));
        assertEquals("Object of type Undefined is not JSON serializable", error(Undefined.name("x", false)));
    }

    @Test
    void filterStopsAtACycleAndAt500Levels() {
        List<Object> loop = new ArrayList<>();
        loop.add(loop);
        assertEquals("Circular reference detected", error(loop));
        Map<Object, Object> dict = new LinkedHashMap<>();
        dict.put("self", dict);
        assertEquals("Circular reference detected", error(dict));
        assertEquals("Circular reference detected", error(nested(501)));
        assertEquals("[".repeat(501) + "]".repeat(501), Json.htmlSafe(nested(500), null));
    }

    @Test
    void sharedContainersAreNoCycle() {
        List<Object> shared = List.of(1L);
        assertEquals("[[1], {\"a\": [1]}]", Json.htmlSafe(List.of(shared, Map.of("a", shared)), null));
    }

    static List<Object> nested(int depth) {
        List<Object> outer = new ArrayList<>();
        List<Object> l = outer;
        for (int i = 0; i < depth; i++) {
            List<Object> inner = new ArrayList<>();
            l.add(inner);
            l = inner;
        }
        return outer;
    }
}
