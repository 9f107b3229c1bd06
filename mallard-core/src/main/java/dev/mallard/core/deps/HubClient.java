package dev.mallard.core.deps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The dbt package hub's API ({@code GET <base>/<org>/<package>.json}). The base URL comes
 * from the {@code mallard.hub.url} system property, then {@code MALLARD_HUB_URL}, then
 * {@code https://hub.getdbt.com/api/v1/}; it fails within a few seconds when unreachable.
 */
public final class HubClient {
    public static final String DEFAULT_URL = "https://hub.getdbt.com/api/v1/";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** A version the hub offers and where to download it. */
    public record Release(SemVer version, String tarballUrl) {
    }

    private final String baseUrl;

    public HubClient(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
    }

    /** The client for the configured hub. */
    public static HubClient configured(Map<String, String> env) {
        String url = System.getProperty("mallard.hub.url");
        if (url == null || url.isBlank()) {
            url = env.get("MALLARD_HUB_URL");
        }
        return new HubClient(url == null || url.isBlank() ? DEFAULT_URL : url);
    }

    /** The highest release of {@code pkg} in {@code range}. */
    public Release latest(String pkg, VersionRange range, boolean prereleases) {
        JsonNode index = index(pkg);
        List<SemVer> versions = new ArrayList<>();
        JsonNode all = index.path("versions");
        for (Iterator<String> it = all.fieldNames(); it.hasNext(); ) {
            SemVer v = SemVer.parse(it.next());
            if (v != null) {
                versions.add(v);
            }
        }
        SemVer best = range.highest(versions, prereleases);
        if (best == null) {
            throw new MallardException(ErrorCode.PROJECT, "the hub has no version of " + pkg + " in " + range
                    + " (it has " + versions.stream().sorted().map(SemVer::toString).toList() + ")");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = all.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (best.equals(SemVer.parse(e.getKey()))) {
                return new Release(best, e.getValue().path("downloads").path("tarball").asText());
            }
        }
        throw new IllegalStateException("version " + best + " vanished from the index");
    }

    private JsonNode index(String pkg) {
        String url = baseUrl + pkg + ".json";
        HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpResponse<String> response;
        try {
            response = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw unreachable(pkg, why(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable(pkg, "interrupted");
        }
        if (response.statusCode() == 404) {
            throw new MallardException(ErrorCode.PROJECT, "the package hub does not know the package " + pkg
                    + " (" + url + " answered 404)", null, 0, "check the 'package:' name (org/name)", null);
        }
        if (response.statusCode() != 200) {
            throw unreachable(pkg, "HTTP " + response.statusCode() + " from " + url);
        }
        try {
            return new ObjectMapper().readTree(response.body());
        } catch (IOException e) {
            throw unreachable(pkg, "the answer from " + url + " is not JSON");
        }
    }

    private static String why(IOException e) {
        if (e instanceof java.net.http.HttpConnectTimeoutException) {
            return "no answer within " + CONNECT_TIMEOUT.toSeconds() + " s";
        }
        if (e instanceof java.net.http.HttpTimeoutException) {
            return "no answer within " + TIMEOUT.toSeconds() + " s";
        }
        if (e instanceof java.net.ConnectException) {
            return "connection refused";
        }
        if (e.getCause() instanceof java.nio.channels.UnresolvedAddressException) {
            return "the host name cannot be resolved";
        }
        return e.getMessage() == null ? "network error" : e.getMessage();
    }

    private MallardException unreachable(String pkg, String why) {
        return new MallardException(ErrorCode.PROJECT, "could not reach the dbt package hub at " + baseUrl
                + " to resolve the package " + pkg + " (" + why + ")", null, 0,
                "without network access, install the package from git, a tarball or a local folder instead, e.g."
                        + " '- git: https://github.com/" + pkg + ".git' with 'revision:', or '- local: path/to/"
                        + pkg.substring(pkg.indexOf('/') + 1) + "'", null);
    }
}
