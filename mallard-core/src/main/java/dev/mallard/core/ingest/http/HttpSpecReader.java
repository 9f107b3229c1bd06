package dev.mallard.core.ingest.http;

import dev.mallard.core.ingest.IngestException;
import dev.mallard.core.ingest.http.HttpSpec.ApiKey;
import dev.mallard.core.ingest.http.HttpSpec.Auth;
import dev.mallard.core.ingest.http.HttpSpec.Basic;
import dev.mallard.core.ingest.http.HttpSpec.Bearer;
import dev.mallard.core.ingest.http.HttpSpec.Cursor;
import dev.mallard.core.ingest.http.HttpSpec.Endpoint;
import dev.mallard.core.ingest.http.HttpSpec.Incremental;
import dev.mallard.core.ingest.http.HttpSpec.LinkHeader;
import dev.mallard.core.ingest.http.HttpSpec.NextUrl;
import dev.mallard.core.ingest.http.HttpSpec.NoAuth;
import dev.mallard.core.ingest.http.HttpSpec.Offset;
import dev.mallard.core.ingest.http.HttpSpec.PageNumber;
import dev.mallard.core.ingest.http.HttpSpec.Pagination;
import dev.mallard.core.ingest.http.HttpSpec.RetryPolicy;
import dev.mallard.core.ingest.http.HttpSpec.SinglePage;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an http ingest's options (as parsed from YAML) into an {@link HttpSpec}, failing with
 * a message that names the ingest and the offending key.
 */
final class HttpSpecReader {

    /** Keys that belong to an endpoint; at the top level they are defaults for every endpoint. */
    private static final Set<String> ENDPOINT_KEYS = Set.of("name", "table", "path", "params", "records_path",
        "pagination", "incremental", "keep_raw", "columns", "on_schema_change", "max_pages");
    private static final Set<String> INGEST_KEYS = Set.of("base_url", "auth", "headers", "rate_limit", "parallel",
        "retry", "timeout_seconds", "pages_per_batch", "endpoints");

    private final String ingest;

    private HttpSpecReader(String ingest) {
        this.ingest = ingest;
    }

    static HttpSpec read(String ingest, Map<String, Object> options) throws IngestException {
        return new HttpSpecReader(ingest).spec(options);
    }

    private HttpSpec spec(Map<String, Object> o) throws IngestException {
        for (String key : o.keySet()) {
            if (!INGEST_KEYS.contains(key) && !ENDPOINT_KEYS.contains(key) && !key.equals("type")) {
                throw fail("unknown option '" + key + "' (http options: " + new java.util.TreeSet<>(INGEST_KEYS) + " and the endpoint keys "
                    + new java.util.TreeSet<>(ENDPOINT_KEYS) + ")");
            }
        }
        String base = string(o, "base_url", null);
        if (base == null) {
            throw fail("'base_url' is required, e.g. base_url: https://api.example.com/v1");
        }
        URI baseUrl;
        try {
            baseUrl = new URI(base);
        } catch (URISyntaxException e) {
            throw fail("'base_url' is not a URL: " + e.getReason());
        }
        if (!"http".equals(baseUrl.getScheme()) && !"https".equals(baseUrl.getScheme())) {
            throw fail("'base_url' must start with http:// or https://");
        }
        if (baseUrl.getRawUserInfo() != null) {
            throw fail("'base_url' must not hold credentials; use auth: with a secret");
        }
        Map<String, Object> retry = map(o, "retry");
        RetryPolicy policy = new RetryPolicy(
            (int) number(retry, "retry.max_attempts", "max_attempts", 6, 1),
            Duration.ofMillis(number(retry, "retry.initial_backoff_ms", "initial_backoff_ms", 250, 0)),
            Duration.ofMillis(number(retry, "retry.max_backoff_ms", "max_backoff_ms", 30_000, 0)),
            Duration.ofSeconds(number(retry, "retry.max_retry_after_seconds", "max_retry_after_seconds", 300, 0)));
        Object rate = o.get("rate_limit");
        double rps = 0;
        if (rate != null) {
            if (!(rate instanceof Number n) || n.doubleValue() < 0) {
                throw fail("'rate_limit' must be a number of requests per second (0 for none), not '" + rate + "'");
            }
            rps = n.doubleValue();
        }
        List<Endpoint> endpoints = new ArrayList<>();
        Object list = o.get("endpoints");
        if (list == null) {
            endpoints.add(endpoint(o, Map.of(), "", ingest));
        } else if (list instanceof List<?> items && !items.isEmpty()) {
            for (int i = 0; i < items.size(); i++) {
                if (!(items.get(i) instanceof Map<?, ?> m)) {
                    throw fail("endpoints[" + i + "] must be a mapping with path and table");
                }
                endpoints.add(endpoint(o, cast(m), "endpoints[" + i + "].", null));
            }
        } else {
            throw fail("'endpoints' must be a non-empty list of {name, path, table, ...}");
        }
        Set<String> tables = new java.util.HashSet<>();
        for (Endpoint e : endpoints) {
            if (!tables.add(e.table())) {
                throw fail("two endpoints write table '" + e.table() + "'; give each its own table");
            }
        }
        return new HttpSpec(baseUrl, auth(map(o, "auth")), strings(map(o, "headers")), rps,
            (int) number(o, "parallel", "parallel", 4, 1), policy,
            Duration.ofSeconds(number(o, "timeout_seconds", "timeout_seconds", 60, 1)),
            (int) number(o, "pages_per_batch", "pages_per_batch", 50, 1), endpoints);
    }

