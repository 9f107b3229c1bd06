package dev.mallard.docs.serve;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code mallard docs serve}: the site {@code docs generate} wrote into target/, over HTTP.
 * Only the site's own files and the dbt artifacts are served, never the rest of target/
 * (the database file, compiled SQL of other runs).
 */
public final class DocsServer implements AutoCloseable {
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8", "json", "application/json");
    private static final java.util.Set<String> ARTIFACTS = java.util.Set.of("manifest.json", "catalog.json",
            "run_results.json", "sources.json");

    private final Path target;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private Javalin app;
    private String host;

    private DocsServer(Path target) {
        this.target = target;
    }

    /** Starts serving {@code target} (which holds index.html) on host:port; port 0 picks a free one. */
    public static DocsServer start(Path target, String host, int port) {
        if (!Files.isRegularFile(target.resolve("index.html")) || !Files.isRegularFile(target.resolve("docs-data.js"))) {
            throw new IllegalStateException("no docs site in " + target + ": run `mallard docs generate` first");
        }
        DocsServer server = new DocsServer(target);
        server.host = host;
        server.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.routes.get("/", ctx -> server.file(ctx, "index.html"));
            config.routes.get("/index.html", ctx -> server.file(ctx, "index.html"));
            config.routes.get("/docs-data.js", ctx -> server.file(ctx, "docs-data.js"));
            config.routes.get("/docs-assets/{name}", ctx -> server.file(ctx, "docs-assets/" + ctx.pathParam("name")));
            config.routes.get("/docs-data/{name}", ctx -> server.file(ctx, "docs-data/" + ctx.pathParam("name")));
            config.routes.get("/{artifact}", ctx -> {
                if (!ARTIFACTS.contains(ctx.pathParam("artifact"))) {
                    ctx.status(404).result("not found");
                    return;
                }
                server.file(ctx, ctx.pathParam("artifact"));
            });
        });
        try {
            server.app.start(host, port);
        } catch (RuntimeException e) {
            server.app.stop();
            throw e;
        }
        return server;
    }

    private void file(Context ctx, String relative) throws IOException {
        Path file = target.resolve(relative).normalize();
        if (!file.startsWith(target) || relative.contains("..") || !Files.isRegularFile(file)) {
            ctx.status(404).result("not found");
            return;
        }
        String name = file.getFileName().toString();
        String ext = name.substring(name.lastIndexOf('.') + 1);
        ctx.contentType(TYPES.getOrDefault(ext, "application/octet-stream"));
        ctx.header("Cache-Control", "no-cache");
        ctx.result(Files.newInputStream(file));
    }

    public int port() {
        return app.port();
    }

    public String url() {
        String shown = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + shown + ":" + port() + "/";
    }

    /** Blocks until {@link #close()} is called. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    @Override
    public void close() {
        try {
            app.stop();
        } finally {
            stopped.countDown();
        }
    }
}
