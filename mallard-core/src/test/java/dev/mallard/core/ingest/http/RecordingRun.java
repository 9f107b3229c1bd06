package dev.mallard.core.ingest.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mallard.core.ingest.IngestBatch;
import dev.mallard.core.ingest.IngestException;
import dev.mallard.core.ingest.IngestRun;
import dev.mallard.jinja.Environment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An in-memory {@link IngestRun} for the http source's tests: it renders with the real Jinja
 * engine, takes secrets from a map, and on each commit reads the NDJSON file (the source
 * deletes it afterwards) and records the lines with the new state. A table's rows and state
 * persist across runs that share the same {@link Store}, like the framework's state table;
 * {@code failOnCommit} makes commit number N throw, as a crash between batches would.
 */
final class RecordingRun implements IngestRun {

    /** Committed rows and states, kept across runs. */
    static final class Store {
        final Map<String, List<String>> rows = new LinkedHashMap<>();
        final Map<String, Map<String, Object>> states = new HashMap<>();
        final List<Commit> commits = new ArrayList<>();
        final List<String> progress = new ArrayList<>();

        List<String> rows(String table) {
            return rows.getOrDefault(table, List.of());
        }
    }

    record Commit(String table, List<String> lines, String rawColumn, Map<String, Object> state) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Environment JINJA = new Environment();

    final Store store;
    private final String name;
    private final Map<String, Object> options;
    private final Map<String, String> secrets;
    private String start;
    private String end;
    private int failOnCommit;

    RecordingRun(Store store, String name, Map<String, Object> options, Map<String, String> secrets) {
        this.store = store;
        this.name = name;
        this.options = options;
        this.secrets = secrets;
    }

    RecordingRun window(String start, String end) {
        this.start = start;
        this.end = end;
        return this;
    }

    RecordingRun failOnCommit(int n) {
        this.failOnCommit = n;
        return this;
    }

    @Override
    public String ingestName() {
        return name;
    }

    @Override
    public Map<String, Object> options() {
        return options;
    }

    @Override
    public Map<String, Object> state(String table) {
        return store.states.getOrDefault(table, Map.of());
    }

    @Override
    public String render(String template, Map<String, Object> extra) {
        return JINJA.render(JINJA.parse(template, template), new HashMap<>(extra));
    }

    @Override
    public Optional<String> secret(String key) {
        return Optional.ofNullable(secrets.get(key));
    }

    @Override
    public Optional<String> start() {
        return Optional.ofNullable(start);
    }

    @Override
    public Optional<String> end() {
        return Optional.ofNullable(end);
    }

    @Override
    public void commit(String table, IngestBatch batch, Map<String, Object> newState) throws IngestException {
        if (--failOnCommit == 0) {
            throw new IngestException("simulated crash before commit");
        }
        IngestBatch.JsonLines lines = (IngestBatch.JsonLines) batch;
        List<String> read;
        try {
            read = Files.readAllLines(lines.file());
            // the state must survive a JSON round trip, as the framework stores it as JSON
            Map<String, Object> copy = JSON.readValue(JSON.writeValueAsString(newState), Map.class);
            store.rows.computeIfAbsent(table, t -> new ArrayList<>()).addAll(read);
            store.states.put(table, copy);
            store.commits.add(new Commit(table, read, lines.rawColumn(), copy));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void progress(String message) {
        store.progress.add(message);
    }
}
