package dev.mallard.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mallard.duckdb.LockedDownDuckDb;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The read-only HTTP API over published marts: {@code /health}, {@code /datasets},
 * {@code /datasets/{name}}, {@code /datasets/{name}/rows} and {@code /openapi.json}.
 * Handlers are thin: they resolve the one version a request reads, validate the request
 * against that version's schema, and let {@link MartReader} run it. Every error leaves as
 * an RFC 9457 problem body from one place.
 */
public final class MartServer implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String TOKEN_ATTRIBUTE = "mallard.token";

    private final DatasetCatalog catalog;
    private final Options options;
    private final MartReader reader;
    private final Path privateDir;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final RowsEndpoint rowsEndpoint;
    private final QuickRowsHandler quick = new QuickRowsHandler(this::quickRows);
    private Javalin app;

    /**
     * @param host the interface to listen on
     * @param port the port; 0 for any free one
     * @param threads serving DuckDB connections (and DuckDB worker threads)
     * @param tokens the accepted bearer tokens; null when the API is open
     * @param responseCache keep recent response bodies per published version
     * @param memoryIndex answer equality/in requests from Java column arrays with hash indexes
     */
    public record Options(String host, int port, int threads, List<ApiToken> tokens, boolean responseCache,
                          boolean memoryIndex) {
        public Options {
            tokens = tokens == null ? null : List.copyOf(tokens);
        }

        public Options(String host, int port, int threads, List<ApiToken> tokens) {
            this(host, port, threads, tokens, true, true);
        }
    }

    private MartServer(DatasetCatalog catalog, Options options, MartReader reader, Path privateDir) {
        this.catalog = catalog;
        this.options = options;
        this.reader = reader;
        this.privateDir = privateDir;
        this.rowsEndpoint = new RowsEndpoint(catalog, reader, options.responseCache() ? new ResponseCache() : null);
    }

    /** For tests: how many requests {@link QuickRowsHandler} answered. */
    long quickAnswers() {
        return quick.answered.get();
    }

    /** For tests: how many of those answers were still being sent when their handler returned. */
    long quickAnswersSentLater() {
        return quick.sentLater.get();
    }

    /** For tests: the reader behind the API. */
    MartReader reader() {
        return reader;
    }

    /** Opens the locked-down DuckDB, then starts listening. */
    public static MartServer start(DatasetCatalog catalog, Options options) {
        Path privateDir;
        try {
            privateDir = Files.createTempDirectory("mallard-serve-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<Path> dirs = new LinkedHashSet<>(catalog.allowedDirectories());
        dirs.add(privateDir);
        int threads = Math.max(1, options.threads());
        LockedDownDuckDb db = LockedDownDuckDb.open(catalog.allowedFiles(), dirs, threads);
        MartServer server = new MartServer(catalog, options, new MartReader(new ServingPool(db, threads), privateDir,
                options.memoryIndex()),
                privateDir);
        try {
            server.listen();
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private void listen() {
        app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.prefer405over404 = true;
            // Javalin's own pool (8 to 250 threads), with stacks deep enough for DuckDB's binder (see DeepStack)
            var pool = new org.eclipse.jetty.util.thread.QueuedThreadPool(250, 8, 60_000, -1, null, null,
                    r -> dev.mallard.core.common.DeepStack.thread(r, "JettyServerThreadPool"));
            pool.setName("JettyServerThreadPool");
            config.jetty.threadPool = pool;
            // one selector thread per serving thread: quick answers are given on them (see QuickRowsHandler)
            config.jetty.addConnector((server, http) -> {
                ServerConnector connector = new ServerConnector(server, 1, Math.max(1, options.threads()),
                        new HttpConnectionFactory(http));
                connector.setHost(options.host());
                connector.setPort(options.port());
                return connector;
            });
            config.jetty.modifyServer(server -> {
                server.setErrorHandler(new ProblemErrorHandler());
                server.insertHandler(quick);
                // handlers are fixed from the start, so Jetty asks them whether they block: the quick one does not
                server.setDynamic(false);
            });
            config.routes.before(this::authenticate);
            config.routes.get("/health", this::health);
            config.routes.get("/datasets", this::datasets);
            config.routes.get("/datasets/{name}", this::dataset);
            config.routes.get("/datasets/{name}/rows", this::rows);
            config.routes.get("/openapi.json", this::openApi);
            config.routes.exception(ApiProblem.class, (e, ctx) -> problem(ctx, e));
            config.routes.exception(Exception.class, (e, ctx) -> {
                System.err.println("mallard serve: " + ctx.method() + " " + ctx.path() + " failed: " + e);
                problem(ctx, new ApiProblem(500, "Internal server error", "the request could not be completed"));
            });
            config.routes.error(404, ctx -> {
                if (!isProblem(ctx)) {
                    problem(ctx, ApiProblem.notFound("no such endpoint: " + ctx.path()));
                }
            });
            config.routes.error(405, ctx -> {
                if (!isProblem(ctx)) {
                    problem(ctx, new ApiProblem(405, "Method not allowed", "this API is read-only: use GET"));
                }
            });
        });
        app.start(options.host(), options.port());
    }

    public int port() {
        return app.port();
    }

    /** The base URL, e.g. {@code http://127.0.0.1:8580}. */
    public String url() {
        String host = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
        return "http://" + host + ":" + port();
    }

    public int datasetCount() {
        return catalog.datasets().size();
    }

    /** Blocks until {@link #close()} is called (from a shutdown hook, say). */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    @Override
    public void close() {
        try {
            if (app != null) {
                app.stop();
            }
        } finally {
            reader.close();
            deleteTree(privateDir);
            stopped.countDown();
        }
    }

    // --- handlers -------------------------------------------------------------------------

    private void authenticate(Context ctx) {
        if (options.tokens() == null || ctx.path().equals("/health")) {
            return;
        }
        String presented = ApiToken.bearer(ctx.header("Authorization"));
        ApiToken match = ApiToken.matching(options.tokens(), presented);
        if (match == null) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"mallard\"");
            throw ApiProblem.unauthorized(presented == null ? "this API needs a bearer token (Authorization: Bearer ...)"
                    : "the bearer token is not valid");
        }
        ctx.attribute(TOKEN_ATTRIBUTE, match);
    }

    private void health(Context ctx) {
        try {
            reader.check();
        } catch (SQLException | RuntimeException e) {
            throw ApiProblem.unavailable("the serving database does not answer");
        }
        ObjectNode body = MAPPER.createObjectNode().put("status", "ok").put("datasets", datasetCount());
        json(ctx, body);
    }

    private void datasets(Context ctx) throws SQLException {
        ArrayNode list = MAPPER.createArrayNode();
        for (DatasetSpec spec : catalog.datasets().values()) {
            ApiToken token = token(ctx);
            if (token != null && !token.mayRead(spec.name())) {
                continue;
            }
            ObjectNode info = describe(spec, token, false);
            if (info != null) {
                list.add(info);
            }
        }
        ObjectNode body = MAPPER.createObjectNode();
        body.set("datasets", list);
        json(ctx, body);
    }

    private void dataset(Context ctx) throws SQLException {
        DatasetSpec spec = readable(ctx, ctx.pathParam("name"));
        json(ctx, describe(spec, token(ctx), true));
    }

    private void rows(Context ctx) throws SQLException {
        RowsReply reply = rowsEndpoint.answer(ctx.pathParam("name"), ctx.queryString(), ctx.queryParamMap(),
                ctx.header("Accept"), token(ctx), false);
        ctx.header("X-Mallard-Source", reply.source());
        ctx.contentType(reply.format().contentType());
        try {
            if (ctx.header("Accept-Encoding") == null) {
                // nothing to compress: the body goes to Jetty in one write with its length (no copy into its buffer)
                ctx.res().setContentLength(reply.length());
                ctx.res().getOutputStream().write(reply.body(), 0, reply.length());
            } else {
                ctx.outputStream().write(reply.body(), 0, reply.length());
            }
        } catch (IOException e) {
            // the client went away (or timed out): there is no one left to answer
        }
    }

    /** For {@link QuickRowsHandler}: the answer when it needs no query, else null (Javalin then answers). */
    private RowsReply quickRows(String dataset, String query, Map<String, List<String>> params, String accept,
                                String authorization) throws SQLException {
        ApiToken token = null;
        if (options.tokens() != null) {
            token = ApiToken.matching(options.tokens(), ApiToken.bearer(authorization));
            if (token == null) {
                return null;
            }
        }
        return rowsEndpoint.answer(dataset, query, params, accept, token, true);
    }

    private void openApi(Context ctx) throws SQLException {
        ApiToken token = token(ctx);
        Map<String, List<Column>> columns = new LinkedHashMap<>();
        for (DatasetSpec spec : catalog.datasets().values()) {
            if (token != null && !token.mayRead(spec.name())) {
                continue;
            }
            List<Column> cols;
            try {
                cols = PublishedVersion.resolve(spec).isPresent()
                        ? reader.columns(PublishedVersion.resolve(spec).get()) : List.of();
            } catch (SQLException e) {
                cols = List.of(); // unreadable: listed without columns, as in /datasets
            }
            if (token != null && token.scoped() && cols.stream().noneMatch(c -> c.name().equals(token.scopeColumn()))) {
                continue;
            }
            columns.put(spec.name(), cols);
        }
        json(ctx, OpenApiDocument.build(columns, options.tokens() != null));
    }

    // --- helpers --------------------------------------------------------------------------

    /** The dataset's description, or null when a scoped token may not see it (in a listing). */
    private ObjectNode describe(DatasetSpec spec, ApiToken token, boolean single) throws SQLException {
        ObjectNode info = MAPPER.createObjectNode().put("name", spec.name());
        var version = PublishedVersion.resolve(spec);
        if (version.isEmpty()) {
            info.put("source", "unpublished");
            info.putArray("columns");
            info.putNull("row_count");
            info.putNull("last_refresh");
            return info;
        }
        PublishedVersion v = version.get();
        MartReader.Described d;
        try {
            List<Column> columns = reader.columns(v);
            RowsQuery.Filter scope;
            try {
                scope = ApiToken.scopeFilter(token, spec.name(), columns);
            } catch (ApiProblem p) {
                if (single) {
                    throw p;
                }
                return null;
            }
            d = reader.describe(v, scope);
        } catch (SQLException e) {
            if (single) {
                throw ApiProblem.ofQueryFailure(e);
            }
            // one broken file must not take the listing down for everyone
            System.err.println("mallard serve: dataset " + spec.name() + " cannot be read: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
            info.put("source", "unreadable");
            info.putArray("columns");
            info.putNull("row_count");
            info.put("last_refresh", v.lastRefresh().toString());
            return info;
        }
        info.put("source", v.source());
        ArrayNode cols = info.putArray("columns");
        for (Column c : d.columns()) {
            cols.addObject().put("name", c.name()).put("type", c.type());
        }
        info.put("row_count", d.rowCount());
        info.put("last_refresh", v.lastRefresh().toString());
        return info;
    }

    private DatasetSpec readable(Context ctx, String name) {
        return rowsEndpoint.readable(name, token(ctx));
    }

    private static ApiToken token(Context ctx) {
        return ctx.attribute(TOKEN_ATTRIBUTE);
    }

    private static void json(Context ctx, ObjectNode body) {
        try {
            ctx.contentType("application/json").result(MAPPER.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isProblem(Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && type.startsWith(PROBLEM_JSON);
    }

    private static void problem(Context ctx, ApiProblem p) {
        ObjectNode body = MAPPER.createObjectNode().put("type", p.type()).put("title", p.title())
                .put("status", p.status()).put("detail", p.getMessage()).put("instance", ctx.path());
        try {
            ctx.status(p.status()).contentType(PROBLEM_JSON).result(MAPPER.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
