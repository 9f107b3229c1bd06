package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class SubcommandsTest {
    @Test
    void everyListedNameCreatesTheCommandOfThatName() {
        for (String name : Subcommands.NAMES) {
            Object command = Subcommands.create(name);
            assertNotNull(command, name);
            assertEquals(name, command.getClass().getAnnotation(Command.class).name());
        }
        assertEquals(LsCommand.class, Subcommands.create("list").getClass());
        assertNull(Subcommands.create("bogus"));
    }

    @Test
    void aCommandLineModelsOnlyTheCommandsItNames() {
        CommandLine cli = new CommandLine(new Main());
        Subcommands.register(cli, new String[] {"run", "--select", "orders"});
        assertEquals(List.of("run"), List.copyOf(cli.getSubcommands().keySet()));
        assertTrue(cli.getSubcommands().get("run").getCommandSpec().optionsMap().containsKey("--select"));
    }

    @Test
    void helpAndABareCommandLineListEveryCommandWithItsDescription() {
        for (String[] args : List.of(new String[] {"--help"}, new String[0], new String[] {"--help", "run"})) {
            CommandLine cli = new CommandLine(new Main());
            Subcommands.register(cli, args);
            for (String name : Subcommands.NAMES) {
                assertTrue(cli.getSubcommands().containsKey(name), name + " missing for " + List.of(args));
            }
            assertTrue(cli.getSubcommands().containsKey("list"));
            String usage = cli.getUsageMessage();
            assertTrue(usage.contains("Load seeds, build models and run their tests"), usage);
        }
    }

    @Test
    void aBareVersionNeedsNoCommand() {
        CommandLine cli = new CommandLine(new Main());
        Subcommands.register(cli, new String[] {"--version"});
        assertTrue(cli.getSubcommands().isEmpty());
    }
}
