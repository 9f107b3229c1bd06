package dev.mallard.core.ingest.http;

import dev.mallard.core.ingest.IngestException;
import dev.mallard.core.ingest.http.HttpSpec.RetryPolicy;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends the http source's GET requests: adds the credentials (only to the API's own
 * origin), keeps to the rate limit, and retries 429, 5xx, timeouts and broken connections
 * with exponential backoff, honouring {@code Retry-After}. Retries and the rate limit are
 * resilience4j's (retry and ratelimiter 2.4): its retry takes a per-attempt interval
 * function that sees the failed response, which is what {@code Retry-After} needs.
 */
final class Requester {

    /** A response read whole; {@code attempts} is how many requests it took. */
    record Response(int status, java.net.http.HttpHeaders headers, byte[] body, int attempts) {}

    private final HttpClient client;
    private final Credentials credentials;
    private final Map<String, String> headers;
    private final Duration timeout;
    private final RetryPolicy policy;
    private final RateLimiter rateLimiter;
    private final Retry retry;
    private final Redactor redactor;
    private final String ingest;

    Requester(HttpSpec spec, Credentials credentials, Map<String, String> renderedHeaders, Redactor redactor,
            String ingest) {
        this.client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(spec.timeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
        this.credentials = credentials;
        this.headers = Map.copyOf(renderedHeaders);
        this.timeout = spec.timeout();
        this.policy = spec.retry();
        this.redactor = redactor;
        this.ingest = ingest;
        this.retry = Retry.of("http-" + ingest, RetryConfig.<HttpResponse<byte[]>>custom()
            .maxAttempts(policy.maxAttempts())
            .retryOnResult(r -> transientStatus(r.statusCode()))
            .retryOnException(e -> e instanceof IOException)
            .intervalBiFunction(this::backoff)
            .failAfterMaxAttempts(false)
            .writableStackTraceEnabled(false)
            .build());
        if (spec.requestsPerSecond() > 0) {
            long nanos = Math.max(1, (long) (1_000_000_000L / spec.requestsPerSecond()));
            this.rateLimiter = RateLimiter.of("http-" + ingest, RateLimiterConfig.custom()
                .limitForPeriod(1)
                .limitRefreshPeriod(Duration.ofNanos(nanos))
                .timeoutDuration(Duration.ofHours(1))
                .build());
        } else {
            this.rateLimiter = null;
        }
    }

    /** GETs {@code uri} (without credentials; they are added here), retrying transient failures. */
    Response get(URI uri, String where) throws IngestException {
        HttpRequest.Builder b = HttpRequest.newBuilder(credentials.applyToUri(uri))
            .GET()
            .timeout(timeout)
            .header("Accept", "application/json");
        headers.forEach(b::header);
        credentials.applyHeaders(uri, b);
        HttpRequest request = b.build();
        AtomicInteger attempts = new AtomicInteger();
        HttpResponse<byte[]> response;
        try {
            response = retry.executeCheckedSupplier(() -> {
                attempts.incrementAndGet();
                if (rateLimiter != null && !rateLimiter.acquirePermission()) {
                    throw new IOException("rate limiter timed out");
                }
                return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IngestException(where + ": interrupted");
        } catch (IOException e) {
            throw new IngestException(redactor.scrub(where + ": no response after " + attempts.get() + " attempt(s): "
                + describe(e)));
        } catch (Throwable e) {
            throw new IngestException(redactor.scrub(where + ": request failed: " + describe(e)));
        }
        if (transientStatus(response.statusCode())) {
            throw new IngestException(where + ": HTTP " + response.statusCode() + " after " + attempts.get()
                + " attempt(s)" + (policy.maxAttempts() > 1 ? " (retry.max_attempts is " + policy.maxAttempts() + ")" : ""));
        }
        return new Response(response.statusCode(), response.headers(), response.body(), attempts.get());
    }

    static boolean transientStatus(int status) {
        return status == 429 || status >= 500;
    }

    /** Milliseconds before retry {@code attempt}: the server's Retry-After if any, else exponential with jitter. */
    private long backoff(int attempt, Either<Throwable, HttpResponse<byte[]>> outcome) {
        if (outcome != null && outcome.isRight() && outcome.get() != null) {
            Long retryAfter = retryAfterMillis(outcome.get().headers().firstValue("Retry-After").orElse(null));
            if (retryAfter != null) {
                return Math.min(retryAfter, policy.maxRetryAfter().toMillis());
            }
        }
        long base = policy.initialBackoff().toMillis();
        long exp = base << Math.min(20, Math.max(0, attempt - 1));
        long capped = Math.min(exp, policy.maxBackoff().toMillis());
        return capped <= 1 ? capped : capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
    }

    /** {@code Retry-After} as seconds or an HTTP date, in milliseconds from now; null when absent or unreadable. */
    static Long retryAfterMillis(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            return Math.max(0, Long.parseLong(v)) * 1000;
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                return Math.max(0, at.toInstant().toEpochMilli() - System.currentTimeMillis());
            } catch (RuntimeException notDate) {
                return null;
            }
        }
    }

    private static String describe(Throwable e) {
        String kind = e instanceof java.net.http.HttpTimeoutException ? "timed out"
            : e instanceof java.net.ConnectException ? "connection refused"
            : e.getClass().getSimpleName();
        return e.getMessage() == null ? kind : kind + " (" + e.getMessage() + ")";
    }
}
