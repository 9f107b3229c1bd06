package dev.mallard.cli;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.exec.Deferral;
import dev.mallard.core.exec.ProgressPrinter;
import dev.mallard.core.manifest.Node;
import dev.mallard.core.manifest.NodeId;
import dev.mallard.core.manifest.ResourceType;
import dev.mallard.core.manifest.UnitTestNode;
import dev.mallard.core.parse.YamlValueRenderer;
import dev.mallard.core.run.Workspace;
import dev.mallard.core.select.IndirectSelection;
import dev.mallard.core.select.SelectionSpec;
import dev.mallard.core.select.Selector;
import dev.mallard.core.select.SelectorsFile;
import dev.mallard.core.state.StateDeferral;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Applies --selector, or --select/--exclude, to the workspace's DAG, as dbt chooses between them. */
final class Selections {
    private Selections() {
    }

    /** dbt's warning when a --select matches nothing ({@code --warn-error} turns it into an error). */
    static void warnNoMatch(dev.mallard.core.exec.ProgressPrinter printer, SelectionOptions sel) {
        String spec = String.join(" ", sel.select);
        printer.emit("NoNodesForSelectionCriteria", "M030", dev.mallard.core.events.EventLevel.WARN,
                "The selection criterion '" + spec + "' does not match any enabled nodes", java.util.Map.of("spec_raw",
                        spec));
    }

    static Set<NodeId> select(Workspace ws, SelectionOptions sel, Set<ResourceType> types) {
        IndirectSelection mode = IndirectSelection.parse(sel.indirectSelection);
        Selector selector = new Selector(ws.manifest(), ws.dag(), sel.previousState())
                .withCurrentTarget(ws.project().targetDir());
        if (mode == IndirectSelection.EAGER && types.contains(ResourceType.TEST)) {
            // dbt's eager mode works per criterion: test_type:generic,orders = the generic tests of orders
            selector.withEagerTests();
        }
        List<String> exclude = sel.selector == null ? sel.exclude : List.of();
        return withTests(ws, selector, selector.select(spec(ws, sel), EnumSet.allOf(ResourceType.class)), exclude,
                types, mode);
    }

    static Set<NodeId> select(Workspace ws, List<String> select, List<String> exclude, Set<ResourceType> types) {
        Selector selector = new Selector(ws.manifest(), ws.dag());
        return withTests(ws, selector, selector.select(select, exclude, EnumSet.allOf(ResourceType.class)), exclude,
                types, IndirectSelection.EAGER);
    }

    /**
     * Adds the tests that come along with the chosen nodes (--indirect-selection), drops the
     * tests of excluded nodes the same way, and keeps the resource types asked for.
     */
    private static Set<NodeId> withTests(Workspace ws, Selector selector, Set<NodeId> chosen, List<String> exclude,
                                         Set<ResourceType> types, IndirectSelection mode) {
        Set<NodeId> all = new LinkedHashSet<>(chosen);
        if (types.contains(ResourceType.UNIT_TEST) && mode != IndirectSelection.EMPTY) {
            all = withUnitTests(all, ws, selector, exclude, EnumSet.allOf(ResourceType.class));
        }
        if (types.contains(ResourceType.TEST)) {
            all = mode.apply(all, ws.manifest(), ws.dag());
            if (exclude != null && !exclude.isEmpty()) {
                Set<NodeId> excluded = selector.select(exclude, List.of(), EnumSet.allOf(ResourceType.class));
                all.removeAll(IndirectSelection.EAGER.apply(excluded, ws.manifest(), ws.dag()));
            }
        }
        Set<NodeId> out = new LinkedHashSet<>();
        for (NodeId id : all) {
            Node n = ws.manifest().nodes().get(id);
            if (n != null && types.contains(n.resourceType())) {
                out.add(id);
            }
        }
        return out;
    }

    /**
     * --selector NAME wins over --select/--exclude; without any of them, the selector with
     * {@code default: true} applies, if selectors.yml has one.
     */
    static SelectionSpec spec(Workspace ws, SelectionOptions sel) {
        if (sel.selector != null) {
            return selectorsFile(ws).definition(sel.selector);
        }
        if (sel.select.isEmpty() && sel.exclude.isEmpty()) {
            Optional<SelectorsFile.NamedSelector> byDefault = selectorsFile(ws).defaultSelector();
            if (byDefault.isPresent()) {
                return byDefault.get().definition();
            }
        }
        return Selector.parse(sel.select, sel.exclude);
    }

    /** The name of the default selector this selection falls back to, if it does. */
    static Optional<String> defaultSelectorInUse(Workspace ws, SelectionOptions sel) {
        if (sel.selector != null || !sel.select.isEmpty() || !sel.exclude.isEmpty()) {
            return Optional.empty();
        }
        return selectorsFile(ws).defaultSelector().map(SelectorsFile.NamedSelector::name);
    }

    private static SelectorsFile selectorsFile(Workspace ws) {
        SelectorsFile file = SelectorsFile.read(ws.project().dir(), new YamlValueRenderer(ws.project().cliVars()),
                ws.warnings());
        ws.warnings().takeNew().forEach(new ProgressPrinter(System.err)::warning);
        return file;
    }

    /** What --defer asks for, or null without it. */
    static Deferral deferral(SelectionOptions sel, Set<NodeId> selected) {
        if (!sel.defer) {
            if (sel.favorState) {
                throw new MallardException(ErrorCode.USAGE, "--favor-state works only with --defer");
            }
            return null;
        }
        if (sel.state == null) {
            throw new MallardException(ErrorCode.USAGE, "--defer needs --state DIR", null, 0,
                    "point --state at the target/ folder (or a copy) of the run whose relations refs may read", null);
        }
        return new Deferral(new StateDeferral(sel.previousState()), selected, sel.favorState);
    }

    /**
     * A unit test comes along with its selected model (its only parent), as dbt selects it
     * indirectly, unless the model's own unit tests were excluded with it.
     */
    private static Set<NodeId> withUnitTests(Set<NodeId> chosen, Workspace ws, Selector selector, List<String> exclude,
                                             Set<ResourceType> all) {
        Set<NodeId> out = new LinkedHashSet<>(chosen);
        Set<NodeId> excluded = exclude == null || exclude.isEmpty() ? Set.of() : selector.select(exclude, List.of(), all);
        for (UnitTestNode u : ws.manifest().nodesOf(UnitTestNode.class)) {
            if (chosen.contains(u.testedModel()) && !excluded.contains(u.testedModel()) && !excluded.contains(u.id())
                    && u.config().enabled()) {
                out.add(u.id());
            }
        }
        return out;
    }
}
