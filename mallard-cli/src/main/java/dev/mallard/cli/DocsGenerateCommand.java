package dev.mallard.cli;

import dev.mallard.core.artifacts.ArtifactMetadata;
import dev.mallard.core.artifacts.CatalogEntry;
import dev.mallard.core.artifacts.CatalogReader;
import dev.mallard.core.artifacts.CatalogWriter;
import dev.mallard.core.engine.EngineSession;
import dev.mallard.core.exec.ArtifactFiles;
import dev.mallard.core.exec.NodeCompiler;
import dev.mallard.core.javamodel.JavaModels;
import dev.mallard.core.manifest.ModelNode;
import dev.mallard.core.manifest.NodeId;
import dev.mallard.core.manifest.ResourceType;
import dev.mallard.core.run.RunFlags;
import dev.mallard.core.run.Runner;
import dev.mallard.core.run.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mallard docs generate}: compiles the selected models, then writes
 * target/manifest.json and target/catalog.json, the catalog read from the database, and the
 * static docs site (target/index.html and target/docs-assets/) from them.
 */
@Command(name = "generate", description = "Write target/manifest.json, target/catalog.json and the docs site "
        + "(target/index.html).")
final class DocsGenerateCommand extends ProjectCommand {
    private static final Set<ResourceType> CATALOG_TYPES =
            EnumSet.of(ResourceType.MODEL, ResourceType.SEED, ResourceType.SNAPSHOT, ResourceType.SOURCE);

    @Option(names = {"-s", "--select", "-m", "--models"}, arity = "1..*",
            description = "Limit the catalog (and compilation) to these nodes.")
    List<String> select = new ArrayList<>();

    @Option(names = "--exclude", arity = "1..*", description = "Nodes to leave out of the catalog.")
    List<String> exclude = new ArrayList<>();

    @Option(names = "--compile", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Compile the models first (default); --no-compile skips it.")
    boolean compile;

    @Option(names = "--empty-catalog", description = "Write a catalog without reading the database.")
    boolean emptyCatalog;

    @Override
    boolean reportsVersion() {
        return true;
    }

    @Override
    int run(Workspace ws) {
        try (EngineSession session = ws.engine().openSession()) {
            writeArtifacts(ws, session);
            Path site = DocsSite.write(ws.project().targetDir(), session);
            printer.line("Docs site written to " + ws.project().dir().relativize(site));
        }
        return 0;
    }

    /** Compiles (unless --no-compile), then writes manifest.json and catalog.json. */
    void writeArtifacts(Workspace ws, EngineSession session) {
        Set<NodeId> selected = Selections.select(ws, select, exclude, CATALOG_TYPES);
        printFoundAndConcurrency(ws, selected.size());
        Map<NodeId, String> compiled = new HashMap<>();
        List<CatalogEntry> entries = List.of();
        if (compile) {
            compiled = compile(ws, selected, session);
        }
        if (!emptyCatalog) {
            printer.line("Building catalog");
            entries = new CatalogReader(session).read(ws.manifest(), selected::contains);
        }
        Artifacts.writeManifest(ws, compiled);
        ArtifactMetadata metadata = ArtifactMetadata.now(ws.invocationId(), ws.startedAt(),
                ws.project().target().type(), Artifacts.VERSION);
        Path catalog = new CatalogWriter(metadata).write(ws.project().targetDir(), entries);
        long sources = entries.stream().filter(CatalogEntry::isSource).count();
        printer.line(String.format(Locale.ROOT, "Catalog written to %s (%d nodes, %d sources; %.2fs)",
                ws.project().dir().relativize(catalog), entries.size() - sources, sources, Timing.sinceStart()));
    }

    /** As dbt does before building the catalog, so the manifest carries compiled code. */
    private Map<NodeId, String> compile(Workspace ws, Set<NodeId> selected, EngineSession session) {
        NodeCompiler compiler = new Runner(ws, printer, new RunFlags(false, false, 1)).withWhich("generate").compiler();
        ArtifactFiles files = new ArtifactFiles(ws.project().targetDir(), ws.project().name());
        Map<NodeId, String> compiled = new HashMap<>();
        for (NodeId id : ws.dag().topologicalOrder(selected)) {
            if (ws.manifest().nodes().get(id) instanceof ModelNode m && m.resourceType() == ResourceType.MODEL
                    && m.config().enabled()) {
                String sql = JavaModels.isJava(m) ? m.rawCode() : compiler.compile(m, session, printer.jinja());
                files.writeCompiled(m, sql);
                compiled.put(id, sql);
            }
        }
        return compiled;
    }
}
