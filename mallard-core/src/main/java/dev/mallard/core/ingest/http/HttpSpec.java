package dev.mallard.core.ingest.http;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An http ingest as its spec declares it (see docs/ingest-http.md): the API's base URL, how
 * to authenticate and how gently to call it, and one {@link Endpoint} per raw table.
 * Template strings (paths, params, headers) are kept unrendered: they are rendered per run
 * with the cursor and the backfill window.
 */
record HttpSpec(
        URI baseUrl,
        Auth auth,
        Map<String, String> headers,
        double requestsPerSecond,
        int parallel,
        RetryPolicy retry,
        Duration timeout,
        int pagesPerBatch,
        List<Endpoint> endpoints) {

    HttpSpec {
        Objects.requireNonNull(baseUrl);
        Objects.requireNonNull(auth);
        headers = Map.copyOf(headers);
        endpoints = List.copyOf(endpoints);
    }

    /** One endpoint, read page by page into one raw table. */
    record Endpoint(
            String name,
            String table,
            String path,
            Map<String, Object> params,
            String recordsPath,
            Pagination pagination,
            Incremental incremental,
            String keepRaw,
            Map<String, String> columns,
            boolean failOnSchemaChange,
            long maxPages) {

        Endpoint {
            params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
            columns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        }
    }

    /**
     * {@code incremental:}: the records' field whose largest value becomes the next run's
     * cursor, the query parameter it is sent in (may be null when the params use
     * {@code {{ cursor }}} themselves), and the value sent before the first run.
     */
    record Incremental(String cursorField, String param, String initial) {}

    /** How failed requests are retried: attempts in all, and exponential backoff bounds. */
    record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {}

    /** How one page leads to the next. */
    sealed interface Pagination {
        /** Whether pages can be requested before the previous one is read. */
        default boolean addressable() {
            return false;
        }
    }

    /** One request, no pages. */
    record SinglePage() implements Pagination {}

    /** {@code ?page=N} from {@code start}, with an optional page-size parameter. */
    record PageNumber(String param, long start, String sizeParam, Integer size, String totalPagesPath,
            boolean stopOnShortPage) implements Pagination {
        @Override
        public boolean addressable() {
            return true;
        }
    }

    /** {@code ?offset=N&limit=L}, the offset growing by {@code limit}. */
    record Offset(String param, String limitParam, int limit, String totalPath, boolean stopOnShortPage)
            implements Pagination {
        @Override
        public boolean addressable() {
            return true;
        }
    }

    /** A cursor read from each response at {@code path} and sent as {@code param}. */
    record Cursor(String param, String path) implements Pagination {}

    /** The next page's URL read from each response body at {@code path}. */
    record NextUrl(String path) implements Pagination {}

    /** The next page's URL from the {@code Link} header's {@code rel="next"}. */
    record LinkHeader() implements Pagination {}

    /** Credentials, named by the secrets that hold them, never by value. */
    sealed interface Auth {}

    record NoAuth() implements Auth {}

    record Bearer(String tokenSecret) implements Auth {}

    /** Basic auth: the user name given literally or as a secret, the password as a secret. */
    record Basic(String username, String usernameSecret, String passwordSecret) implements Auth {}

    /** An API key sent in a header or, when {@code header} is null, in query parameter {@code queryParam}. */
    record ApiKey(String keySecret, String header, String queryParam) implements Auth {}
}
