package dev.mallard.cli;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.run.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import picocli.CommandLine.Command;

@Command(name = "clean", description = "Delete the clean-targets folders (target/ by default).")
final class CleanCommand extends ProjectCommand {
    @Override
    boolean requiresPackages() {
        return false;
    }

    @Override
    boolean announcesProfile() {
        return false;
    }

    @Override
    int run(Workspace ws) {
        ws.awaitParseSaved(); // it writes into target/, which is about to go
        Path projectDir = ws.project().dir();
        for (String name : ws.project().config().cleanTargets()) {
            Path dir = projectDir.resolve(name).normalize();
            if (!dir.startsWith(projectDir) || dir.equals(projectDir)) {
                throw new MallardException(ErrorCode.PROJECT, "clean-target '" + name
                        + "' is outside the project folder; refusing to delete it", "dbt_project.yml", 0);
            }
            if (Files.exists(dir)) {
                deleteTree(dir);
                printer.line("Cleaned " + name + "/");
            }
        }
        printer.line("Finished cleaning all paths.");
        return 0;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new MallardException(ErrorCode.PROJECT, "cannot delete " + dir + ": " + e.getMessage());
        }
    }
}
