package dev.mallard.core.exec;

import dev.mallard.core.engine.Engine;
import dev.mallard.core.engine.EngineSession;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.events.PhaseTimes;
import dev.mallard.core.manifest.Manifest;
import dev.mallard.core.manifest.ModelNode;
import dev.mallard.core.manifest.Node;
import dev.mallard.core.manifest.NodeId;
import dev.mallard.core.manifest.TestNode;
import dev.mallard.core.manifest.UnitTestNode;
import dev.mallard.core.materialize.Grants;
import dev.mallard.core.materialize.Materialization;
import dev.mallard.core.materialize.MaterializationContext;
import dev.mallard.core.materialize.MicrobatchConfig;
import dev.mallard.core.materialize.MicrobatchMaterialization;
import dev.mallard.core.plan.Plan;
import dev.mallard.core.plan.Step;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a plan on N threads in DAG order, one engine session per thread. A failed node's
 * descendants are skipped; with fail-fast, nothing new starts after the first failure.
 */
public final class Executor {
    private final Engine engine;
    private final Manifest manifest;
    /** Contracted models, looked up when a foreign-key parent's swap re-creates a dependent. */
    private final List<ModelNode> contractedModels;
    private final NodeCompiler compiler;
    private final ProgressPrinter printer;
    private final ArtifactFiles files;
    private final int threads;
    private final boolean failFast;
    private java.nio.file.Path projectDir = java.nio.file.Path.of("");
    private String externalRoot;
    private boolean storeFailures;
    private boolean warningTestsFail;
    /** The relations this plan rebuilds as tables: foreign-key dependents that may be detached. */
    private volatile Set<dev.mallard.core.engine.Relation> tablesRebuilt = Set.of();
    /** The relations of the current run, listed once per schema (see {@link dev.mallard.core.materialize.RunCatalog}). */
    private volatile dev.mallard.core.materialize.RunCatalog catalog;
    /** Runs ingest nodes; null when the invocation plans none. */
    private dev.mallard.core.ingest.IngestRunner ingests;
    /** When this invocation started: the default end of microbatch models' batches. */
    private final Instant invocationStarted = Instant.now();

    public Executor(Engine engine, Manifest manifest, NodeCompiler compiler, ProgressPrinter printer,
                    ArtifactFiles files, int threads, boolean failFast) {
        this.engine = engine;
        this.manifest = manifest;
        this.contractedModels = manifest.nodesOf(ModelNode.class).stream().filter(ModelNode::contractEnforced).toList();
        this.compiler = compiler;
        this.printer = printer;
        this.files = files;
        this.threads = Math.max(1, threads);
        this.failFast = failFast;
    }

    /** With --warn-error: a test that would warn fails, as in dbt. */
    public Executor withWarningTestsFailing(boolean fail) {
        this.warningTestsFail = fail;
        return this;
    }

    /** With --store-failures: tests that do not say otherwise keep their failing rows. */
    public Executor withStoreFailures(boolean store) {
        this.storeFailures = store;
        return this;
    }

    /** Where external models write: relative locations resolve against {@code dir}, with the profile's external_root. */
    public Executor withExternalRoot(java.nio.file.Path dir, String root) {
        this.projectDir = dir;
        this.externalRoot = root;
        return this;
    }

    /** How ingest nodes run (their state table, secrets and --start/--end). */
    public Executor withIngests(dev.mallard.core.ingest.IngestRunner runner) {
        this.ingests = runner;
        return this;
    }

