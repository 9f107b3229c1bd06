package dev.mallard.cli;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.exec.RunSummary;
import dev.mallard.core.manifest.NodeId;
import dev.mallard.core.manifest.ResourceType;
import dev.mallard.core.plan.Plan;
import dev.mallard.core.plan.Planner;
import dev.mallard.core.run.Cloner;
import dev.mallard.core.run.Workspace;
import dev.mallard.core.state.StateDeferral;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "clone", description = "Create the selected models, seeds and snapshots as views on the relations "
        + "of the --state run.")
final class CloneCommand extends ProjectCommand {
    private static final Set<ResourceType> CLONED = EnumSet.of(ResourceType.MODEL, ResourceType.SEED,
            ResourceType.SNAPSHOT);

    @Mixin
    SelectionOptions selection;

    @Override
    boolean reportsVersion() {
        return true;
    }

    @Override
    int run(Workspace ws) {
        if (selection.state == null) {
            throw new MallardException(ErrorCode.USAGE, "clone needs --state DIR", null, 0,
                    "point --state at the target/ folder (or a copy) of the run whose relations to clone", null);
        }
        Set<NodeId> selected = Selections.select(ws, selection, CLONED);
        Plan plan = new Planner(ws.manifest(), ws.dag()).plan(selected, CLONED);
        if (plan.steps().isEmpty() && !selection.select.isEmpty()) {
            Selections.warnNoMatch(printer, selection);
        }
        int threads = ws.project().target().threads();
        RunSummary summary = new Cloner(ws, printer, new StateDeferral(selection.previousState()),
                selection.fullRefresh, threads).run(plan);
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("select", selection.select);
        args.put("exclude", selection.exclude);
        args.put("full_refresh", selection.fullRefresh);
        args.put("threads", threads);
        StateArgs.record(args, selection, options);
        Artifacts.write(ws, summary, args);
        return summary.failed() ? 1 : 0;
    }
}
