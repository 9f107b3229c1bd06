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

    /**
     * An unambiguous key: every part is length-prefixed, so no value a client sends can
     * make one request's key equal another's.
     */
    static String key(PublishedVersion v, RowsQuery q, RowsQuery.Filter scope) {
        StringBuilder k = new StringBuilder();
        part(k, v.identity());
        part(k, v.spec().name());
        filter(k, scope);
        k.append("c").append(q.columns().size());
        q.columns().forEach(c -> part(k, c.name()));
        k.append("f").append(q.filters().size());
        q.filters().forEach(f -> filter(k, f));
        k.append("o").append(q.order().size());
        q.order().forEach(o -> part(k, (o.descending() ? "-" : "+") + o.column().name()));
        k.append('l').append(q.limit()).append('o').append(q.offset()).append('f').append(q.format().name());
        return k.toString();
    }

    private static void filter(StringBuilder k, RowsQuery.Filter f) {
        if (f == null) {
            k.append("n;");
            return;
        }
        part(k, f.column().name());
        part(k, f.op().name());
        k.append(f.values().size()).append(';');
        f.values().forEach(v -> part(k, v));
    }

    private static void part(StringBuilder k, String s) {
        k.append(s.length()).append(':').append(s);
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
