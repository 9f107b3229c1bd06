package dev.mallard.core.run;

import dev.mallard.core.engine.EngineSession;
import dev.mallard.core.engine.Relation;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.events.EventLevel;
import dev.mallard.core.events.NodeInfo;
import dev.mallard.core.exec.ArtifactFiles;
import dev.mallard.core.exec.Deferral;
import dev.mallard.core.exec.Executor;
import dev.mallard.core.exec.NodeCompiler;
import dev.mallard.core.exec.NodeResult;
import dev.mallard.core.exec.NodeStatus;
import dev.mallard.core.exec.ProgressPrinter;
import dev.mallard.core.exec.RunSummary;
import dev.mallard.core.manifest.ModelNode;
import dev.mallard.core.manifest.Node;
import dev.mallard.core.plan.Plan;
import dev.mallard.core.plan.Step;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Runs a plan with on-run-start/end hooks and reports as dbt does. */
public final class Runner {
    private record SchemaName(String database, String schema) {
    }

    private final Workspace ws;
    private final ProgressPrinter printer;
    private final RunFlags flags;
    private final Deferral deferral;
    private dev.mallard.core.ingest.IngestWindow ingestWindow = dev.mallard.core.ingest.IngestWindow.NONE;
    private dev.mallard.core.artifacts.FlatGraph graph;
    private String which = "run";
    private List<String> selectedResources = List.of();

    public Runner(Workspace ws, ProgressPrinter printer, RunFlags flags) {
        this(ws, printer, flags, null);
    }

    /** @param deferral where refs to nodes missing from this target point (--defer); null for none */
    public Runner(Workspace ws, ProgressPrinter printer, RunFlags flags, Deferral deferral) {
        this.ws = ws;
        this.printer = printer;
        this.flags = flags;
        this.deferral = deferral;
    }

    /** --start/--end handed to the ingests this run plans. */
    public Runner withIngestWindow(dev.mallard.core.ingest.IngestWindow window) {
        this.ingestWindow = window;
        return this;
    }

    public NodeCompiler compiler() {
        NodeCompiler compiler = new NodeCompiler(ws.parsed().jinja(), ws.linker(), ws.parsed().vars(),
                ws.project().target().context(), globals()).withFullRefresh(flags.fullRefresh())
                .withEventTimeWindow(flags.eventTime()).withEmptyInputs(flags.empty())
                .withJavaModels(new dev.mallard.core.javamodel.JavaModels(ws.project().targetDir()));
        return deferral == null ? compiler : compiler.withDeferral(deferral);
    }

    public Map<String, Object> globals() {
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("invocation_id", ws.invocationId());
        // a datetime, as dbt's: templates call run_started_at.strftime(...)
        g.put("run_started_at", dev.mallard.core.jinja.JinjaEngine.runStartedAt(ws.startedAt()));
        g.put("project_name", ws.project().name());
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("FULL_REFRESH", flags.fullRefresh());
        f.put("FAIL_FAST", flags.failFast());
        f.put("STORE_FAILURES", flags.storeFailures());
        f.put("WHICH", which);
        g.put("flags", f);
        g.put("selected_resources", selectedResources);
        g.put("graph", graph());
        return g;
    }

    /** One flat graph per run, shared by the templates and on-run-end's results: built on first read. */
    private synchronized dev.mallard.core.artifacts.FlatGraph graph() {
        if (graph == null) {
            var target = ws.project().target();
            graph = new dev.mallard.core.artifacts.FlatGraph(ws.manifest(), ws.dag(), new dev.mallard.core.artifacts
                    .HookEntries(dev.mallard.core.parse.HookOperations.all(ws.project()), target.effectiveDatabase(),
                    target.schema()));
        }
        return graph;
    }

    /** dbt's {@code flags.WHICH}: the command the templates run under (run, build, run-operation, ...). */
    public Runner withWhich(String command) {
        this.which = command;
        return this;
    }

