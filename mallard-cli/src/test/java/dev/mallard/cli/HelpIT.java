package dev.mallard.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every command answers --help with its usage and exit code 0, as dbt's commands do. */
class HelpIT {
    @ParameterizedTest
    @ValueSource(strings = {"build", "run", "seed", "test", "ls", "check", "serve", "migrate up", "migrate diff",
        "migrate status", "db reset", "docs generate"})
    void helpPrintsTheUsage(String command) {
        String[] words = (command + " --help").split(" ");
        TestProject.execute(words).assertOk().assertOutContains("Usage: mallard " + command);
    }
}
