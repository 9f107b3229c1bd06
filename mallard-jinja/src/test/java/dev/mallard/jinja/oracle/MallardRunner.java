package dev.mallard.jinja.oracle;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mallard.jinja.Environment;
import dev.mallard.jinja.TemplateError;
import dev.mallard.jinja.ast.TemplateAst;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs cases through Mallard's engine the way the oracle runs them through Jinja2: parse,
 * then render with a fresh copy of the context. A case runs on a worker thread so that one
 * which never ends is reported as a timeout instead of hanging the build (the stuck daemon
 * thread is abandoned and a new one takes over).
 */
final class MallardRunner implements AutoCloseable {
    static final long TIMEOUT_SECONDS = 10;

    private final Map<String, JsonNode> contexts;
    private Environment env = new Environment();
    private ExecutorService worker = newWorker();

    MallardRunner(Map<String, JsonNode> contexts) {
        this.contexts = contexts;
    }

    Outcome run(OracleCase c) {
        Future<Outcome> future = worker.submit(() -> runHere(c));
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            worker.shutdownNow();
            worker = newWorker();
            env = new Environment();
            return Outcome.timedOut(TIMEOUT_SECONDS);
        } catch (ExecutionException e) {
            return Outcome.crash(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private Outcome runHere(OracleCase c) {
        TemplateAst ast;
        try {
            ast = env.parse(c.id(), c.template());
        } catch (TemplateError e) {
            return Outcome.error("TemplateError." + e.kind(), e.getMessage(), "parse");
        } catch (Throwable t) { // StackOverflowError included: a crash to report, not to die of
            return Outcome.crash(t);
        }
        if (c.parseOnly()) {
            return Outcome.output("");
        }
        JsonNode context = c.contextName() != null ? contexts.get(c.contextName()) : c.context();
        try {
            return Outcome.output(env.render(ast, Json.toContext(context)));
        } catch (TemplateError e) {
            return Outcome.error("TemplateError." + e.kind(), e.getMessage(), "render");
        } catch (Throwable t) {
            return Outcome.crash(t);
        }
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            // a deep stack: recursion limits are the engine's business, not the harness's
            Thread t = new Thread(null, r, "jinja-oracle-case", 64L << 20);
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
