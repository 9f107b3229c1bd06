package dev.mallard.core.ingest.http;

import dev.mallard.core.ingest.IngestException;
import dev.mallard.core.ingest.http.HttpSpec.Auth;
import dev.mallard.core.ingest.http.HttpSpec.Basic;
import dev.mallard.core.ingest.http.HttpSpec.Bearer;
import dev.mallard.core.ingest.http.HttpSpec.NoAuth;
import dev.mallard.core.ingest.http.PageParser.BadPage;
import dev.mallard.core.ingest.http.PageParser.PageResult;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Fetches and reads one page on the worker pool: the request (with retries), the status
 * check, and the streaming parse. Every message it makes names the ingest, the URL without
 * secrets and the page, and is scrubbed of secret values.
 */
final class PageFetcher {

    /** A page read whole: where it came from and what it held. */
    record Fetched(URI uri, String where, HttpHeaders headers, PageResult result) {}

    private final String ingest;
    private final Requester requester;
    private final PageParser parser;
    private final Redactor redactor;
    private final ExecutorService pool;
    private final Auth auth;

    PageFetcher(String ingest, Requester requester, PageParser parser, Redactor redactor, ExecutorService pool, Auth auth) {
        this.ingest = ingest;
        this.requester = requester;
        this.parser = parser;
        this.redactor = redactor;
        this.pool = pool;
        this.auth = auth;
    }

    Future<Fetched> submit(URI uri, String label) {
        return pool.submit(() -> fetch(uri, label));
    }

    /** {@code uri} as it may be kept in state: no credentials in it. */
    URI storable(URI uri) {
        return redactor.withoutCredentials(uri, false);
    }

    String printable(URI uri) {
        return redactor.url(uri);
    }

    private Fetched fetch(URI uri, String label) throws IngestException {
        String where = "ingest '" + ingest + "': GET " + redactor.url(uri) + " (" + label + ")";
        Requester.Response r = requester.get(uri, where);
        int status = r.status();
        if (status == 401 || status == 403) {
            throw new IngestException(where + ": HTTP " + status + (status == 401 ? " Unauthorized" : " Forbidden") + "; "
                + credentialsHint());
        }
        if (status >= 300 && status < 400) {
            throw new IngestException(redactor.scrub(where + ": HTTP " + status + " redirect to "
                + r.headers().firstValue("Location").map(l -> redactor.url(uri.resolve(l))).orElse("(no Location)")
                + "; point base_url at the final location"));
        }
        if (status < 200 || status >= 300) {
            throw new IngestException(redactor.scrub(where + ": HTTP " + status + ": " + snippet(r.body())));
        }
        String contentType = r.headers().firstValue("Content-Type").orElse("none");
        try {
            return new Fetched(uri, where, r.headers(), parser.parse(r.body(), contentType));
        } catch (BadPage e) {
            throw new IngestException(redactor.scrub(where + ": " + e.getMessage()));
        }
    }

    private String credentialsHint() {
        if (auth instanceof NoAuth) {
            return "the API wants credentials: add auth: to the ingest";
        }
        String secret = auth instanceof Bearer b ? b.tokenSecret()
            : auth instanceof Basic b ? b.passwordSecret()
            : ((HttpSpec.ApiKey) auth).keySecret();
        return "the credentials were refused: check the secret '" + secret + "'";
    }

    private static String snippet(byte[] body) {
        String s = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8).replaceAll("\\s+", " ").trim();
        return s.isEmpty() ? "(empty body)" : s + (body.length > 200 ? "…" : "");
    }
}
