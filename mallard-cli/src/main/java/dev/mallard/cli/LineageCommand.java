package dev.mallard.cli;

import dev.mallard.core.engine.EngineSession;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.exec.ProgressPrinter;
import dev.mallard.core.run.Workspace;
import dev.mallard.docs.lineage.ColumnRef;
import dev.mallard.docs.lineage.ColumnSelector;
import dev.mallard.docs.lineage.LineageTree;
import dev.mallard.docs.lineage.ProjectLineage;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mallard lineage orders.amount+}: a column's upstream or downstream columns, traced
 * through the compiled SQL of every model (what {@code docs generate} writes, refreshed first).
 */
@Command(name = "lineage", description = "Show where a model column comes from (+col) or what is computed from it "
        + "(col+), column by column.")
final class LineageCommand extends ProjectCommand {
    @Parameters(arity = "1..*", paramLabel = "COLUMN",
            description = "[N+][column:]model.column[+N]: +x upstream, x+ downstream, N bounds the hops; "
                    + "neither: the column's own sources.")
    List<String> columns = new ArrayList<>();

    @Option(names = "--no-generate", negatable = false,
            description = "Use target/manifest.json and catalog.json as they are instead of generating them first.")
    boolean noGenerate;

    @Override
    boolean announcesProfile() {
        return false;
    }

    @Override
    int run(Workspace ws) {
        List<ColumnSelector> selectors = new ArrayList<>();
        for (String c : columns) {
            try {
                selectors.add(ColumnSelector.parse(c));
            } catch (IllegalArgumentException e) {
                throw new MallardException(ErrorCode.USAGE, e.getMessage());
            }
        }
        ProjectLineage lineage;
        try (EngineSession session = ws.engine().openSession()) {
            if (!noGenerate) {
                DocsGenerateCommand generate = new DocsGenerateCommand();
                generate.printer = new ProgressPrinter(System.err);
                generate.compile = true;
                generate.writeArtifacts(ws, session);
            }
            lineage = DocsSite.lineage(ws.project().targetDir(), session);
        }
        LineageTree tree = new LineageTree(lineage);
        for (ColumnSelector s : selectors) {
            ColumnRef root;
            try {
                root = lineage.find(s.model(), s.column());
            } catch (IllegalArgumentException e) {
                throw new MallardException(ErrorCode.USAGE, e.getMessage());
            }
            var model = lineage.models().get(root.node());
            if (model != null && model.error() != null) {
                System.out.println(root + "  (not traced: " + model.error() + ")");
                continue;
            }
            tree.lines(root, s.upstream(), s.downstream()).forEach(System.out::println);
        }
        System.out.flush();
        return 0;
    }
}
