package dev.mallard.core.ingest;

import dev.mallard.core.engine.EngineSession;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.manifest.IngestNode;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * Runs one ingest node: finds its {@link IngestSource} by type, hands it a run over the
 * given session, and reports what it committed. A source's failure becomes one error naming
 * the ingest's spec file; what it committed before the failure stays (and is resumed from).
 */
public final class IngestRunner {
    private final Path projectDir;
    private final IngestState state;
    private final Secrets secrets;
    private final IngestWindow window;

    public IngestRunner(Path projectDir, String database, Map<String, String> env, IngestWindow window) {
        this.projectDir = projectDir.toAbsolutePath().normalize();
        this.state = new IngestState(database);
        this.secrets = new Secrets(env, projectDir);
        this.window = window == null ? IngestWindow.NONE : window;
    }

    /**
     * @param renderer renders a Jinja string with the project's context plus extra names
     * @return the result message, e.g. {@code INGEST 120 rows in 3 commits}
     */
    public String run(IngestNode node, EngineSession session, BiFunction<String, Map<String, Object>, String> renderer,
                      Consumer<String> progress) {
        IngestSource source = IngestSources.of(node.type()).orElseThrow(() -> new MallardException(ErrorCode.PROJECT,
                "ingest '" + node.name() + "' has unknown type '" + node.type() + "'", node.originalFilePath(), node.line()));
        if (session.dialect() != dev.mallard.core.engine.SqlDialect.DEFAULT) {
            // batches are staged with DuckDB's readers (read_csv, read_json) and its Appender
            throw new MallardException(ErrorCode.PROJECT, "ingest '" + node.name() + "' needs a DuckDB target: ingests are "
                    + "written with DuckDB's own readers, and this target's engine is not DuckDB", node.originalFilePath(),
                    node.line(), "run the ingest with a DuckDB target (--target), or leave it out with --exclude", null);
        }
        state.ensureTable(session);
        ProjectIngestRun run = new ProjectIngestRun(node, session, state, renderer, secrets, window, progress, projectDir);
        try {
            source.run(run);
        } catch (IngestException e) {
            String message = e.getMessage().startsWith("ingest '") ? e.getMessage()
                    : "ingest '" + node.name() + "': " + e.getMessage();
            throw new MallardException(ErrorCode.NODE_FAILED, message, node.originalFilePath(), node.line(), null, e);
        } catch (MallardException e) {
            // e.g. a secrets file inside the project, or a Jinja error in render()
            throw new MallardException(e.code(), "ingest '" + node.name() + "': " + e.getMessage(), node.originalFilePath(),
                    node.line(), e.hint(), e);
        }
        long commits = run.commits();
        return "INGEST " + run.rowsWritten() + " rows in " + commits + (commits == 1 ? " commit" : " commits");
    }
}