    public List<NodeResult> run(Plan plan) {
        List<Step> steps = plan.steps();
        tablesRebuilt = steps.stream().filter(s -> "table".equals(s.materialization())
                        || "incremental".equals(s.materialization()) && dev.mallard.core.materialize.IncrementalMaterialization
                                .rebuildsFromScratch(manifest.nodes().get(s.node()), compiler.fullRefresh()))
                .map(s -> manifest.nodes().get(s.node()).relation()).collect(java.util.stream.Collectors.toSet());
        catalog = new dev.mallard.core.materialize.RunCatalog(steps.stream().anyMatch(this::mayAddKeysOrIndexes));
        int total = steps.size();
        Map<NodeId, Step> byId = new LinkedHashMap<>();
        Map<NodeId, Integer> waiting = new HashMap<>();
        Map<NodeId, List<NodeId>> dependents = new HashMap<>();
        for (Step s : steps) {
            byId.put(s.node(), s);
            waiting.put(s.node(), s.waitsFor().size());
            for (NodeId p : s.waitsFor()) {
                dependents.computeIfAbsent(p, k -> new ArrayList<>()).add(s.node());
            }
        }
        List<NodeResult> results = Collections.synchronizedList(new ArrayList<>());
        Set<NodeId> blocked = Collections.synchronizedSet(new HashSet<>());
        AtomicInteger counter = new AtomicInteger();
        List<EngineSession> sessions = Collections.synchronizedList(new ArrayList<>());
        ThreadLocal<EngineSession> session = ThreadLocal.withInitial(() -> {
            EngineSession s = engine.openSession();
            sessions.add(s);
            return s;
        });
        ExecutorService pool = Executors.newFixedThreadPool(threads,
                dev.mallard.core.common.DeepStack.workers(true));
        Object lock = new Object();
        int[] remaining = {total};
        boolean[] stop = {false};
        NodesInFlight inFlight = new NodesInFlight(engine, threads);
        java.util.Comparator<NodeId> order = RunOrder.of(steps);
        java.util.function.Consumer<NodeId> submit = new java.util.function.Consumer<>() {
            @Override
            public void accept(NodeId id) {
                inFlight.submitted();
                pool.execute(() -> {
                    Step step = byId.get(id);
                    NodeResult result;
                    boolean skip;
                    synchronized (lock) {
                        skip = stop[0] || blocked.contains(id);
                    }
                    if (skip) {
                        int index = counter.incrementAndGet();
                        Node skippedNode = manifest.nodes().get(id);
                        printer.skipped(index, total, skippedNode);
                        result = skippedResult(id);
                    } else {
                        result = runStep(step, counter.incrementAndGet(), total, session.get());
                    }
                    results.add(result);
                    boolean failed = result.status() == NodeStatus.ERROR || result.status() == NodeStatus.FAIL
                            || result.status() == NodeStatus.SKIPPED;
                    List<NodeId> ready = new ArrayList<>();
                    synchronized (lock) {
                        if ((result.status() == NodeStatus.ERROR || result.status() == NodeStatus.FAIL) && failFast) {
                            stop[0] = true;
                        }
                        for (NodeId child : dependents.getOrDefault(id, List.of())) {
                            if (failed) {
                                blocked.add(child);
                            }
                            int left = waiting.merge(child, -1, Integer::sum);
                            if (left == 0) {
                                ready.add(child);
                            }
                        }
                        remaining[0]--;
                        if (remaining[0] == 0) {
                            lock.notifyAll();
                        }
                    }
                    ready.sort(order);
                    ready.forEach(this);
                    inFlight.finished();
                });
            }
        };
        synchronized (lock) {
            if (total == 0) {
                remaining[0] = 0;
            }
        }
        steps.stream().filter(s -> s.waitsFor().isEmpty()).map(Step::node).sorted(order).forEach(submit);
        synchronized (lock) {
            while (remaining[0] > 0) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        pool.shutdown();
        inFlight.reset();
        for (EngineSession s : sessions) {
            s.close();
        }
        return new ArrayList<>(results);
    }

    /** Whether a step may create foreign keys or indexes (then every swap looks for them). */
    private boolean mayAddKeysOrIndexes(Step step) {
        Node node = manifest.nodes().get(step.node());
        return node.config().get("indexes") != null || !node.config().preHooks().isEmpty()
                || !node.config().postHooks().isEmpty() || compiler.materializationMacro(step.materialization()) != null
                || node instanceof ModelNode m && m.contractEnforced()
                        && dev.mallard.core.materialize.TableDefinition.declaresForeignKey(m);
    }

    private NodeResult skippedResult(NodeId id) {
        Instant now = Instant.now();
        Node node = manifest.nodes().get(id);
        // as dbt: no message, and a relation name only for what builds one (not tests, exposures, saved queries)
        return new NodeResult(id, NodeStatus.SKIPPED, null, now, now, 0, Thread.currentThread().getName(), Map.of(),
                null, null, hasRelation(node) ? node.relation().render() : null);
    }

    private static boolean hasRelation(Node node) {
        return switch (node.resourceType()) {
            case MODEL, SEED, SNAPSHOT -> true;
            default -> false;
        };
    }

    private NodeResult runStep(Step step, int index, int total, EngineSession session) {
        Node node = manifest.nodes().get(step.node());
        Instant started = Instant.now();
        if (node.resourceType() == dev.mallard.core.manifest.ResourceType.SAVED_QUERY
                || node.resourceType() == dev.mallard.core.manifest.ResourceType.EXPOSURE) {
            // dbt Core has nothing to run for a saved query (its exports run in dbt Cloud) nor for an exposure:
            // NO-OP, without a start line
            NodeResult result = new NodeResult(step.node(), NodeStatus.NO_OP, "NO-OP", started, Instant.now(), 0,
                    Thread.currentThread().getName(), Map.of(), 0L, null, null);
            printer.noOp(index, total, step.label(), node, result);
            return result;
        }
        printer.start(index, total, step.label(), node, started);
        long t0 = System.nanoTime();
        String compiled = null;
        String[] latestBatch = {null};
        List<String> executed = new ArrayList<>();
        try {
            if (node instanceof TestNode test) {
                long tc = PhaseTimes.start();
                compiled = compiler.compileTest(test, session, printer.jinja());
                PhaseTimes.add("node: compile", tc);
                long tw = PhaseTimes.start();
                files.writeCompiled(test, compiled);
                PhaseTimes.add("node: write compiled/", tw);
                long te = PhaseTimes.start();
                TestExecution.Outcome outcome = TestExecution.run(test, compiled, session, executed, storeFailures,
                        warningTestsFail);
                PhaseTimes.add("node: run test", te);
                long tr = PhaseTimes.start();
                files.writeRun(node, executed);
                PhaseTimes.add("node: write run/", tr);
                double seconds = (System.nanoTime() - t0) / 1e9;
                String verdict = outcome.status() == NodeStatus.PASS ? "PASS"
                        : outcome.status().name() + " " + outcome.failures();
                String message = outcome.message();
                NodeResult result = new NodeResult(step.node(), outcome.status(), message, started, Instant.now(),
                        seconds, Thread.currentThread().getName(), Map.of("_message", "OK"),
                        outcome.failures(), compiled,
                        TestExecution.storeFailuresAs(test, storeFailures) == null ? null : test.relation().render());
                printer.finished(index, total, verdict, test.name(), verdict, seconds, node, result);
                return result;
            }
            if (node instanceof UnitTestNode unitTest) {
                compiled = compiler.compileUnitTest(unitTest, session, printer.jinja());
                files.writeCompiled(unitTest, compiled);
                UnitTestExecution.Outcome outcome = UnitTestExecution.run(unitTest, compiled, session, executed);
                files.writeRun(node, executed);
                double seconds = (System.nanoTime() - t0) / 1e9;
                // dbt counts a failed unit test as one failure, whatever the number of differing rows
                long failures = outcome.status() == NodeStatus.PASS ? 0 : 1;
                String verdict = outcome.status() == NodeStatus.PASS ? "PASS" : "FAIL " + failures;
                String message = outcome.message();
                NodeResult result = new NodeResult(step.node(), outcome.status(), message, started, Instant.now(),
                        seconds, Thread.currentThread().getName(), Map.of("_message", "OK"), failures, compiled, null);
                printer.finished(index, total, verdict, unitTest.displayName(), verdict, seconds, node, result);
                return result;
            }
            if (node instanceof dev.mallard.core.manifest.IngestNode ingest) {
                return runIngest(ingest, step, index, total, started, t0, session);
            }
            boolean microbatch = node instanceof ModelNode && MicrobatchConfig.applies(node);
            if (node instanceof ModelNode model && !microbatch) {
                long tc = PhaseTimes.start();
                compiled = compiler.compile(model, session, printer.jinja());
                PhaseTimes.add("node: compile", tc);
                long tw = PhaseTimes.start();
                files.writeCompiled(model, compiled);
                PhaseTimes.add("node: write compiled/", tw);
            }
            String customMacro = compiler.materializationMacro(step.materialization());
            Materialization materialization = customMacro != null
                    ? new CustomMaterialization(step.materialization(),
                            c -> compiler.runMaterialization(customMacro, c, printer.jinja()))
                    : Materializations.forStep(step, compiler.fullRefresh(), projectDir, externalRoot,
                            session.dialect(), compiler::definesOwnMacro);
            if (microbatch) {
                // rendered once per batch; compiled/ keeps the latest batch where dbt writes <model>/<model>_<batch>.sql
                ModelNode model = (ModelNode) node;
                materialization = new MicrobatchMaterialization(compiler.fullRefresh(), compiler.eventTimeWindow(),
                        (batch, incremental) -> {
                            String sql = compiler.forBatch(batch, incremental).compile(model, session, printer.jinja());
                            files.writeCompiled(model, sql);
                            latestBatch[0] = sql;
                            return sql;
                        }, invocationStarted);
            }
            MaterializationContext ctx = new MaterializationContext(node, compiled, session,
                    hook -> compiler.renderSql(hook, node.originalFilePath(), node, session, printer.jinja(), Map.of()),
                    executed, tablesRebuilt, dev.mallard.core.materialize.TableDefinition.contractedTables(
                            contractedModels, (m, template) -> compiler.renderSql(template,
                                    m.originalFilePath(), m, session, printer.jinja(), Map.of())), catalog);
            long tm = PhaseTimes.start();
            Map<String, List<String>> grants = session.dialect().grants() && customMacro == null
                    ? Grants.configured(node) : Map.of();
            boolean existed = !grants.isEmpty() && session.findRelation(node.relation()).isPresent();
            String message = materialization.build(ctx);
            if (customMacro == null) {
                Grants.apply(ctx, grants, existed && keptAcrossRuns(step, node));
                dev.mallard.core.materialize.PersistDocs.apply(ctx);
            }
            PhaseTimes.add("node: materialize " + materialization.kind(), tm);
            compiled = compiled == null ? latestBatch[0] : compiled;
            long tr = PhaseTimes.start();
            files.writeRun(node, executed);
            PhaseTimes.add("node: write run/", tr);
            double seconds = (System.nanoTime() - t0) / 1e9;
            String verb = node.resourceType() == dev.mallard.core.manifest.ResourceType.SEED ? "OK loaded"
                    : node.resourceType() == dev.mallard.core.manifest.ResourceType.SNAPSHOT ? "OK snapshotted" : "OK created";
            NodeResult result = new NodeResult(step.node(), NodeStatus.SUCCESS, message, started, Instant.now(),
                    seconds, Thread.currentThread().getName(),
                    NodeOutcomes.adapterResponse(message), microbatch ? 0L : null, compiled,
                    node.relation().render());
            printer.finished(index, total, verb, step.label(),
                    message.startsWith("INSERT") || message.endsWith("batches") || message.endsWith("batch")
                            ? message : "OK", seconds, node, result);
            return result;
        } catch (RuntimeException e) {
            files.writeRun(node, executed);
            double seconds = (System.nanoTime() - t0) / 1e9;
            boolean isTest = node instanceof TestNode || node instanceof UnitTestNode;
            RuntimeException reported = node instanceof UnitTestNode u && e instanceof MallardException me
                    ? UnitTestExecution.explain(u, me) : e;
            compiled = compiled == null ? latestBatch[0] : compiled;
            String message = NodeOutcomes.describeFailure(node, reported, compiled);
            NodeResult result = new NodeResult(step.node(), NodeStatus.ERROR, message, started, Instant.now(), seconds,
                    Thread.currentThread().getName(), Map.of(), null, compiled,
                    node instanceof UnitTestNode ? null : node.relation().render());
            printer.finished(index, total, isTest ? "ERROR" : "ERROR creating",
                    node instanceof UnitTestNode u ? u.displayName() : isTest ? node.name() : step.label(), "ERROR",
                    seconds, node, result);
            return result;
        } finally {
            if (compiler.javaModels() != null) {
                compiler.javaModels().release(step.node().value());
            }
        }
    }

    private NodeResult runIngest(dev.mallard.core.manifest.IngestNode ingest, Step step, int index, int total,
                                 Instant started, long t0, EngineSession session) {
        if (ingests == null) {
            throw new IllegalStateException("ingest " + ingest.name() + " planned without an ingest runner");
        }
        String message = ingests.run(ingest, session, (template, extra) -> compiler.renderSql(template,
                ingest.originalFilePath(), null, session, printer.jinja(), extra), printer::line);
        double seconds = (System.nanoTime() - t0) / 1e9;
        NodeResult result = new NodeResult(step.node(), NodeStatus.SUCCESS, message, started, Instant.now(), seconds,
                Thread.currentThread().getName(), Map.of("_message", message, "code", "INGEST"), null, null,
                ingest.relation().render());
        printer.finished(index, total, "OK ingested", step.label(), message, seconds, ingest, result);
        return result;
    }

    /** Whether the built relation is the one that existed before (grants carry over), as dbt's should_revoke. */
    private boolean keptAcrossRuns(Step step, Node node) {
        return switch (step.materialization()) {
            case "incremental" -> !dev.mallard.core.materialize.IncrementalMaterialization.rebuildsFromScratch(node,
                    compiler.fullRefresh());
            case "seed", "snapshot" -> !compiler.fullRefresh();
            default -> false;
        };
    }
}
