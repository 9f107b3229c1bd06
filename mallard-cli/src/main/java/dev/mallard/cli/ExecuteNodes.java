package dev.mallard.cli;

import dev.mallard.core.exec.RunSummary;
import dev.mallard.core.manifest.NodeId;
import dev.mallard.core.manifest.ResourceType;
import dev.mallard.core.plan.Plan;
import dev.mallard.core.plan.Planner;
import dev.mallard.core.run.RunFlags;
import dev.mallard.core.run.Runner;
import dev.mallard.core.run.Workspace;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** run, seed and build: select, plan, execute, write artifacts. */
abstract class ExecuteNodes extends ProjectCommand {
    @Mixin
    SelectionOptions selection;

    @Option(names = "--dry-run", description = "Print the plan and stop.")
    boolean dryRun;

    /** Set by {@code retry}: run exactly these nodes instead of the selection. */
    Set<NodeId> retryNodes;

    abstract String commandName();

    @Override
    boolean reportsVersion() {
        return true;
    }

    abstract Set<ResourceType> resourceTypes();

    /** --start/--end for the ingests the command runs (build and ingest take them). */
    dev.mallard.core.ingest.IngestWindow ingestWindow() {
        return dev.mallard.core.ingest.IngestWindow.NONE;
    }

    @Override
    boolean opensEngine() {
        return !dryRun;
    }

    /** The command's resource types narrowed to {@code --resource-type} names (all when none given). */
    static Set<ResourceType> restrict(Set<ResourceType> types, java.util.List<String> names) {
        if (names == null || names.isEmpty()) {
            return types;
        }
        Set<ResourceType> out = java.util.EnumSet.noneOf(ResourceType.class);
        for (String name : names) {
            ResourceType t;
            try {
                t = ResourceType.fromDbtName(name.trim());
            } catch (IllegalArgumentException e) {
                throw new dev.mallard.core.error.MallardException(dev.mallard.core.error.ErrorCode.USAGE,
                        "unknown --resource-type '" + name + "'", null, 0, "use one of " + types.stream()
                                .map(ResourceType::dbtName).toList(), null);
            }
            if (types.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }

    @Override
    int run(Workspace ws) {
        dev.mallard.core.ingest.IngestWindow ingestWindow = ingestWindow();
        dev.mallard.core.materialize.EventTimeWindow eventTime = dev.mallard.core.materialize.EventTimeWindow
                .of(selection.eventTimeStart, selection.eventTimeEnd);
        Set<NodeId> selected = retryNodes != null ? retryNodes : Selections.select(ws, selection, resourceTypes());
        Plan plan = new Planner(ws.manifest(), ws.dag()).plan(selected, resourceTypes());
        dev.mallard.core.events.PhaseTimes.mark("selected and planned");
        if (dryRun) {
            printer.output(plan.describe().stripTrailing());
            return 0;
        }
        if (retryNodes == null) {
            Selections.defaultSelectorInUse(ws, selection)
                    .ifPresent(name -> printer.line("Using default selector " + name));
        }
        if (plan.steps().isEmpty() && !selection.select.isEmpty()) {
            Selections.warnNoMatch(printer, selection);
        }
        if (plan.steps().isEmpty()) {
            printer.warn("NothingToDo", "Q035", "Nothing to do. Try checking your model configs and model specification args");
        }
        // the template engine (made on first use when the saved parse was reused whole) is made now, while
        // the database still opens on its own thread, instead of after the wait for it
        ws.parsed().jinja();
        if (List.of("build", "run", "snapshot", "ingest").contains(commandName())) {
            dev.mallard.core.migrate.MigrationGate.beforeModels(ws,
                    plan.steps().stream().map(dev.mallard.core.plan.Step::node).toList(), printer::line);
        }
        int threads = ws.project().target().threads();
        Runner runner = new Runner(ws, printer, new RunFlags(selection.fullRefresh, selection.failFast, threads, eventTime,
                selection.empty, selection.storeFailures, warningTestsFail()),
                Selections.deferral(selection, selected)).withIngestWindow(ingestWindow);
        // the last build's record is read (and the JSON reader set up) while the nodes run: the start of the
        // command keeps both cores busy (main thread, warm-up, JIT), the nodes' phase leaves some idle
        var lastBuildRead = dev.mallard.core.state.LastBuild.readAhead(ws.project().targetDir());
        RunSummary summary = runner.run(commandName(), plan);
        dev.mallard.core.events.PhaseTimes.mark("run finished, summary out");
        ws.closeEngineMeanwhile(); // its checkpoint overlaps the artifacts below
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("select", selection.select);
        args.put("exclude", selection.exclude);
        args.put("full_refresh", selection.fullRefresh);
        args.put("fail_fast", selection.failFast);
        args.put("empty", selection.empty);
        args.put("threads", threads);
        if (eventTime != null) {
            args.put("event_time_start", selection.eventTimeStart);
            args.put("event_time_end", selection.eventTimeEnd);
        }
        ingestWindow.startValue().ifPresent(v -> args.put("start", v));
        ingestWindow.endValue().ifPresent(v -> args.put("end", v));
        StateArgs.record(args, selection, options);
        Artifacts.write(ws, summary, args, lastBuildRead);
        dev.mallard.core.events.PhaseTimes.mark("artifacts written");
        return summary.failed() ? 1 : 0;
    }

    /** --warn-error (or options naming all or LogTestResult): tests that would warn fail. */
    private static boolean warningTestsFail() {
        dev.mallard.cli.logging.EventLogging events = dev.mallard.cli.logging.EventLogging.current();
        return events != null && events.settings().warnErrors().failsWarningTests();
    }
}
