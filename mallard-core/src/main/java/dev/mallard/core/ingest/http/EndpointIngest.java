package dev.mallard.core.ingest.http;

import dev.mallard.core.ingest.IngestException;
import dev.mallard.core.ingest.IngestRun;
import dev.mallard.core.ingest.http.HttpSpec.Cursor;
import dev.mallard.core.ingest.http.HttpSpec.Endpoint;
import dev.mallard.core.ingest.http.HttpSpec.LinkHeader;
import dev.mallard.core.ingest.http.HttpSpec.NextUrl;
import dev.mallard.core.ingest.http.HttpSpec.Offset;
import dev.mallard.core.ingest.http.HttpSpec.PageNumber;
import dev.mallard.core.ingest.http.PageParser.PageResult;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Reads one endpoint into its raw table: pages in order, gathered into batches, each batch
 * committed with the state that says where the next page starts. Pages addressed by number
 * or offset are fetched ahead, up to {@code parallel} at once, and still committed in page
 * order; cursor, next-URL and Link-header pages are fetched one after the other.
 *
 * <p>State of a table: {@code cursor} (the incremental filter this run sends), and while a
 * run is under way {@code resume} (the next page: {@code page}, {@code offset},
 * {@code cursor} or {@code next_url}), {@code max_cursor} and the backfill {@code window}.
 * A finished run leaves only {@code cursor}, now the largest cursor value seen.
 */
final class EndpointIngest {

    private final HttpSpec spec;
    private final Endpoint ep;
    private final IngestRun run;
    private final PageFetcher fetcher;
    private final SchemaGuard guard;
    private String filterCursor;
    private String maxCursor;
    private Map<String, Object> window;
    private long pages;
    private long records;

    EndpointIngest(HttpSpec spec, Endpoint ep, IngestRun run, PageFetcher fetcher) {
        this.spec = spec;
        this.ep = ep;
        this.run = run;
        this.fetcher = fetcher;
        this.guard = new SchemaGuard(ep.columns());
    }

    void run() throws IngestException {
        Map<String, Object> state = run.state(ep.table());
        window = new LinkedHashMap<>();
        run.start().ifPresent(s -> window.put("start", s));
        run.end().ifPresent(e -> window.put("end", e));
        Object savedWindow = state.get("window");
        boolean sameWindow = Objects.equals(savedWindow == null ? Map.of() : savedWindow, window);
        @SuppressWarnings("unchecked")
        Map<String, Object> resume = state.get("resume") instanceof Map<?, ?> m && sameWindow ? (Map<String, Object>) m : null;
        filterCursor = state.get("cursor") != null ? String.valueOf(state.get("cursor"))
            : ep.incremental() != null ? ep.incremental().initial() : null;
        maxCursor = resume != null && state.get("max_cursor") != null ? String.valueOf(state.get("max_cursor")) : null;
        PageRequests requests = PageRequests.render(spec, ep, run, filterCursor);
        if (resume != null) {
            run.progress(ep.table() + ": resuming where the last run stopped");
        }
        try (BatchWriter batch = new BatchWriter(run, ep.table(), ep.keepRaw())) {
            Map<String, Object> stoppedAt = ep.pagination().addressable()
                ? addressable(requests, resume, batch) : sequential(requests, resume, batch);
            Map<String, Object> last = stoppedAt == null ? finalState() : inProgress(stoppedAt);
            if (batch.pages() > 0 || !last.equals(state)) {
                batch.commit(last);
            }
            run.progress(String.format("%s: %,d records in %,d pages%s", ep.table(), records, pages,
                stoppedAt == null ? "" : " (max_pages reached; the next run goes on)"));
        }
    }

