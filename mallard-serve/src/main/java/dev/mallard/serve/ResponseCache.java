package dev.mallard.serve;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Bodies of recent rows responses, keyed by the published version they were read from and
 * the parsed request (columns, filters, order, limit, offset, format and the token's scope).
 * A published version never changes, so the same key always means the same bytes; a new
 * version has a new key, and old entries age out. Bounded in entries and in bytes.
 */
final class ResponseCache {
    static final int MAX_ENTRIES = 4096;
    static final long MAX_BYTES = 64L * 1024 * 1024;
    static final int MAX_BODY = 256 * 1024;

    private final Map<String, byte[]> entries = new LinkedHashMap<>(256, 0.75f, true);
    private long bytes;

    static String key(PublishedVersion v, RowsQuery q, RowsQuery.Filter scope) {
        return v.identity() + '\u0000' + v.spec().name() + '\u0000' + (scope == null ? "" : scope) + '\u0000' + q;
    }

    synchronized byte[] get(String key) {
        return entries.get(key);
    }

    synchronized void put(String key, byte[] body) {
        if (body.length > MAX_BODY) {
            return;
        }
        byte[] old = entries.put(key, body);
        bytes += body.length - (old == null ? 0 : old.length);
        var it = entries.entrySet().iterator();
        while ((entries.size() > MAX_ENTRIES || bytes > MAX_BYTES) && it.hasNext()) {
            bytes -= it.next().getValue().length;
            it.remove();
        }
    }
}
