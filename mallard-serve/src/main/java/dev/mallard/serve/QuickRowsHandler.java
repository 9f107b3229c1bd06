package dev.mallard.serve;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The API's hot path, on Jetty's own request API in front of Javalin: a plain
 * {@code GET /datasets/{name}/rows} whose JSON answer needs no query and little work
 * (pre-written rows of the in-memory table, or the response cache) is answered here, without
 * the servlet layer and Javalin's per-request context, which cost more than the answer itself.
 * Anything else, or anything this path is not sure about (escapes in the URL, compression, a
 * token that does not match, any error) goes on to Javalin, which answers it as it always
 * does; the answers are the same bytes and headers either way, as the tests check.
 *
 * <p>This handler never blocks: it runs on the connector's selector threads, which then answer
 * a connection's request as soon as it arrives, with no hand-over to another thread and back
 * (on a busy two-core machine those hand-overs cost more CPU than the answer). Its body is sent
 * without waiting, and Javalin, whose handlers block (DuckDB queries, servlet output), gets
 * each request it answers on a thread of the pool.
 */
final class QuickRowsHandler extends Handler.Wrapper {
    private static final Pattern PATH = Pattern.compile("/datasets/([A-Za-z0-9_.-]+)/rows");
    /** Pairs {@code name=value} of characters that need no decoding (no %, no +). */
    private static final Pattern PLAIN_QUERY =
            Pattern.compile("[A-Za-z0-9_.~-]+=[A-Za-z0-9_.,:~-]*(?:&[A-Za-z0-9_.~-]+=[A-Za-z0-9_.,:~-]*)*");

    /** The answer when it needs no query and little work, else null; must not block. */
    interface QuickAnswer {
        RowsReply answer(String dataset, String query, Map<String, List<String>> params, String accept,
                         String authorization) throws Exception;
    }

    private final QuickAnswer answers;
    /** Requests answered here (tests check that the path is taken). */
    final AtomicLong answered = new AtomicLong();
    /** Answers still being sent when this handler returned (tests check that slow clients are covered). */
    final AtomicLong sentLater = new AtomicLong();

    QuickRowsHandler(QuickAnswer answers) {
        this.answers = answers;
    }

    /** Whatever the handlers behind it are: they are never called on the thread that called this one. */
    @Override
    public InvocationType getInvocationType() {
        return InvocationType.NON_BLOCKING;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        RowsReply reply = quickReply(request);
        if (reply == null) {
            toJavalin(request, response, callback);
            return true;
        }
        answered.incrementAndGet();
        response.setStatus(200);
        HttpFields.Mutable headers = response.getHeaders();
        headers.put(HttpHeader.CONTENT_TYPE, reply.format().contentType());
        headers.put("X-Mallard-Source", reply.source());
        headers.put(HttpHeader.CONTENT_LENGTH, reply.length());
        Sent sent = new Sent(callback);
        response.write(true, ByteBuffer.wrap(reply.body(), 0, reply.length()), sent);
        if (!sent.done) {
            // the client has not taken it all yet: the body may be this thread's buffer, which must wait
            BodyBuffer.handOver(reply.body());
            sentLater.incrementAndGet();
        }
        return true;
    }

    /** Javalin answers on a pool thread; a request it does not handle is a 404, as Jetty would send. */
    private void toJavalin(Request request, Response response, Callback callback) {
        try {
            getServer().getThreadPool().execute(() -> {
                try {
                    if (!super.handle(request, response, callback)) {
                        Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
                    }
                } catch (Throwable e) {
                    callback.failed(e);
                }
            });
        } catch (RejectedExecutionException e) {
            callback.failed(e); // the server is stopping
        }
    }

    /** The request's callback, noting whether the write has finished (either way). */
    private static final class Sent implements Callback {
        private final Callback request;
        private volatile boolean done;

        Sent(Callback request) {
            this.request = request;
        }

        @Override
        public void succeeded() {
            done = true;
            request.succeeded();
        }

        @Override
        public void failed(Throwable x) {
            done = true;
            request.failed(x);
        }

        @Override
        public InvocationType getInvocationType() {
            return request.getInvocationType();
        }
    }

    private RowsReply quickReply(Request request) {
        if (!HttpMethod.GET.is(request.getMethod()) || request.getHeaders().contains(HttpHeader.ACCEPT_ENCODING)) {
            return null;
        }
        Matcher path = PATH.matcher(request.getHttpURI().getPath());
        String query = request.getHttpURI().getQuery();
        if (!path.matches() || (query != null && !PLAIN_QUERY.matcher(query).matches())) {
            return null;
        }
        try {
            return answers.answer(path.group(1), query, params(query), request.getHeaders().get(HttpHeader.ACCEPT),
                    request.getHeaders().get(HttpHeader.AUTHORIZATION));
        } catch (Exception e) {
            return null; // Javalin answers it again, with its error body
        }
    }

    /** The parameters of a plain query string, grouped by name in order of appearance (as Javalin groups them). */
    private static Map<String, List<String>> params(String query) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (query == null) {
            return params;
        }
        int at = 0;
        while (at <= query.length()) {
            int end = query.indexOf('&', at);
            if (end < 0) {
                end = query.length();
            }
            int eq = query.indexOf('=', at);
            params.computeIfAbsent(query.substring(at, eq), k -> new ArrayList<>(1)).add(query.substring(eq + 1, end));
            at = end + 1;
        }
        return params;
    }
}
