package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** dbt's global {@code --debug}/{@code -d} before the command is moved after the command's name. */
class DebugFlagTest {
    private static void moves(String[] given, String... expected) {
        assertArrayEquals(expected, Main.debugAfterCommand(given));
    }

    @Test
    void aDebugFlagBeforeTheCommandGoesAfterItsName() {
        moves(new String[] {"--debug", "build", "-s", "m"}, "build", "--debug", "-s", "m");
        moves(new String[] {"-d", "run"}, "run", "--debug");
        moves(new String[] {"--log-level", "debug", "--debug", "parse"}, "--log-level", "debug", "parse", "--debug");
        moves(new String[] {"--debug", "--log-level=debug", "debug"}, "--log-level=debug", "debug", "--debug");
        moves(new String[] {"--debug", "list"}, "list", "--debug");
    }

    @Test
    void otherCommandLinesAreLeftAsTheyAre() {
        moves(new String[] {"build", "--debug"}, "build", "--debug");
        moves(new String[] {"--log-level", "debug", "build"}, "--log-level", "debug", "build");
        moves(new String[] {"--debug"}, "--debug");
        moves(new String[] {"--debug", "nosuchcommand"}, "--debug", "nosuchcommand");
        moves(new String[] {"run", "-d", "x"}, "run", "-d", "x");
    }
}