    private Endpoint endpoint(Map<String, Object> top, Map<String, Object> own, String at, String defaultName)
            throws IngestException {
        Map<String, Object> e = new LinkedHashMap<>();
        for (String key : ENDPOINT_KEYS) {
            if (top.containsKey(key) && !key.equals("name") && !key.equals("table")) {
                e.put(key, top.get(key));
            }
        }
        for (Map.Entry<String, Object> entry : own.entrySet()) {
            if (!ENDPOINT_KEYS.contains(entry.getKey())) {
                throw fail("unknown endpoint option '" + at + entry.getKey() + "' (endpoint keys: "
                    + new java.util.TreeSet<>(ENDPOINT_KEYS) + ")");
            }
            e.put(entry.getKey(), entry.getValue());
        }
        if (defaultName != null) {
            e.putIfAbsent("table", top.get("table"));
        }
        String name = string(e, "name", null);
        String table = string(e, "table", name != null ? name : defaultName);
        if (table == null) {
            throw fail(at + "table is required (the raw table this endpoint fills)");
        }
        name = name != null ? name : table;
        String path = string(e, "path", "");
        Map<String, Object> inc = map(e, "incremental");
        Incremental incremental = null;
        if (!inc.isEmpty()) {
            String field = string(inc, "cursor_field", null);
            if (field == null) {
                throw fail(at + "incremental.cursor_field is required (the record field whose largest value is the next cursor)");
            }
            incremental = new Incremental(field, string(inc, "param", null), string(inc, "initial", null));
        }
        Map<String, String> columns = new LinkedHashMap<>();
        Object cols = e.get("columns");
        if (cols instanceof Map<?, ?> m) {
            m.forEach((k, v) -> columns.put(String.valueOf(k), String.valueOf(v)));
        } else if (cols instanceof List<?> l) {
            for (Object c : l) {
                if (!(c instanceof Map<?, ?> cm) || cm.get("name") == null) {
                    throw fail(at + "columns must be a mapping name: TYPE or a list of {name, type}");
                }
                columns.put(String.valueOf(cm.get("name")), String.valueOf(cm.get("type") == null ? "JSON" : cm.get("type")));
            }
        } else if (cols != null) {
            throw fail(at + "columns must be a mapping name: TYPE or a list of {name, type}");
        }
        String onChange = string(e, "on_schema_change", "fail");
        if (!onChange.equals("fail") && !onChange.equals("ignore")) {
            throw fail(at + "on_schema_change must be fail or ignore, not '" + onChange + "'");
        }
        return new Endpoint(name, table, path, map(e, "params"), string(e, "records_path", ""),
            pagination(map(e, "pagination"), at + "pagination."), incremental, string(e, "keep_raw", null),
            columns, onChange.equals("fail"), number(e, at + "max_pages", "max_pages", 0, 0));
    }

    /** Each pagination type's own keys (besides type and stop_on_short_page); a typo is an error, not ignored. */
    private static final Map<String, Set<String>> PAGINATION_KEYS = Map.of(
        "none", Set.of(),
        "page_number", Set.of("param", "start", "size_param", "size", "total_pages_path"),
        "page", Set.of("param", "start", "size_param", "size", "total_pages_path"),
        "offset", Set.of("param", "limit_param", "limit", "total_path"),
        "cursor", Set.of("param", "cursor_path"),
        "next_url", Set.of("next_url_path"),
        "link_header", Set.of());