    public RunSummary run(String command, Plan plan) {
        long t0 = System.nanoTime();
        Instant started = Instant.now();
        // dbt's flags.WHICH and selected_resources (the unique ids the command runs)
        which = command;
        selectedResources = plan.steps().stream().map(s -> s.node().value()).toList();
        NodeCompiler compiler = compiler();
        ArtifactFiles files = new ArtifactFiles(ws.project().targetDir(), ws.project().name()).inBackground();
        printFoundStats();
        // a Java model that does not compile stops the run before anything is built
        compiler.javaModels().compileAll(plan.steps().stream().map(s -> ws.manifest().nodes().get(s.node()))
                .filter(ModelNode.class::isInstance).map(ModelNode.class::cast).toList());
        if (!plan.steps().isEmpty()) {
            printConcurrency(plan.steps().size());
        }
        // dbt creates the schemas before on-run-start, whose hooks may write into them; again after, for
        // schemas of databases that on-run-start attaches
        createSchemas(plan);
        List<NodeResult> before = runHooks("on-run-start", ws.manifest().onRunStart(), compiler, Map.of());
        dev.mallard.core.events.PhaseTimes.mark("on-run-start done");
        createSchemas(plan);
        dev.mallard.core.events.PhaseTimes.mark("schemas created");
        Executor executor = new Executor(ws.engine(), ws.manifest(), compiler, printer, files, flags.threads(),
                flags.failFast()).withExternalRoot(ws.project().dir(), ws.project().target().string("external_root"))
                .withStoreFailures(flags.storeFailures()).withWarningTestsFailing(flags.warningTestsFail());
        if (plan.steps().stream().anyMatch(s -> "ingest".equals(s.materialization()))) {
            executor.withIngests(new dev.mallard.core.ingest.IngestRunner(ws.project().dir(),
                    ws.project().target().effectiveDatabase(), System.getenv(), ingestWindow));
        }
        List<NodeResult> results;
        try {
            results = executor.run(plan);
        } finally {
            files.awaitWrites();
        }
        dev.mallard.core.events.PhaseTimes.mark("nodes done");
        Map<String, Object> endContext = ws.manifest().onRunEnd().isEmpty() ? Map.of()
                : RunResultsContext.of(ws.manifest(), results, graph());
        List<NodeResult> after = runHooks("on-run-end", ws.manifest().onRunEnd(), compiler, endContext);
        double elapsed = (System.nanoTime() - t0) / 1e9;
        RunSummary summary = new RunSummary(command, ws.invocationId(), started, elapsed, results, before, after);
        printSummary(summary);
        return summary;
    }

    public void printFoundStats() {
        String stats = FoundStats.describe(ws.manifest(), ws.project().name());
        printer.emit("FoundStats", "W006", EventLevel.INFO, "Found " + stats, Map.of("stat_line", stats));
        printer.blank();
    }

    void printConcurrency(int nodes) {
        printer.emit("ConcurrencyLine", "Q027", EventLevel.INFO, "Concurrency: " + flags.threads()
                + " threads (target='" + ws.project().target().name() + "')", Map.of("node_count",
                nodes, "num_threads", flags.threads(), "target_name", ws.project().target().name()));
        printer.blank();
    }

    /**
     * Creates every schema the plan builds into before the workers start, as dbt does:
     * workers that each create the same missing schema hit DuckDB's catalog write-write
     * conflict.
     */
    void createSchemas(Plan plan) {
        Set<SchemaName> schemas = new LinkedHashSet<>();
        for (Step step : plan.steps()) {
            Relation r = ws.manifest().nodes().get(step.node()).relation();
            if (r.schema() != null) { // a saved query has no relation
                schemas.add(new SchemaName(r.database(), r.schema()));
            }
        }
        if (schemas.isEmpty()) {
            return;
        }
        try (EngineSession session = ws.engine().openSession()) {
            for (SchemaName s : schemas) {
                try {
                    session.createSchemaIfMissing(s.database(), s.schema());
                } catch (MallardException e) {
                    // the node that builds there reports the error as its own failure
                }
            }
        }
    }

