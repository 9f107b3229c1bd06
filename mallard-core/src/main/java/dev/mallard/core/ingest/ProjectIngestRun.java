package dev.mallard.core.ingest;

import dev.mallard.core.engine.EngineSession;
import dev.mallard.core.manifest.IngestNode;
import dev.mallard.core.manifest.IngestNode.IngestTable;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/** The {@link IngestRun} the framework hands a source: one ingest node, on one engine session. */
final class ProjectIngestRun implements IngestRun {
    private final IngestNode node;
    private final EngineSession session;
    private final IngestState state;
    private final BiFunction<String, Map<String, Object>, String> renderer;
    private final Secrets secrets;
    private final IngestWindow window;
    private final Consumer<String> progress;
    private final Path projectDir;
    private final AtomicLong rows = new AtomicLong();
    private final AtomicLong commits = new AtomicLong();

    ProjectIngestRun(IngestNode node, EngineSession session, IngestState state,
                     BiFunction<String, Map<String, Object>, String> renderer, Secrets secrets, IngestWindow window,
                     Consumer<String> progress, Path projectDir) {
        this.node = node;
        this.session = session;
        this.state = state;
        this.renderer = renderer;
        this.secrets = secrets;
        this.window = window;
        this.progress = progress;
        this.projectDir = projectDir;
    }

    @Override
    public String ingestName() {
        return node.name();
    }

    @Override
    public Map<String, Object> options() {
        return node.options();
    }

    @Override
    public Path projectDir() {
        return projectDir;
    }

    @Override
    public java.util.List<String> tables() {
        return node.tables().stream().map(IngestTable::name).toList();
    }

    @Override
    public Map<String, Object> state(String table) {
        return state.read(session, node.name(), tableOf(table).name());
    }

    @Override
    public String render(String template, Map<String, Object> extra) {
        return renderer.apply(template, extra);
    }

    @Override
    public Optional<String> secret(String name) {
        return secrets.get(name);
    }

    @Override
    public Optional<String> start() {
        return window.startValue();
    }

    @Override
    public Optional<String> end() {
        return window.endValue();
    }

    @Override
    public void commit(String table, IngestBatch batch, Map<String, Object> newState) throws IngestException {
        IngestTable t = tableOf(table);
        try {
            rows.addAndGet(new BatchCommit(session, state, node.name()).commit(t, batch, newState));
            commits.incrementAndGet();
        } catch (RuntimeException e) {
            throw new IngestException("ingest '" + node.name() + "': cannot write into " + t.name() + ": "
                    + (e.getMessage() == null ? e.toString() : e.getMessage().strip()), e);
        }
    }

    @Override
    public void progress(String message) {
        // a source that names its table first ("notices: 2,500 records") is not prefixed twice
        progress.accept(message.startsWith(node.name() + ":") ? message : node.name() + ": " + message);
    }

    long rowsWritten() {
        return rows.get();
    }

    long commits() {
        return commits.get();
    }

    private IngestTable tableOf(String name) {
        if (name == null && node.tables().size() == 1) {
            return node.tables().get(0);
        }
        java.util.Optional<IngestTable> exact = node.table(name);
        if (exact.isEmpty() && name != null && !name.contains(".")) {
            // a source naming a table by its identifier alone (an http endpoint's default): the declared one of that name
            List<IngestTable> same = node.tables().stream()
                    .filter(t -> t.name().substring(t.name().lastIndexOf('.') + 1).equals(name)).toList();
            if (same.size() == 1) {
                return same.get(0);
            }
        }
        return exact.orElseThrow(() -> new IllegalArgumentException("ingest '" + node.name()
                + "' does not fill table '" + name + "' (its tables: " + node.tables().stream().map(IngestTable::name)
                .toList() + ")"));
    }
}
