package dev.mallard.cli;

import dev.mallard.core.engine.EngineSession;
import dev.mallard.core.engine.QueryResult;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.exec.NodeCompiler;
import dev.mallard.core.manifest.ModelNode;
import dev.mallard.core.manifest.Node;
import dev.mallard.core.manifest.NodeId;
import dev.mallard.core.manifest.ResourceType;
import dev.mallard.core.run.RunFlags;
import dev.mallard.core.run.Runner;
import dev.mallard.core.run.Workspace;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "show", description = "Run a model's SQL (or --inline SQL) and print the first rows.")
final class ShowCommand extends ProjectCommand {
    @Mixin
    SelectionOptions selection;

    @Option(names = "--inline", description = "SQL to run (Jinja allowed).")
    String inline;

    @Option(names = "--limit", description = "Rows to show (default 5; -1 for all).")
    int limit = 5;

    @Override
    boolean announcesProfile() {
        return false;
    }

    @Override
    int run(Workspace ws) {
        NodeCompiler compiler = new Runner(ws, printer, new RunFlags(false, false, 1)).compiler();
        try (EngineSession session = ws.engine().openSession()) {
            String sql;
            String title;
            if (inline != null) {
                sql = compiler.renderSql(inline, "--inline", null, session, printer::line, Map.of());
                title = "inline node";
            } else {
                Set<NodeId> selected = Selections.select(ws, selection, EnumSet.of(ResourceType.MODEL, ResourceType.SEED));
                if (selection.select.isEmpty() || selected.isEmpty()) {
                    throw new MallardException(ErrorCode.USAGE, "show needs --select with one model, or --inline SQL");
                }
                Node node = ws.manifest().nodes().get(selected.iterator().next());
                title = node.name();
                sql = node instanceof ModelNode m ? compiler.compile(m, session, printer::line)
                        : "select * from " + node.relation().render();
            }
            String body = sql.strip().replaceAll(";+$", "");
            String limited = limit < 0 ? body : "select * from (\n" + body + "\n) as mallard_show limit " + limit;
            QueryResult result = session.query(limited, -1);
            System.out.println("Previewing " + title + ":");
            System.out.print(TableFormatter.format(result));
        }
        return 0;
    }
}