    /** Runs on-run-start/end hooks in order; each is an operation result in run_results.json. */
    private List<NodeResult> runHooks(String name, List<String> hooks, NodeCompiler compiler, Map<String, Object> extra) {
        List<NodeResult> results = new java.util.ArrayList<>();
        if (hooks.isEmpty()) {
            return results;
        }
        // a package's hook is its own operation node (operation.<pkg>.<pkg>-on-run-start-<i>), labelled with its package
        List<dev.mallard.core.parse.HookOperations.Hook> ops = dev.mallard.core.parse.HookOperations.of(ws.project(), name);
        boolean end = name.equals("on-run-end");
        if (end) {
            printer.blank();
        }
        try (EngineSession session = ws.engine().openSession()) {
            int i = 0;
            for (String hook : hooks) {
                String pkg = ops.size() == hooks.size() ? ops.get(i).packageName() : ws.project().name();
                String id = ops.size() == hooks.size() ? ops.get(i).id().value()
                        : "operation." + pkg + "." + pkg + "-" + name + "-" + i;
                Instant started = Instant.now();
                long t = System.nanoTime();
                String label = "hook: " + pkg + "." + name + "." + i;
                printer.emit("LogHookStartLine", "Q032", EventLevel.INFO, printer.dotted((i + 1) + " of " + hooks.size()
                        + " START " + label, "[RUN]"), Map.of("index", i + 1, "total", hooks.size(), "statement", label));
                String sql = compiler.renderSql(hook, "dbt_project.yml (" + name + ")", null, session, printer.jinja(), extra);
                if (!sql.isBlank()) {
                    session.execute(sql);
                }
                double seconds = (System.nanoTime() - t) / 1e9;
                printer.emit("LogHookEndLine", "Q033", EventLevel.INFO, printer.dotted((i + 1) + " of " + hooks.size()
                        + " OK " + label, "[" + printer.green("OK") + " in " + String.format(Locale.ROOT, "%.2f",
                        seconds) + "s]"), Map.of("index", i + 1, "total", hooks.size(), "statement", label,
                        "status", "OK", "execution_time", seconds));
                // as dbt's: "<pkg>.<kind>.<i> passed", and no adapter response
                results.add(new NodeResult(new dev.mallard.core.manifest.NodeId(id), NodeStatus.SUCCESS,
                        label.substring("hook: ".length()) + " passed", started, Instant.now(), seconds,
                        Thread.currentThread().getName(), Map.of(), 0L, sql, null));
                i++;
            }
        }
        // dbt: a blank line after on-run-start's hooks; before on-run-end's (the summary's own blank follows them)
        if (!end) {
            printer.blank();
        }
        return results;
    }

    private void printSummary(RunSummary summary) {
        printFinished(statLine(summary), summary.elapsedSeconds());
        printOutcome(summary);
    }

    /**
     * The start of dbt's output for a command that runs no plan of nodes but the project's hooks (source
     * freshness): the "Found" line and, when {@code nodes} will run, the concurrency line.
     */
    public void printHeader(int nodes) {
        printFoundStats();
        if (nodes > 0) {
            printConcurrency(nodes);
        }
    }

    /** Runs the project's on-run-start or on-run-end hooks ({@code name}) as build does, for such a command. */
    public List<NodeResult> runProjectHooks(String name) {
        List<String> hooks = name.equals("on-run-start") ? ws.manifest().onRunStart() : ws.manifest().onRunEnd();
        return runHooks(name, hooks, compiler(), Map.of());
    }

    /** dbt's "Finished running 2 project hooks, 2 sources in 0 hours 0 minutes and 0.39 seconds (0.39s)." */
    public void printFinished(Map<String, Integer> counts, double elapsed) {
        printFinished(formatCounts(new java.util.TreeMap<>(counts)), elapsed);
    }

    private void printFinished(String statLine, double elapsed) {
        printer.blank();
        String execution = String.format(Locale.ROOT, " in %d hours %d minutes and %.2f seconds", (long) elapsed / 3600,
                (long) elapsed % 3600 / 60, elapsed % 60);
        printer.emit("FinishedRunningStats", "E047", EventLevel.INFO, String.format(Locale.ROOT,
                "Finished running %s%s (%.2fs).", statLine, execution, elapsed),
                Map.of("execution", execution, "execution_time", elapsed, "stat_line", statLine));
    }

    /**
     * What ran, as dbt's summary counts it: hooks as project hooks, models by
     * materialization ("2 view models"), other nodes by kind, in alphabetical order.
     */
    private String statLine(RunSummary summary) {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        int hooks = summary.hooksBefore().size() + summary.hooksAfter().size();
        if (hooks > 0) {
            counts.put("project hook", hooks);
        }
        for (NodeResult r : summary.results()) {
            Node n = ws.manifest().nodes().get(r.id());
            if (n == null) {
                continue;
            }
            String kind = switch (n.resourceType()) {
                case MODEL -> n.config().materialized() + " model";
                case TEST -> "test";
                default -> n.resourceType().dbtName().replace('_', ' ');
            };
            counts.merge(kind, 1, Integer::sum);
        }
        return formatCounts(counts);
    }

    private static String formatCounts(Map<String, Integer> counts) {
        StringBuilder sb = new StringBuilder();
        counts.forEach((kind, n) -> sb.append(sb.isEmpty() ? "" : ", ").append(n).append(' ')
                .append(n == 1 ? kind : FoundStats.plural(kind)));
        return sb.toString();
    }

