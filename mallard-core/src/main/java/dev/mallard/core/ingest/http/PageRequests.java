package dev.mallard.core.ingest.http;

import dev.mallard.core.ingest.IngestException;
import dev.mallard.core.ingest.IngestRun;
import dev.mallard.core.ingest.http.HttpSpec.Endpoint;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds an endpoint's request URLs: base URL + rendered path + rendered params (with the
 * cursor and the backfill window in the template context), plus each page's own
 * pagination parameters. Credentials are not part of these URLs; the {@link Requester}
 * adds them when it sends.
 */
final class PageRequests {

    private final String base;
    private final Map<String, String> params;

    private PageRequests(String base, Map<String, String> params) {
        this.base = base;
        this.params = params;
    }

    /** Renders the endpoint's path and params for this run. */
    static PageRequests render(HttpSpec spec, Endpoint ep, IngestRun run, String cursor) throws IngestException {
        Map<String, Object> extra = context(run, cursor);
        String path = render(run, ep.path(), extra);
        String base;
        if (path.startsWith("http://") || path.startsWith("https://")) {
            base = path;
        } else {
            String root = spec.baseUrl().toString().replaceAll("/+$", "");
            base = path.isEmpty() ? root : root + (path.startsWith("/") ? "" : "/") + path;
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (Map.Entry<String, Object> p : ep.params().entrySet()) {
            String value = p.getValue() == null ? "" : render(run, String.valueOf(p.getValue()), extra);
            if (!value.isEmpty()) {
                params.put(p.getKey(), value);
            }
        }
        if (ep.incremental() != null && ep.incremental().param() != null && cursor != null) {
            params.put(ep.incremental().param(), cursor);
        }
        try {
            URI.create(base);
        } catch (IllegalArgumentException e) {
            throw new IngestException("ingest '" + run.ingestName() + "': endpoint '" + ep.name()
                + "' has an invalid URL: " + e.getMessage());
        }
        return new PageRequests(base, params);
    }

    /** The template context the source adds: {@code cursor}, {@code start}, {@code end}. */
    static Map<String, Object> context(IngestRun run, String cursor) {
        Map<String, Object> extra = new HashMap<>();
        extra.put("cursor", cursor);
        extra.put("start", run.start().orElse(null));
        extra.put("end", run.end().orElse(null));
        return extra;
    }

    static String render(IngestRun run, String template, Map<String, Object> extra) {
        return template.contains("{{") || template.contains("{%") ? run.render(template, extra) : template;
    }

    /** The URL of the first page (or of a page addressed by {@code extra} parameters). */
    URI uri(Map<String, String> extra) {
        Map<String, String> all = new LinkedHashMap<>(params);
        all.putAll(extra);
        StringBuilder b = new StringBuilder(base);
        boolean first = !base.contains("?");
        for (Map.Entry<String, String> p : all.entrySet()) {
            b.append(first ? '?' : '&').append(URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
            first = false;
        }
        return URI.create(b.toString());
    }
}
