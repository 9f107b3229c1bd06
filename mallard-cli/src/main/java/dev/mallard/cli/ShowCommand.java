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
import dev.mallard.core.events.EventLevel;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
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

    @Option(names = "--output", description = "text (default) or json.")
    String output = "text";

    @Override
    boolean announcesProfile() {
        return false;
    }

    @Override
    boolean reportsVersion() {
        return true;
    }

    @Override
    int run(Workspace ws) {
        printFoundAndConcurrency(ws, 1);
        NodeCompiler compiler = new Runner(ws, printer, new RunFlags(false, false, 1)).withWhich("show").compiler();
        try (EngineSession session = ws.engine().openSession()) {
            String sql;
            String title;
            String uniqueId = null;
            if (inline != null) {
                sql = compiler.renderSql(inline, "--inline", null, session, printer.jinja(), Map.of());
                title = "inline node";
            } else {
                Set<NodeId> selected = Selections.select(ws, selection, EnumSet.of(ResourceType.MODEL, ResourceType.SEED));
                if (selection.select.isEmpty() || selected.isEmpty()) {
                    throw new MallardException(ErrorCode.USAGE, "show needs --select with one model, or --inline SQL");
                }
                Node node = ws.manifest().nodes().get(selected.iterator().next());
                title = node instanceof ModelNode named ? named.displayName() : node.name();
                uniqueId = node.id().value();
                sql = node instanceof ModelNode m ? compiler.compile(m, session, printer.jinja())
                        : "select * from " + node.relation().render();
            }
            String body = sql.strip().replaceAll(";+$", "");
            String limited = limit < 0 ? body : "select * from (\n" + body + "\n) as mallard_show limit " + limit;
            QueryResult result;
            try {
                result = session.query(limited, -1);
            } finally {
                if (uniqueId != null) {
                    compiler.javaModels().release(uniqueId);
                }
            }
            boolean json = "json".equalsIgnoreCase(output);
            if (!json && !"text".equalsIgnoreCase(output)) {
                throw new MallardException(ErrorCode.USAGE, "Invalid value for '--output': '" + output
                        + "' is not one of 'json', 'text'.");
            }
            String node = inline != null ? "inline_query" : title;
            List<Map<String, Object>> rows = PreviewJson.rows(result);
            // dbt's preview: agate's table and its last line break, so an empty line follows it
            String table = dev.mallard.core.jinja.AgatePrintTable.preview(result);
            String text = json ? PreviewJson.document(node, rows)
                    : quiet() ? table : (inline != null ? "Previewing inline node:" : "Previewing node '" + title + "':")
                            + "\n" + table;
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("is_inline", inline != null);
            data.put("node_name", node);
            data.put("output_format", json ? "json" : "text");
            data.put("preview", PreviewJson.write(rows, false));
            data.put("unique_id", inline != null ? "sql_operation.inline_query" : uniqueId);
            printer.emit("ShowNode", "Q041", EventLevel.INFO, text, data);
        }
        return 0;
    }
}
