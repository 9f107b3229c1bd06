package dev.mallard.cli;

import dev.mallard.core.engine.EngineSession;
import dev.mallard.core.exec.ArtifactFiles;
import dev.mallard.core.exec.Deferral;
import dev.mallard.core.exec.NodeCompiler;
import dev.mallard.core.events.EventLevel;
import dev.mallard.core.javamodel.JavaModels;
import dev.mallard.core.manifest.ModelNode;
import dev.mallard.core.manifest.Node;
import dev.mallard.core.manifest.NodeId;
import dev.mallard.core.manifest.ResourceType;
import dev.mallard.core.manifest.TestNode;
import dev.mallard.core.run.RunFlags;
import dev.mallard.core.run.Runner;
import dev.mallard.core.run.Workspace;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "compile", description = "Render the selected models' (and their tests') SQL into target/compiled/.")
final class CompileCommand extends ProjectCommand {
    @Mixin
    SelectionOptions selection;

    @Option(names = "--inline", description = "SQL (Jinja allowed) to compile and print instead of the project's models.")
    String inline;

    @Override
    boolean reportsVersion() {
        return true;
    }

    @Override
    int run(Workspace ws) {
        if (inline != null) {
            return compileInline(ws);
        }
        // as dbt's compile: the selected models and analyses, and their data tests
        Set<NodeId> selected = Selections.select(ws, selection, EnumSet.of(ResourceType.MODEL, ResourceType.ANALYSIS,
                ResourceType.TEST));
        printFoundAndConcurrency(ws, selected.size());
        boolean tests = selected.stream().anyMatch(id -> ws.manifest().nodes().get(id) instanceof TestNode);
        Deferral deferral = Selections.deferral(selection, selected);
        ArtifactFiles files = new ArtifactFiles(ws.project().targetDir(), ws.project().name());
        int count = 0;
        java.util.Map<NodeId, String> compiled = new java.util.HashMap<>();
        // the ephemeral models the compiled nodes read get their compiled files and manifest code too, as in dbt
        NodeCompiler compiler = new Runner(ws, printer, new RunFlags(false, false, 1), deferral).withWhich("compile")
                .compiler().withCompiledEphemerals((model, sql) -> {
                    if (compiled.putIfAbsent(model.id(), sql) == null) {
                        files.writeCompiled(model, sql);
                    }
                });
        // deferral looks up which relations this target has
        EngineSession session = deferral != null || tests || needsEngine(ws, selected) ? ws.engine().openSession() : null;
        try {
            for (NodeId id : ws.dag().topologicalOrder(selected)) {
                Node node = ws.manifest().nodes().get(id);
                // a Java model is not run to compile it (as dbt does not run a Python one): its code is its source
                String sql = node instanceof ModelNode m && JavaModels.isJava(m) ? m.rawCode()
                        : node instanceof ModelNode m ? compiler.compile(m, session, printer.jinja())
                        : node instanceof TestNode t ? compiler.compileTest(t, session, printer.jinja()) : null;
                if (sql != null) {
                    files.writeCompiled(node, sql);
                    compiled.put(id, sql);
                    count++;
                }
            }
        } finally {
            if (session != null) {
                session.close();
            }
        }
        Artifacts.writeManifest(ws, compiled);
        printer.line(String.format(Locale.ROOT, "Compiled %d nodes into %s (%.2fs)", count,
                ws.project().dir().relativize(ws.project().targetDir().resolve("compiled")),
                Timing.sinceStart()));
        java.util.List<NodeId> shown = compiled.keySet().stream()
                .filter(id -> !(ws.manifest().nodes().get(id) instanceof TestNode)).toList();
        if (shown.size() == 1 && !selection.select.isEmpty()) {
            // one model asked for by name (its tests aside): dbt prints its SQL
            NodeId only = shown.get(0);
            Node node = ws.manifest().nodes().get(only);
            showCompiled("Compiled node '" + node.name() + "' is:", node.name(), only.value(), false,
                    compiled.get(only));
        }
        return 0;
    }

    private int compileInline(Workspace ws) {
        NodeCompiler compiler = new Runner(ws, printer, new RunFlags(false, false, 1)).withWhich("compile").compiler();
        String sql;
        try (EngineSession session = ws.engine().openSession()) {
            sql = compiler.renderSql(inline, "--inline", null, session, printer.jinja(), java.util.Map.of());
        }
        showCompiled("Compiled inline node is:", "inline_query", "sql_operation.inline_query", true, sql.strip());
        return 0;
    }

    private void showCompiled(String title, String name, String uniqueId, boolean isInline, String sql) {
        java.util.Map<String, Object> data = new java.util.LinkedHashMap<>();
        data.put("compiled", sql);
        data.put("is_inline", isInline);
        data.put("node_name", name);
        data.put("output_format", "text");
        data.put("unique_id", uniqueId);
        printer.emit("CompiledNode", "Q042", EventLevel.INFO, quiet() ? sql : title + System.lineSeparator() + sql,
                data);
    }

    /** Opening DuckDB costs time; only templates that may query need it. */
    private static boolean needsEngine(Workspace ws, Set<NodeId> selected) {
        for (NodeId id : selected) {
            if (ws.manifest().nodes().get(id) instanceof ModelNode m && (m.rawCode().contains("run_query")
                    || m.rawCode().contains("statement") || m.rawCode().contains("adapter.")
                    || m.rawCode().contains("dbt_utils") || callsMacro(ws, m))) {
                return true;
            }
        }
        return false;
    }

    private static boolean callsMacro(Workspace ws, ModelNode m) {
        return !ws.manifest().macrosCalledBy(m.id()).isEmpty();
    }
}
