package dev.mallard.cli;

import dev.mallard.core.manifest.Node;
import dev.mallard.core.manifest.NodeId;
import dev.mallard.core.manifest.ResourceType;
import dev.mallard.core.run.Workspace;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "ls", aliases = "list", description = "List the selected resources.")
final class LsCommand extends ProjectCommand {
    @Mixin
    SelectionOptions selection;

    @Option(names = {"--resource-type", "--resource-types"}, arity = "1..*",
            description = "model, seed, source, analysis, ...")
    List<String> resourceTypes = new ArrayList<>();

    @Option(names = "--output", description = "selector (default), name, path or json.")
    String output = "selector";

    @Option(names = "--output-keys", arity = "1..*", description = "With --output json: only these keys.")
    List<String> outputKeys = new ArrayList<>();

    @Override
    boolean announcesProfile() {
        return false;
    }

    @Override
    int run(Workspace ws) {
        EnumSet<ResourceType> types = EnumSet.of(ResourceType.MODEL, ResourceType.SEED, ResourceType.SOURCE,
                ResourceType.ANALYSIS, ResourceType.SNAPSHOT, ResourceType.TEST, ResourceType.UNIT_TEST,
                ResourceType.EXPOSURE, ResourceType.METRIC, ResourceType.SEMANTIC_MODEL, ResourceType.SAVED_QUERY,
                ResourceType.INGEST);
        if (!resourceTypes.isEmpty()) {
            types = EnumSet.noneOf(ResourceType.class);
            for (String t : resourceTypes) {
                types.add(ResourceType.fromDbtName(t.toLowerCase(Locale.ROOT)));
            }
        }
        Set<NodeId> selected = Selections.select(ws, selection, types);
        List<String> lines = new ArrayList<>();
        for (NodeId id : selected.stream().sorted().toList()) {
            Node n = ws.manifest().nodes().get(id);
            if (n == null || !types.contains(n.resourceType())) {
                continue;
            }
            lines.add(switch (output) {
                case "name" -> n instanceof dev.mallard.core.manifest.ModelNode m ? m.displayName()
                        : n instanceof dev.mallard.core.manifest.SourceNode s ? s.sourceName() + "." + s.name() : n.name();
                case "path" -> n.originalFilePath();
                case "json" -> ListedNode.json(n, ws.dag().parents(id), outputKeys);
                default -> selectorOf(n);
            });
        }
        if (lines.isEmpty()) {
            if (!selection.select.isEmpty()) {
                Selections.warnNoMatch(printer, selection);
            }
            printer.warn("NoNodesSelected", "Q038", "No nodes selected!");
        }
        // dbt prints each line as a print() line: no timestamp, shown with --quiet
        lines.forEach(line -> printer.jinja().print(line));
        return 0;
    }

    private static String selectorOf(Node n) {
        if (n.resourceType() == ResourceType.SOURCE) {
            return "source:" + String.join(".", n.fqn());
        }
        if (n.resourceType() == ResourceType.UNIT_TEST) {
            // dbt prints the last part of the unique id: a versioned model's test has its version
            String id = n.id().value();
            return "unit_test:" + n.packageName() + "." + id.substring(id.lastIndexOf('.') + 1);
        }
        if (n.resourceType() == ResourceType.EXPOSURE || n.resourceType() == ResourceType.INGEST
                || n instanceof dev.mallard.core.manifest.SemanticNode) {
            return n.resourceType().dbtName() + ":" + n.packageName() + "." + n.name();
        }
        return String.join(".", n.fqn());
    }
}