    private Pagination pagination(Map<String, Object> p, String at) throws IngestException {
        String type = string(p, "type", p.isEmpty() ? "none" : null);
        if (type == null) {
            throw fail(at + "type is required: page_number, offset, cursor, next_url, link_header or none");
        }
        boolean shortStop = Boolean.TRUE.equals(p.get("stop_on_short_page"));
        Set<String> known = PAGINATION_KEYS.getOrDefault(type, Set.of());
        for (String key : p.keySet()) {
            if (!key.equals("type") && !key.equals("stop_on_short_page") && !known.contains(key)
                    && PAGINATION_KEYS.containsKey(type)) {
                throw fail("unknown option '" + at + key + "' for " + type + " pagination (its keys: "
                    + new java.util.TreeSet<>(known) + ", stop_on_short_page)");
            }
        }
        return switch (type) {
            case "none" -> new SinglePage();
            case "page_number", "page" -> new PageNumber(string(p, "param", "page"), number(p, at + "start", "start", 1, 0),
                string(p, "size_param", null), p.get("size") == null ? null : (int) number(p, at + "size", "size", 0, 1),
                string(p, "total_pages_path", null), shortStop);
            case "offset" -> {
                if (p.get("limit") == null) {
                    throw fail(at + "limit is required for offset pagination (records per page)");
                }
                yield new Offset(string(p, "param", "offset"), string(p, "limit_param", "limit"),
                    (int) number(p, at + "limit", "limit", 0, 1), string(p, "total_path", null), shortStop);
            }
            case "cursor" -> {
                String path = string(p, "cursor_path", null);
                if (path == null) {
                    throw fail(at + "cursor_path is required: where the next cursor is in the response, e.g. meta.next_cursor");
                }
                yield new Cursor(string(p, "param", "cursor"), path);
            }
            case "next_url" -> {
                String path = string(p, "next_url_path", null);
                if (path == null) {
                    throw fail(at + "next_url_path is required: where the next page's URL is in the response, e.g. links.next");
                }
                yield new NextUrl(path);
            }
            case "link_header" -> new LinkHeader();
            default -> throw fail(at + "type '" + type + "' is not one of page_number, offset, cursor, next_url, link_header, none");
        };
    }

    private Auth auth(Map<String, Object> a) throws IngestException {
        for (String literal : List.of("token", "password", "key", "api_key", "value")) {
            if (a.containsKey(literal)) {
                throw fail("auth." + literal + " is not read: secrets never go in the spec; name the secret with auth."
                    + (literal.equals("token") ? "token" : literal.equals("password") ? "password" : "key") + "_secret");
            }
        }
        String type = string(a, "type", a.isEmpty() ? "none" : null);
        if (type == null) {
            throw fail("auth.type is required: bearer, basic, api_key or none");
        }
        return switch (type) {
            case "none" -> new NoAuth();
            case "bearer" -> new Bearer(required(a, "token_secret", "auth.token_secret"));
            case "basic" -> {
                String user = string(a, "username", null);
                String userSecret = string(a, "username_secret", null);
                if (user == null && userSecret == null) {
                    throw fail("auth.username or auth.username_secret is required for basic auth");
                }
                yield new Basic(user, userSecret, required(a, "password_secret", "auth.password_secret"));
            }
            case "api_key" -> {
                String header = string(a, "header", null);
                String query = string(a, "query_param", null);
                if ((header == null) == (query == null)) {
                    throw fail("api_key auth needs exactly one of auth.header (e.g. X-Api-Key) or auth.query_param (e.g. api_key)");
                }
                yield new ApiKey(required(a, "key_secret", "auth.key_secret"), header, query);
            }
            default -> throw fail("auth.type '" + type + "' is not one of bearer, basic, api_key, none");
        };
    }

    private String required(Map<String, Object> m, String key, String label) throws IngestException {
        String v = string(m, key, null);
        if (v == null) {
            throw fail(label + " is required (the name of an environment variable or secrets-file entry)");
        }
        return v;
    }

    private static String string(Map<String, Object> m, String key, String dflt) {
        Object v = m.get(key);
        return v == null ? dflt : String.valueOf(v);
    }

    private long number(Map<String, Object> m, String label, String key, long dflt, long min) throws IngestException {
        Object v = m.get(key);
        if (v == null) {
            return dflt;
        }
        if (!(v instanceof Number n) || n.longValue() < min || n.doubleValue() != n.longValue()) {
            throw fail("'" + label + "' must be a whole number >= " + min + ", not '" + v + "'");
        }
        return n.longValue();
    }

    private Map<String, Object> map(Map<String, Object> m, String key) throws IngestException {
        Object v = m.get(key);
        if (v == null) {
            return Map.of();
        }
        if (!(v instanceof Map<?, ?> map)) {
            throw fail("'" + key + "' must be a mapping");
        }
        return cast(map);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        ((Map<Object, Object>) m).forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    private static Map<String, String> strings(Map<String, Object> m) {
        Map<String, String> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, String.valueOf(v)));
        return out;
    }

    private IngestException fail(String message) {
        return new IngestException("ingest '" + ingest + "': " + message);
    }
}
