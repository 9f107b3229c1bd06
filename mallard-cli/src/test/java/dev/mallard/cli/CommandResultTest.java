package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The harness's check for Java internals must catch them and let user messages through. */
class CommandResultTest {
    private static CommandResult withErr(String err) {
        return new CommandResult(List.of("build"), 2, "", err);
    }

    @Test
    void stackFramesAreCaught() {
        assertThrows(AssertionError.class, () -> withErr("Error: boom\n\tat dev.mallard.core.X.y(X.java:12)\n")
                .assertNoJavaInternals());
    }

    @Test
    void exceptionClassNamesAreCaught() {
        assertThrows(AssertionError.class, () -> withErr("Internal error: java.lang.NullPointerException\n")
                .assertNoJavaInternals());
        assertThrows(AssertionError.class, () -> withErr("Error: MallardException: bad\n").assertNoJavaInternals());
    }

    @Test
    void databaseAndUserMessagesPass() {
        assertDoesNotThrow(() -> withErr("Error: models/a.sql:3: Catalog Error: Table with name x does not exist!\n"
                + "  hint: did you mean 'customers'?\n").assertNoJavaInternals());
    }
}
