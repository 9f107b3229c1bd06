package dev.mallard.serve;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code GET /datasets/{name}/rows}: resolves the one version a request reads, validates the
 * request against its schema, and writes the body, from the in-memory table's pre-written
 * rows, the response cache, or a query. Javalin's route calls it, and so does
 * {@link QuickRowsHandler} for the answers that need no query.
 */
final class RowsEndpoint {
    /** A % not followed by two hex digits: the parameter would be dropped silently, widening the answer. */
    private static final Pattern MALFORMED_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");

    private final DatasetCatalog catalog;
    private final MartReader reader;
    private final ResponseCache responses;

    /** @param responses the response cache; null for none */
    RowsEndpoint(DatasetCatalog catalog, MartReader reader, ResponseCache responses) {
        this.catalog = catalog;
        this.reader = reader;
        this.responses = responses;
    }

    /** The dataset, if the token may read it; a dataset outside the token's list looks exactly like a missing one. */
    DatasetSpec readable(String name, ApiToken token) {
        DatasetSpec spec = catalog.find(name).orElse(null);
        if (spec == null || (token != null && !token.mayRead(name))) {
            throw ApiProblem.notFound("no dataset named '" + name + "'");
        }
        return spec;
    }

    /**
     * The body answering a rows request.
     *
     * @param rawQuery the query string as sent (null for none)
     * @param params its parameters, decoded, by name in order of appearance
     * @param token the authenticated token, or null when the API is open
     * @param quick answer only what needs no query and little work (JSON from pre-written rows or from the
     *        cache); else null. Such answers never block (see {@link QuickRowsHandler})
     * @throws ApiProblem for a request the API refuses
     */
    RowsReply answer(String name, String rawQuery, Map<String, List<String>> params, String accept, ApiToken token,
                     boolean quick) throws SQLException {
        DatasetSpec spec = readable(name, token);
        if (rawQuery != null && MALFORMED_ESCAPE.matcher(rawQuery).find()) {
            throw ApiProblem.badRequest("the query string has a '%' that is not followed by two hex digits; "
                    + "write a literal % as %25");
        }
        for (int attempt = 0; ; attempt++) {
            PublishedVersion v = PublishedVersion.resolve(spec).orElseThrow(() -> ApiProblem.notPublished(spec));
            try {
                return answer(spec, v, params, accept, token, quick);
            } catch (SQLException e) {
                boolean republished = PublishedVersion.resolve(spec).map(now -> !now.identity().equals(v.identity()))
                        .orElse(false);
                if (attempt == 0 && republished) {
                    continue;
                }
                throw ApiProblem.ofQueryFailure(e);
            }
        }
    }

    private RowsReply answer(DatasetSpec spec, PublishedVersion v, Map<String, List<String>> params, String accept,
                             ApiToken token, boolean quick) throws SQLException {
        List<Column> columns = quick ? reader.loadedColumns(v) : reader.columns(v);
        if (columns == null) {
            return null; // the version is not loaded yet: loading it runs queries
        }
        RowsQuery.Filter scope = ApiToken.scopeFilter(token, spec.name(), columns);
        RowsQuery q = RowsQuery.parse(spec.name(), columns, params, accept);
        BodyBuffer body = BodyBuffer.forThisThread();
        RowCursor fast = q.format() == OutputFormat.JSON ? reader.fromMemory(v, q, scope, quick) : null;
        if (fast instanceof MemoryTable.Page page && page.prewritten()) {
            // copied from pre-written rows: cheaper to answer again than to keep in the cache
            reader.memoryAnswers.incrementAndGet();
            write(spec, v, q, fast, body);
            return reply(v, q, body);
        }
        if (quick && q.format() != OutputFormat.JSON) {
            return null;
        }
        boolean cacheable = v.isParquet() && responses != null;
        String key = cacheable ? ResponseCache.key(v, q, scope) : null;
        byte[] cached = cacheable ? responses.get(key) : null;
        if (cached != null) {
            return new RowsReply(v.source(), q.format(), cached, cached.length);
        }
        if (quick) {
            return null;
        }
        if (fast != null) {
            reader.memoryAnswers.incrementAndGet();
            write(spec, v, q, fast, body);
        } else if (q.format() == OutputFormat.PARQUET) {
            body.append(reader.parquet(v, q, scope));
        } else {
            reader.rows(v, q, scope, rows -> {
                write(spec, v, q, rows, body);
                return null;
            });
        }
        if (cacheable) {
            responses.put(key, body.toByteArray());
        }
        return reply(v, q, body);
    }

    private static RowsReply reply(PublishedVersion v, RowsQuery q, BodyBuffer body) {
        return new RowsReply(v.source(), q.format(), body.array(), body.size());
    }

    private static void write(DatasetSpec spec, PublishedVersion v, RowsQuery q, RowCursor rows, BodyBuffer body)
            throws SQLException {
        if (q.format() == OutputFormat.CSV) {
            RowWriter.csv(q.columns(), rows, body);
        } else {
            RowWriter.json(spec.name(), v.source(), q.columns(), rows, q, body);
        }
    }
}
