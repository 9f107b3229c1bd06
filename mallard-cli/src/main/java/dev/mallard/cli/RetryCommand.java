package dev.mallard.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.manifest.Node;
import dev.mallard.core.manifest.NodeId;
import dev.mallard.core.run.Workspace;
import dev.mallard.core.state.PreviousResults;
import dev.mallard.core.state.PreviousState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * dbt's {@code retry}: runs the last run, seed or build again (the command named by
 * {@code args.which} in target/run_results.json, with its recorded flags, target and vars),
 * but only for the nodes that errored, failed or were skipped.
 */
@Command(name = "retry", description = "Re-run the nodes that errored, failed or were skipped in the last "
        + "run, seed or build.")
final class RetryCommand extends ProjectCommand {
    @Override
    public Integer call() {
        Workspace ws = Workspace.load(options.toLoaderOptions(), System.getenv());
        try {
            PreviousResults previous = readPrevious(ws);
            ExecuteNodes command = commandFor(previous.which());
            if (useRecordedOptions(previous)) {
                ws.close();
                ws = Workspace.load(options.toLoaderOptions(), System.getenv());
            }
            if (ws.project().profileNotice() != null) {
                printer.line(ws.project().profileNotice());
            }
            Set<NodeId> retry = retryable(ws, previous);
            if (retry.isEmpty()) {
                printer.line("Nothing to retry: the last " + previous.which()
                        + " had no errors, failures or skipped nodes.");
                return 0;
            }
            command.options = options;
            command.printer = printer;
            command.selection = StateArgs.selection(previous);
            command.retryNodes = retry;
            return command.run(ws);
        } finally {
            ws.close();
        }
    }

    @Override
    int run(Workspace ws) {
        throw new IllegalStateException("retry runs through call()");
    }

    private static PreviousResults readPrevious(Workspace ws) {
        Path file = ws.project().targetDir().resolve(PreviousState.RUN_RESULTS);
        if (!Files.isRegularFile(file)) {
            throw new MallardException(ErrorCode.USAGE, "there is no previous run to retry: "
                    + ws.project().dir().relativize(file) + " does not exist", null, 0,
                    "run mallard build (or run, seed) first", null);
        }
        return PreviousResults.read(file);
    }

    /** The command of the previous run, found among mallard's own subcommands. */
    private static ExecuteNodes commandFor(String which) {
        Class<?> type = Main.COMMANDS.get(which);
        if (type != null && ExecuteNodes.class.isAssignableFrom(type)) {
            return (ExecuteNodes) new CommandLine(type).getCommand();
        }
        throw new MallardException(ErrorCode.USAGE, "retry re-runs run, seed and build, but the last command in "
                + "run_results.json was '" + which + "'");
    }

    /**
     * As dbt does, the target and vars of the previous run apply unless given again; so do
     * its threads. Returns whether that changed the options the project was loaded with.
     */
    private boolean useRecordedOptions(PreviousResults previous) {
        boolean changed = false;
        String target = previous.stringArg("target");
        if (options.target == null && target != null) {
            options.target = target;
            changed = true;
        }
        if (options.vars == null && previous.args().get("vars") instanceof Map<?, ?> vars && !vars.isEmpty()) {
            try {
                options.vars = new ObjectMapper().writeValueAsString(vars);
            } catch (JsonProcessingException e) {
                throw new MallardException(ErrorCode.INTERNAL, "cannot reuse the vars of the last run: " + e.getMessage());
            }
            changed = true;
        }
        if (options.threads == null && previous.args().get("threads") instanceof Number threads
                && !Objects.equals(threads.intValue(), 0)) {
            options.threads = threads.intValue();
            changed = true;
        }
        return changed;
    }

    /** The nodes to run again that this project still has, enabled. */
    private static Set<NodeId> retryable(Workspace ws, PreviousResults previous) {
        Set<NodeId> out = new LinkedHashSet<>();
        for (String id : previous.retryable()) {
            Node n = ws.manifest().nodes().get(new NodeId(id));
            if (n != null && n.config().enabled()) {
                out.add(n.id());
            }
        }
        return out;
    }
}
