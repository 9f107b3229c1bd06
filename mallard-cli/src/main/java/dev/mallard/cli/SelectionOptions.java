package dev.mallard.cli;

import dev.mallard.core.state.PreviousState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** --select/--exclude and the run flags. */
public final class SelectionOptions {
    @Option(names = {"-s", "--select", "-m", "--models"}, arity = "1..*", description = "Nodes to include.")
    List<String> select = new ArrayList<>();

    @Option(names = "--exclude", arity = "1..*", description = "Nodes to leave out.")
    List<String> exclude = new ArrayList<>();

    @Option(names = {"-x", "--fail-fast"}, description = "Stop at the first failure.")
    boolean failFast;

    @Option(names = "--indirect-selection", description = "Tests that come along with selected nodes: eager (default), "
            + "cautious, buildable or empty.")
    String indirectSelection;

    @Option(names = "--full-refresh", description = "Rebuild incremental models and seeds from scratch.")
    boolean fullRefresh;

    @Option(names = "--empty", description = "Build with refs and sources read as empty: checks the SQL and the "
            + "schema, loads no rows.")
    boolean empty;

    @Option(names = "--store-failures", description = "Tests without a store_failures config keep their failing "
            + "rows in the database.")
    boolean storeFailures;

    @Option(names = "--selector", description = "A named selector from selectors.yml (replaces --select/--exclude).")
    String selector;

    @Option(names = "--state", description = "Folder with the artifacts (manifest.json, run_results.json) of an "
            + "earlier run, for state: and result: selectors and --defer.")
    Path state;

    @Option(names = "--defer", description = "Refs to nodes not built in this target read the relations of --state.")
    boolean defer;

    @Option(names = "--favor-state", description = "With --defer: refs to unselected nodes always read --state's "
            + "relations, even where this target has them.")
    boolean favorState;

    @Option(names = "--event-time-start", description = "With --event-time-end: microbatch models rebuild the "
            + "batches from this UTC date or timestamp.")
    String eventTimeStart;

    @Option(names = "--event-time-end", description = "With --event-time-start: microbatch models rebuild the "
            + "batches up to this UTC date or timestamp.")
    String eventTimeEnd;

    private PreviousState previousState;

    /** The run --state points at, read once per invocation; null without --state. */
    PreviousState previousState() {
        if (state == null) {
            return null;
        }
        if (previousState == null) {
            previousState = PreviousState.at(state);
        }
        return previousState;
    }
}
