package dev.mallard.core.ingest.http;

import dev.mallard.core.ingest.IngestException;
import dev.mallard.core.ingest.IngestRun;
import dev.mallard.core.ingest.IngestSource;
import dev.mallard.core.ingest.http.HttpSpec.Cursor;
import dev.mallard.core.ingest.http.HttpSpec.Endpoint;
import dev.mallard.core.ingest.http.HttpSpec.NextUrl;
import dev.mallard.core.ingest.http.HttpSpec.Offset;
import dev.mallard.core.ingest.http.HttpSpec.PageNumber;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The {@code http} ingest source: JSON APIs read page by page into raw tables, one per
 * endpoint, with the options described in docs/ingest-http.md.
 */
public final class HttpSource implements IngestSource {

    @Override
    public String type() {
        return "http";
    }

    @Override
    public void run(IngestRun run) throws IngestException {
        HttpSpec spec = HttpSpecReader.read(run.ingestName(), withRenderedBaseUrl(run));
        Set<String> keyParams = new HashSet<>();
        if (spec.auth() instanceof HttpSpec.ApiKey k && k.queryParam() != null) {
            keyParams.add(k.queryParam());
        }
        Redactor redactor = new Redactor(keyParams);
        Credentials credentials = Credentials.resolve(spec.auth(), run, spec.baseUrl(), redactor);
        Map<String, String> headers = new LinkedHashMap<>();
        Map<String, Object> context = PageRequests.context(run, null);
        spec.headers().forEach((k, v) -> headers.put(k, PageRequests.render(run, v, context)));
        Requester requester = new Requester(spec, credentials, headers, redactor, run.ingestName());
        ExecutorService pool = Executors.newFixedThreadPool(spec.parallel(), r -> {
            Thread t = new Thread(r, "mallard-http-" + run.ingestName());
            t.setDaemon(true);
            return t;
        });
        try {
            for (Endpoint ep : spec.endpoints()) {
                PageParser parser = new PageParser(ep.recordsPath(), captures(ep),
                    ep.incremental() == null ? null : ep.incremental().cursorField(), ep.keepRaw() == null);
                PageFetcher fetcher = new PageFetcher(run.ingestName(), requester, parser, redactor, pool, spec.auth());
                new EndpointIngest(spec, ep, run, fetcher).run();
            }
        } catch (IngestException e) {
            throw clean(e, redactor);
        } catch (RuntimeException e) {
            throw new IngestException(redactor.scrub("ingest '" + run.ingestName() + "': " + e));
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The options with {@code base_url} rendered (once per run, like the params), so that it
     * can come from {@code env_var()} or {@code var()}; the spec is read from the result.
     */
    private static Map<String, Object> withRenderedBaseUrl(IngestRun run) {
        Map<String, Object> options = run.options();
        if (!(options.get("base_url") instanceof String base) || !(base.contains("{{") || base.contains("{%"))) {
            return options;
        }
        Map<String, Object> rendered = new LinkedHashMap<>(options);
        rendered.put("base_url", PageRequests.render(run, base, PageRequests.context(run, null)).strip());
        return rendered;
    }

    private static Set<String> captures(Endpoint ep) {
        Set<String> paths = new HashSet<>();
        if (ep.pagination() instanceof PageNumber p && p.totalPagesPath() != null) {
            paths.add(p.totalPagesPath());
        } else if (ep.pagination() instanceof Offset o && o.totalPath() != null) {
            paths.add(o.totalPath());
        } else if (ep.pagination() instanceof Cursor c) {
            paths.add(c.path());
        } else if (ep.pagination() instanceof NextUrl n) {
            paths.add(n.path());
        }
        return paths;
    }

    /** {@code e} as is when no message in its chain holds a secret, else a scrubbed copy without the chain. */
    private static IngestException clean(IngestException e, Redactor redactor) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (!redactor.scrub(m).equals(m)) {
                return new IngestException(redactor.scrub(e.getMessage()));
            }
        }
        return e;
    }
}
