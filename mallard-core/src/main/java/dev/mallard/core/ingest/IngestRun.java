package dev.mallard.core.ingest;

import java.util.Map;
import java.util.Optional;

/**
 * What an {@link IngestSource} sees of one run of one ingest: its options, the last
 * committed state of each raw table, rendering, secrets, and {@link #commit}, which writes a
 * batch and its new state in one transaction.
 */
public interface IngestRun {

    /** The ingest's name, as in {@code ingest/*.yml}. */
    String ingestName();

    /**
     * The spec's options for the source (everything under the ingest except the keys the
     * framework owns), as parsed from YAML, not rendered: strings may hold Jinja that the
     * source renders with {@link #render} when it needs the current cursor.
     */
    Map<String, Object> options();

    /**
     * The state last committed for this ingest's raw table {@code table} (a JSON-compatible
     * map: strings, numbers, booleans, lists, maps); empty before the first commit.
     */
    Map<String, Object> state(String table);

    /**
     * Renders a Jinja string with the project's context ({@code var()}, {@code env_var()})
     * plus {@code extra} (e.g. {@code cursor}, {@code start}, {@code end}).
     */
    String render(String template, Map<String, Object> extra);

    /**
     * A secret by name: an environment variable of that name, else the secrets file outside
     * the project. Its value must never reach logs, artifacts or error messages.
     */
    Optional<String> secret(String name);

    /** {@code --start}/{@code --end} of a backfill, ISO-8601 strings, when given. */
    Optional<String> start();

    Optional<String> end();

    /**
     * Writes {@code batch} into raw table {@code table} (merged on the ingest's declared key,
     * appended when it has none) and records {@code newState} for that table, in one
     * transaction: either both land or neither does.
     */
    void commit(String table, IngestBatch batch, Map<String, Object> newState) throws IngestException;

    /**
     * The raw tables this ingest fills, as its spec names them ({@code table:} or the keys
     * of {@code tables:}), in the spec's order: the names {@link #state} and {@link #commit}
     * take. Added with the framework; the default reads {@code table:} from the options.
     */
    default java.util.List<String> tables() {
        Object t = options().get("table");
        return t == null ? java.util.List.of() : java.util.List.of(String.valueOf(t));
    }

    /**
     * The project's folder, against which a source resolves relative paths (the files
     * source's globs). Added for the files source; the default is the working directory.
     */
    default java.nio.file.Path projectDir() {
        return java.nio.file.Path.of("").toAbsolutePath();
    }

    /** Progress for the console and logs (never with secrets). */
    void progress(String message);
}
