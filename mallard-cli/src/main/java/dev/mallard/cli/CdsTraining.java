package dev.mallard.cli;

import java.util.List;

/**
 * The training run of the class-data sharing archive (AppCDS on JDK 17, the AOT cache on 25+)
 * that the {@code mallard} launcher records on first use: the commands whose start-up matters,
 * one after another in one JVM, so that the archive holds the classes each of them loads, not
 * only a build's ({@code --help} alone loads some 70 classes a build never does). Not a user
 * command; the launcher runs it on a scratch project that {@code mallard init} wrote.
 */
public final class CdsTraining {
    private CdsTraining() {
    }

    /** {@code args[0]}: the scratch project's directory. Exits 0 when every command succeeded. */
    public static void main(String[] args) throws Exception {
        // on the thread Main.main runs commands on, so its classes are in the archive too
        System.exit(dev.mallard.core.common.DeepStack.call("main", () -> train(args[0])));
    }

    private static int train(String dir) {
        // build first: the warm-up thread runs once per process, and a build's covers the most
        List<String[]> commands = List.of(
                new String[] {"build", "--project-dir", dir},
                new String[] {"--help"},
                new String[] {"debug", "--project-dir", dir},
                new String[] {"parse", "--project-dir", dir},
                // the project is unchanged since: this one writes manifest.json from the saved parse (ParseCommand)
                new String[] {"parse", "--project-dir", dir},
                new String[] {"ls", "--project-dir", dir},
                new String[] {"compile", "--project-dir", dir});
        int failed = 0;
        for (String[] command : commands) {
            if (Main.execute(command) != 0) {
                failed++;
            }
        }
        return failed == 0 ? 0 : 1;
    }
}
