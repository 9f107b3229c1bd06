package dev.mallard.cli;

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
}