    /** Page-number and offset pagination, fetched ahead. Returns where to resume, or null when done. */
    private Map<String, Object> addressable(PageRequests requests, Map<String, Object> resume, BatchWriter batch)
            throws IngestException {
        boolean byPage = ep.pagination() instanceof PageNumber;
        PageNumber pn = byPage ? (PageNumber) ep.pagination() : null;
        Offset off = byPage ? null : (Offset) ep.pagination();
        String key = byPage ? "page" : "offset";
        long first = resume != null && resume.get(key) instanceof Number n ? n.longValue() : byPage ? pn.start() : 0;
        long step = byPage ? 1 : off.limit();
        Integer size = byPage ? pn.size() : Integer.valueOf(off.limit());
        boolean stopOnShort = byPage ? pn.stopOnShortPage() : off.stopOnShortPage();
        long end = Long.MAX_VALUE; // first position past the last page, once a total is known
        // pages fetched ahead: `parallel` requests at once on the pool; once a total bounds the
        // pages, also a queue that keeps the requests going while a batch is being committed
        // (without a total, every page asked for past the end is a wasted request)
        int ahead = spec.parallel() + Math.min(spec.pagesPerBatch(), 32);
        ArrayDeque<Future<PageFetcher.Fetched>> inflight = new ArrayDeque<>();
        long issued = 0;
        long consumed = 0;
        boolean previousShort = false;
        try {
            while (true) {
                while (inflight.size() < (end == Long.MAX_VALUE ? spec.parallel() : ahead) && first + issued * step < end && belowMaxPages(issued)) {
                    long pos = first + issued * step;
                    Map<String, String> params = new LinkedHashMap<>();
                    if (byPage) {
                        params.put(pn.param(), String.valueOf(pos));
                        if (pn.sizeParam() != null && pn.size() != null) {
                            params.put(pn.sizeParam(), String.valueOf(pn.size()));
                        }
                    } else {
                        params.put(off.param(), String.valueOf(pos));
                        params.put(off.limitParam(), String.valueOf(off.limit()));
                    }
                    URI uri = requests.uri(params);
                    String label = byPage ? "page " + pos : "page at offset " + pos;
                    inflight.add(fetcher.submit(uri, label));
                    issued++;
                }
                if (inflight.isEmpty()) {
                    long pos = first + consumed * step;
                    return pos < end && !belowMaxPages(consumed) ? Map.of(key, pos) : null;
                }
                PageFetcher.Fetched page = await(inflight.poll());
                long pos = first + consumed * step;
                consumed++;
                PageResult r = page.result();
                if (r.records() == 0) {
                    return null;
                }
                if (previousShort && !byPage) {
                    throw new IngestException(page.where() + ": the previous page held fewer records than the limit of "
                        + off.limit() + " although more followed, so the API caps its page size: set pagination.limit"
                        + " to that cap (nothing from this batch was committed)");
                }
                accept(page, batch);
                String total = r.captured().get(byPage ? pn.totalPagesPath() : off.totalPath());
                if (total != null) {
                    long t = parseTotal(total, page);
                    end = byPage ? pn.start() + t : t;
                }
                previousShort = size != null && r.records() < size;
                long next = pos + step;
                if (next >= end || (stopOnShort && previousShort)) {
                    return null;
                }
                if (batch.pages() >= spec.pagesPerBatch()) {
                    batch.commit(inProgress(Map.of(key, next)));
                    progress();
                }
            }
        } finally {
            inflight.forEach(f -> f.cancel(true));
        }
    }

