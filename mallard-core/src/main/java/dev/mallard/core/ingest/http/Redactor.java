package dev.mallard.core.ingest.http;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Keeps secrets out of everything the http source prints or stores: URLs lose their
 * credential-bearing query values, and any text loses every known secret value (as is,
 * URL-encoded and Base64-encoded, the forms in which a request carries it).
 */
final class Redactor {

    static final String MASK = "***";

    /** Query parameters whose values are credentials in common APIs. */
    private static final Set<String> SENSITIVE_PARAMS = Set.of("token", "access_token", "api_key", "apikey", "key",
        "password", "secret", "client_secret", "signature", "sig", "auth");

    private final List<String> secrets = new ArrayList<>();
    private final Set<String> extraParams;

    Redactor(Set<String> extraSensitiveParams) {
        this.extraParams = Set.copyOf(extraSensitiveParams);
    }

    /** Registers a secret value so that {@link #scrub} hides it. */
    void addSecret(String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        for (String form : List.of(value, URLEncoder.encode(value, StandardCharsets.UTF_8),
                Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)))) {
            if (!secrets.contains(form)) {
                secrets.add(form);
            }
        }
        // longest first, so that a secret containing another is masked whole
        secrets.sort((a, b) -> b.length() - a.length());
    }

    /** {@code text} with every secret value masked. */
    String scrub(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String s : secrets) {
            out = out.replace(s, MASK);
        }
        return out;
    }

    /** A URL fit to print: no user info, credential query values masked, secrets scrubbed. */
    String url(URI uri) {
        return scrub(withoutCredentials(uri, true).toString());
    }

    boolean sensitive(String param) {
        String p = param.toLowerCase(Locale.ROOT);
        return SENSITIVE_PARAMS.contains(p) || extraParams.contains(param);
    }

    /**
     * {@code uri} without user info and with credential query parameters masked
     * ({@code mask}) or removed (for URLs kept in state, to which the key is added again
     * when sent).
     */
    URI withoutCredentials(URI uri, boolean mask) {
        String query = uri.getRawQuery();
        StringBuilder q = new StringBuilder();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String name = java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                if (sensitive(name)) {
                    if (!mask) {
                        continue;
                    }
                    pair = (eq < 0 ? pair : pair.substring(0, eq)) + "=" + MASK;
                }
                q.append(q.length() == 0 ? "" : "&").append(pair);
            }
        }
        StringBuilder b = new StringBuilder();
        b.append(uri.getScheme()).append("://").append(uri.getRawAuthority().replaceFirst("^[^@]*@", ""));
        b.append(uri.getRawPath() == null ? "" : uri.getRawPath());
        if (q.length() > 0) {
            b.append('?').append(q);
        }
        return URI.create(b.toString());
    }
}
