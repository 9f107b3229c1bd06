package dev.mallard.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The response cache: keyed by version and parsed request, bounded, never holding large bodies. */
class ResponseCacheTest {
    private static final List<Column> SCHEMA = List.of(new Column("id", "BIGINT"));
    private static final DatasetSpec SPEC = new DatasetSpec("d", Path.of("/m/d.parquet"), false, null);

    private static PublishedVersion version(String identity) {
        return new PublishedVersion(SPEC, PublishedVersion.PARQUET, "/m/d.parquet", identity, Instant.EPOCH);
    }

    private static RowsQuery query(String id) {
        return RowsQuery.parse("d", SCHEMA, Map.of("id", List.of(id)), null);
    }

    @Test
    void aNewVersionOrAnotherRequestOrScopeIsAnotherKey() {
        String key = ResponseCache.key(version("v1"), query("1"), null);
        assertEquals(key, ResponseCache.key(version("v1"), query("1"), null));
        assertNotEquals(key, ResponseCache.key(version("v2"), query("1"), null));
        assertNotEquals(key, ResponseCache.key(version("v1"), query("2"), null));
        assertNotEquals(key, ResponseCache.key(version("v1"), query("1"),
                new RowsQuery.Filter(SCHEMA.get(0), FilterOp.EQ, List.of("42"))));
    }

    /** The reviewer's poisoning request: one filter value spelling out a second filter. */
    @Test
    void noFilterValueCanSpellAnotherRequestsKey() {
        List<Column> schema = List.of(new Column("status", "VARCHAR"), new Column("note", "VARCHAR"));
        java.util.Map<String, List<String>> honest = new java.util.LinkedHashMap<>();
        honest.put("status", List.of("open"));
        honest.put("note", List.of("n3"));
        RowsQuery real = RowsQuery.parse("d", schema, honest, null);
        String forged = "open]], Filter[column=Column[name=note, type=VARCHAR], op=EQ, values=[n3";
        RowsQuery crafted = RowsQuery.parse("d", schema, Map.of("status", List.of(forged)), null);
        assertNotEquals(ResponseCache.key(version("v1"), real, null), ResponseCache.key(version("v1"), crafted, null));
    }

    @Test
    void boundedAndSkipsLargeBodies() {
        ResponseCache cache = new ResponseCache();
        cache.put("big", new byte[ResponseCache.MAX_BODY + 1]);
        assertNull(cache.get("big"));
        for (int i = 0; i <= ResponseCache.MAX_ENTRIES; i++) {
            cache.put("k" + i, new byte[] {(byte) i});
        }
        assertNull(cache.get("k0"), "the least recently used entry goes first");
        assertArrayEquals(new byte[] {(byte) ResponseCache.MAX_ENTRIES}, cache.get("k" + ResponseCache.MAX_ENTRIES));
    }
}
