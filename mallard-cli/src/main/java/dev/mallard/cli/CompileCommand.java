package dev.mallard.cli;

import dev.mallard.core.engine.EngineSession;
import dev.mallard.core.exec.ArtifactFiles;
import dev.mallard.core.exec.Deferral;
import dev.mallard.core.exec.NodeCompiler;
import dev.mallard.core.manifest.ModelNode;
import dev.mallard.core.manifest.NodeId;
import dev.mallard.core.manifest.ResourceType;
import dev.mallard.core.run.RunFlags;
import dev.mallard.core.run.Runner;
import dev.mallard.core.run.Workspace;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "compile", description = "Render the selected models' SQL into target/compiled/.")
final class CompileCommand extends ProjectCommand {
    @Mixin
    SelectionOptions selection;

    @Override
    int run(Workspace ws) {
        Set<NodeId> selected = Selections.select(ws, selection, EnumSet.of(ResourceType.MODEL, ResourceType.ANALYSIS));
        Deferral deferral = Selections.deferral(selection, selected);
        NodeCompiler compiler = new Runner(ws, printer, new RunFlags(false, false, 1), deferral).compiler();
        ArtifactFiles files = new ArtifactFiles(ws.project().targetDir(), ws.project().name());
        int count = 0;
        java.util.Map<NodeId, String> compiled = new java.util.HashMap<>();
        // deferral looks up which relations this target has
        EngineSession session = deferral != null || needsEngine(ws, selected) ? ws.engine().openSession() : null;
        try {
            for (NodeId id : ws.dag().topologicalOrder(selected)) {
                if (ws.manifest().nodes().get(id) instanceof ModelNode m) {
                    String sql = compiler.compile(m, session, printer::line);
                    files.writeCompiled(m, sql);
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
        return 0;
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
