package dev.mallard.cli;

import dev.mallard.core.engine.EngineSession;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.exec.NodeCompiler;
import dev.mallard.core.project.YamlFiles;
import dev.mallard.core.run.RunFlags;
import dev.mallard.core.run.Runner;
import dev.mallard.core.run.Workspace;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "run-operation", description = "Run a macro, e.g. mallard run-operation grant_select --args '{role: x}'.")
final class RunOperationCommand extends ProjectCommand {
    @Parameters(index = "0", description = "The macro to run.")
    String macro;

    @Option(names = "--args", description = "Keyword arguments as a YAML dict.")
    String args;

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
        printFoundAndConcurrency(ws, null);
        String name = macro.contains(".") ? macro.substring(macro.lastIndexOf('.') + 1) : macro;
        if (!ws.parsed().jinja().hasMacro(name)) {
            throw new MallardException(ErrorCode.JINJA, "macro '" + macro + "' is not defined in this project");
        }
        Map<String, Object> kwargs = args == null || args.isBlank() ? Map.of() : YamlFiles.parseMap(args, "--args");
        NodeCompiler compiler = new Runner(ws, printer, new RunFlags(false, false, 1)).withWhich("run-operation").compiler();
        try (EngineSession session = ws.engine().openSession()) {
            session.begin();
            boolean ok = false;
            try {
                compiler.callMacro(name, List.of(), kwargs, session, printer.jinja());
                session.commit();
                ok = true;
            } finally {
                if (!ok) {
                    session.rollback();
                }
            }
        }
        return 0;
    }
}
