package dev.mallard.core.ingest.http;

import dev.mallard.core.ingest.IngestException;
import dev.mallard.core.ingest.IngestRun;
import dev.mallard.core.ingest.http.HttpSpec.ApiKey;
import dev.mallard.core.ingest.http.HttpSpec.Auth;
import dev.mallard.core.ingest.http.HttpSpec.Basic;
import dev.mallard.core.ingest.http.HttpSpec.Bearer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * The resolved credentials of one run. Values come from {@link IngestRun#secret} only, are
 * registered with the {@link Redactor} at once, and are sent only to the base URL's origin
 * (a {@code next} link to another host gets no credentials).
 */
final class Credentials {

    private final URI origin;
    private final String header;
    private final String headerValue;
    private final String queryParam;
    private final String queryValue;

    private Credentials(URI origin, String header, String headerValue, String queryParam, String queryValue) {
        this.origin = origin;
        this.header = header;
        this.headerValue = headerValue;
        this.queryParam = queryParam;
        this.queryValue = queryValue;
    }

    static Credentials resolve(Auth auth, IngestRun run, URI baseUrl, Redactor redactor) throws IngestException {
        if (auth instanceof Bearer b) {
            String token = secret(run, b.tokenSecret(), redactor);
            return new Credentials(baseUrl, "Authorization", "Bearer " + token, null, null);
        }
        if (auth instanceof Basic b) {
            String user = b.username() != null ? b.username() : secret(run, b.usernameSecret(), redactor);
            String password = secret(run, b.passwordSecret(), redactor);
            String encoded = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            redactor.addSecret(encoded);
            return new Credentials(baseUrl, "Authorization", "Basic " + encoded, null, null);
        }
        if (auth instanceof ApiKey k) {
            String key = secret(run, k.keySecret(), redactor);
            return k.header() != null
                ? new Credentials(baseUrl, k.header(), key, null, null)
                : new Credentials(baseUrl, null, null, k.queryParam(), key);
        }
        return new Credentials(baseUrl, null, null, null, null);
    }

    private static String secret(IngestRun run, String name, Redactor redactor) throws IngestException {
        String value = run.secret(name).filter(v -> !v.isEmpty()).orElseThrow(() -> new IngestException("ingest '"
            + run.ingestName() + "': secret '" + name + "' is not set (an environment variable of that name,"
            + " or an entry in the secrets file)"));
        redactor.addSecret(value);
        return value;
    }

    /** The query parameter that carries the API key, if any (masked when URLs are printed). */
    String queryParam() {
        return queryParam;
    }

    boolean sameOrigin(URI uri) {
        return Objects.equals(origin.getScheme(), uri.getScheme())
            && Objects.equals(origin.getHost(), uri.getHost())
            && port(origin) == port(uri);
    }

    private static int port(URI u) {
        return u.getPort() != -1 ? u.getPort() : "https".equals(u.getScheme()) ? 443 : 80;
    }

    URI applyToUri(URI uri) {
        if (queryParam == null || !sameOrigin(uri)) {
            return uri;
        }
        String pair = URLEncoder.encode(queryParam, StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(queryValue, StandardCharsets.UTF_8);
        String q = uri.getRawQuery();
        String s = uri.toString();
        int hash = s.indexOf('#');
        if (hash >= 0) {
            s = s.substring(0, hash);
        }
        return URI.create(s + (q == null || q.isEmpty() ? "?" : "&") + pair);
    }

    void applyHeaders(URI uri, HttpRequest.Builder b) {
        if (header != null && sameOrigin(uri)) {
            b.header(header, headerValue);
        }
    }
}