    /** The end of the summary: the headline, each failure, and the counts. */
    void printOutcome(RunSummary summary) {
        ArtifactFiles compiledFiles = new ArtifactFiles(ws.project().targetDir(), ws.project().name());
        long errors = summary.countWithHooks(NodeStatus.ERROR) + summary.countWithHooks(NodeStatus.FAIL);
        long warnings = summary.countWithHooks(NodeStatus.WARN);
        printer.blank();
        Map<String, Object> end = Map.of("keyboard_interrupt", false, "num_errors", errors, "num_partial_success", 0,
                "num_warnings", warnings);
        if (errors == 0 && warnings == 0) {
            printer.emit("EndOfRunSummary", "Z030", EventLevel.INFO, printer.green("Completed successfully"), end);
        } else {
            // dbt's EndOfRunSummary: with errors the partial successes (microbatch) and warnings are
            // counted too, zeros included
            String warned = warnings + (warnings == 1 ? " warning" : " warnings");
            String headline = errors > 0
                    ? "Completed with " + errors + (errors == 1 ? " error" : " errors") + ", 0 partial successes, and "
                            + warned + ":"
                    : "Completed with " + warned + ":";
            printer.emit("EndOfRunSummary", "Z030", EventLevel.INFO,
                    errors > 0 ? printer.red(headline) : printer.yellow(headline), end);
            for (NodeResult r : summary.results()) {
                boolean failed = r.status() == NodeStatus.ERROR || r.status() == NodeStatus.FAIL;
                if (failed || r.status() == NodeStatus.WARN) {
                    Node n = ws.manifest().nodes().get(r.id());
                    printer.blank();
                    String where = n.resourceType().dbtName() + " " + n.name() + " (" + n.originalFilePath() + ")";
                    Map<String, Object> nodeInfo = NodeInfo.of(n, r.status().dbtName(), r.startedAt(), r.completedAt());
                    Map<String, Object> about = Map.of("node_info", nodeInfo, "node_name", n.name(), "path",
                            n.originalFilePath(), "resource_type", n.resourceType().dbtName());
                    printer.emit(failed ? "RunResultFailure" : "RunResultWarning", failed ? "Z022" : "Z021",
                            failed ? EventLevel.ERROR : EventLevel.WARN,
                            failed ? printer.red("Failure in " + where) : printer.yellow("Warning in " + where), about);
                    StringBuilder text = new StringBuilder();
                    // dbt indents an error's message (RunResultError) and prints a warning's as it is
                    // (RunResultWarningMessage)
                    String indent = failed ? "  " : "";
                    for (String line : String.valueOf(r.message()).split("\\R")) {
                        text.append(text.isEmpty() ? "" : "\n").append(line.isEmpty() ? "" : indent + line);
                    }
                    // as dbt: where a failing test's SQL is, under its message (not part of result.message)
                    // (dbt prints it for any node compiled before it failed: a model's database error too)
                    boolean test = n.resourceType() == dev.mallard.core.manifest.ResourceType.TEST
                            || n.resourceType() == dev.mallard.core.manifest.ResourceType.UNIT_TEST;
                    if (r.message() != null && (test || r.compiledCode() != null)) {
                        text.append("\n\n  compiled code at ").append(compiledFiles.displayPath(compiledFiles.compiledPath(n)));
                    }
                    if (test && r.relationName() != null) { // dbt's CheckNodeTestFailure: where the failing rows were stored
                        String query = "select * from " + r.relationName();
                        String border = "-".repeat(query.length());
                        text.append("\n\n  See test failures:\n  ").append(border).append("\n  ").append(query)
                                .append("\n  ").append(border);
                    }
                    printer.emit(failed ? "RunResultError" : "RunResultWarningMessage", failed ? "Z024" : "Z046",
                            failed ? EventLevel.ERROR : EventLevel.WARN,
                            text.toString(), Map.of("msg", String.valueOf(r.message()), "node_info", nodeInfo));
                }
            }
        }
        printer.blank();
        long pass = summary.countWithHooks(NodeStatus.SUCCESS) + summary.countWithHooks(NodeStatus.PASS);
        long skipped = summary.countWithHooks(NodeStatus.SKIPPED);
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("error", errors);
        long noOp = summary.count(NodeStatus.NO_OP);
        counts.put("noop", noOp);
        counts.put("pass", pass);
        counts.put("skip", skipped);
        long total = summary.artifactResults().size();
        counts.put("total", total);
        counts.put("warn", warnings);
        printer.emit("StatsLine", "Z023", EventLevel.INFO, "Done. PASS=" + pass + " WARN=" + warnings + " ERROR="
                + errors + " SKIP=" + skipped + " NO-OP=" + noOp + " TOTAL=" + total, Map.of("stats", counts));
    }
}
