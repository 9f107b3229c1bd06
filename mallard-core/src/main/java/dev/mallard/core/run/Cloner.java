package dev.mallard.core.run;

import dev.mallard.core.engine.EngineSession;
import dev.mallard.core.engine.ExistingRelation;
import dev.mallard.core.engine.Relation;
import dev.mallard.core.events.EventLevel;
import dev.mallard.core.exec.DeferralSource;
import dev.mallard.core.exec.NodeResult;
import dev.mallard.core.exec.NodeStatus;
import dev.mallard.core.exec.ProgressPrinter;
import dev.mallard.core.exec.RunSummary;
import dev.mallard.core.manifest.ModelNode;
import dev.mallard.core.manifest.Node;
import dev.mallard.core.manifest.ResourceType;
import dev.mallard.core.plan.Plan;
import dev.mallard.core.plan.Step;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * dbt's {@code clone}: each selected model, seed and snapshot becomes a view on the relation
 * the --state run built for it (DuckDB has no zero-copy table clone, so dbt-duckdb makes views
 * too). A relation that already exists is left alone unless --full-refresh; nodes do not wait
 * for each other and a failure skips nothing, as in dbt.
 */
public final class Cloner {
    private final Workspace ws;
    private final ProgressPrinter printer;
    private final DeferralSource state;
    private final boolean fullRefresh;
    private final int threads;

    public Cloner(Workspace ws, ProgressPrinter printer, DeferralSource state, boolean fullRefresh, int threads) {
        this.ws = ws;
        this.printer = printer;
        this.state = state;
        this.fullRefresh = fullRefresh;
        this.threads = Math.max(1, threads);
    }

    public RunSummary run(Plan plan) {
        long t0 = System.nanoTime();
        Instant started = Instant.now();
        Runner runner = new Runner(ws, printer, new RunFlags(fullRefresh, false, threads));
        List<Step> steps = plan.steps().stream()
                .filter(s -> !(ws.manifest().nodes().get(s.node()) instanceof ModelNode m && m.isEphemeral())).toList();
        runner.printFoundStats();
        runner.createSchemas(new Plan(steps));
        if (!steps.isEmpty()) {
            runner.printConcurrency(steps.size());
        }
        List<NodeResult> results = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(threads, dev.mallard.core.common.DeepStack.workers(false));
        try {
            List<Future<?>> pending = new ArrayList<>();
            for (Step step : steps) {
                pending.add(pool.submit(() -> results.add(cloneNode(ws.manifest().nodes().get(step.node())))));
            }
            for (Future<?> f : pending) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("clone interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
        double elapsed = (System.nanoTime() - t0) / 1e9;
        RunSummary summary = new RunSummary("clone", ws.invocationId(), started, elapsed, results);
        runner.printOutcome(summary);
        return summary;
    }

    private NodeResult cloneNode(Node node) {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        Relation target = node.relation();
        Optional<Relation> source = state.deferredRelation(node.id());
        if (source.isEmpty()) {
            return noOp(node, started, t0, "No relation found in state manifest for " + node.id().value());
        }
        try (EngineSession session = ws.engine().openSession()) {
            Optional<ExistingRelation> existing = session.findRelation(target);
            // with --full-refresh dbt would turn a relation shared with the state into a view on itself
            if (existing.isPresent() && (!fullRefresh || source.get().equals(target))) {
                return noOp(node, started, t0, "Relation " + target.render() + " already exists");
            }
            session.begin();
            try {
                if (existing.isPresent()) {
                    session.execute("drop " + existing.get().kind().dbtName() + " if exists " + target.render());
                }
                session.execute("create view " + target.render() + " as (\n    select * from " + source.get().render()
                        + "\n  )");
                session.commit();
            } catch (RuntimeException e) {
                session.rollback();
                throw e;
            }
            return result(node, started, t0, NodeStatus.SUCCESS, "OK", Map.of("_message", "OK"));
        } catch (RuntimeException e) {
            String message = "Runtime Error in " + node.resourceType().dbtName() + " " + node.name() + " ("
                    + node.originalFilePath() + ")\n  " + e.getMessage();
            return result(node, started, t0, NodeStatus.ERROR, message, Map.of());
        }
    }

    private NodeResult noOp(Node node, Instant started, long t0, String why) {
        printer.line(why);
        return result(node, started, t0, NodeStatus.SUCCESS, "No-op", Map.of());
    }

    private static NodeResult result(Node node, Instant started, long t0, NodeStatus status, String message,
                                     Map<String, Object> adapterResponse) {
        return new NodeResult(node.id(), status, message, started, Instant.now(), (System.nanoTime() - t0) / 1e9,
                Thread.currentThread().getName(), adapterResponse, null, null,
                node.resourceType() == ResourceType.SEED ? null : node.relation().render()); // dbt names no seed
    }
}