    /** Cursor, next-URL, Link-header and single-page endpoints. Returns where to resume, or null when done. */
    private Map<String, Object> sequential(PageRequests requests, Map<String, Object> resume, BatchWriter batch)
            throws IngestException {
        URI next;
        if (resume == null) {
            next = requests.uri(Map.of());
        } else if (ep.pagination() instanceof Cursor c && resume.get("cursor") != null) {
            next = requests.uri(Map.of(c.param(), String.valueOf(resume.get("cursor"))));
        } else if (resume.get("next_url") != null) {
            next = URI.create(String.valueOf(resume.get("next_url")));
        } else {
            next = requests.uri(Map.of());
        }
        Map<String, Object> position = resume;
        Set<String> seen = new HashSet<>();
        Future<PageFetcher.Fetched> pending = fetcher.submit(next, "page 1 of this run");
        try {
            for (long n = 1; pending != null; n++) {
                PageFetcher.Fetched page = await(pending);
                pending = null;
                if (page.result().records() == 0) {
                    return null;
                }
                accept(page, batch);
                next = null;
                if (ep.pagination() instanceof Cursor c) {
                    String value = page.result().captured().get(c.path());
                    if (value != null && !value.isEmpty()) {
                        next = requests.uri(Map.of(c.param(), value));
                        position = Map.of("cursor", value);
                    }
                } else if (ep.pagination() instanceof NextUrl || ep.pagination() instanceof LinkHeader) {
                    String link = ep.pagination() instanceof NextUrl u ? page.result().captured().get(u.path())
                        : LinkHeaders.next(page.headers().allValues("Link"));
                    if (link != null && !link.isEmpty()) {
                        next = fetcher.storable(page.uri().resolve(link));
                        position = Map.of("next_url", next.toString());
                    }
                }
                if (next == null) {
                    return null;
                }
                if (!seen.add(next.toString())) {
                    throw new IngestException(page.where() + ": the API pointed to the same next page twice ("
                        + fetcher.printable(next) + "); stopping rather than looping");
                }
                if (!belowMaxPages(n)) {
                    return position;
                }
                // the next page is on its way while this batch commits
                pending = fetcher.submit(next, "page " + (pages + 1) + " of this run");
                if (batch.pages() >= spec.pagesPerBatch()) {
                    batch.commit(inProgress(position));
                    progress();
                }
            }
        } finally {
            if (pending != null) {
                pending.cancel(true);
            }
        }
        return null;
    }

    private void accept(PageFetcher.Fetched page, BatchWriter batch) throws IngestException {
        PageResult r = page.result();
        if (ep.keepRaw() == null) {
            String problem = guard.check(r.fields());
            if (problem != null && ep.failOnSchemaChange()) {
                throw new IngestException(page.where() + ": schema change: " + problem
                    + " (nothing from this batch was committed; declare the column or set on_schema_change: ignore)");
            }
        }
        if (ep.incremental() != null && r.maxCursor() == null) {
            throw new IngestException(page.where() + ": no record has the cursor field '"
                + ep.incremental().cursorField() + "' (nothing from this batch was committed)");
        }
        maxCursor = PageParser.maxCursor(maxCursor, r.maxCursor());
        batch.add(r.ndjson(), r.records());
        pages++;
        records += r.records();
    }

    private long parseTotal(String total, PageFetcher.Fetched page) throws IngestException {
        try {
            return Long.parseLong(total.trim());
        } catch (NumberFormatException e) {
            throw new IngestException(page.where() + ": the total in the response is not a whole number: '" + total + "'");
        }
    }

    private boolean belowMaxPages(long n) {
        return ep.maxPages() == 0 || n < ep.maxPages();
    }

    private PageFetcher.Fetched await(Future<PageFetcher.Fetched> f) throws IngestException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IngestException("ingest '" + run.ingestName() + "': interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IngestException ie) {
                throw ie;
            }
            throw new IngestException("ingest '" + run.ingestName() + "': " + e.getCause());
        }
    }

    private Map<String, Object> inProgress(Map<String, Object> resume) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (filterCursor != null) {
            m.put("cursor", filterCursor);
        }
        if (maxCursor != null) {
            m.put("max_cursor", maxCursor);
        }
        if (!window.isEmpty()) {
            m.put("window", window);
        }
        m.put("resume", resume);
        return m;
    }

    private Map<String, Object> finalState() {
        Map<String, Object> m = new LinkedHashMap<>();
        String cursor = ep.incremental() != null ? PageParser.maxCursor(filterCursor, maxCursor) : null;
        if (cursor != null) {
            m.put("cursor", cursor);
        }
        return m;
    }

    private void progress() {
        run.progress(String.format("%s: %,d records in %,d pages committed", ep.table(), records, pages));
    }
}
