package dev.mallard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;

/** What one in-process mallard invocation printed and returned. */
record CommandResult(List<String> args, int exitCode, String out, String err) {
    /** A Java stack frame, or a Java exception class name leaking into the output. */
    private static final Pattern JAVA_INTERNALS = Pattern.compile(
            "(?m)^\\s+at [\\w.$]+\\(|\\b\\w*Exception\\b|\\bjava\\.\\w+\\.");

    CommandResult {
        args = List.copyOf(args);
    }

    /** stdout then stderr, for assertions that do not care which stream a line went to. */
    String all() {
        return out + err;
    }

    CommandResult assertExit(int expected) {
        assertEquals(expected, exitCode, () -> "exit code of mallard " + String.join(" ", args) + "\n" + transcript());
        return this;
    }

    CommandResult assertOk() {
        return assertExit(0);
    }

    CommandResult assertFailed() {
        assertTrue(exitCode != 0, () -> "expected mallard " + String.join(" ", args) + " to fail\n" + transcript());
        return this;
    }

    CommandResult assertOutContains(String... fragments) {
        for (String f : fragments) {
            assertTrue(out.contains(f), () -> "stdout should contain <" + f + ">\n" + transcript());
        }
        return this;
    }

    CommandResult assertErrContains(String... fragments) {
        for (String f : fragments) {
            assertTrue(err.contains(f), () -> "stderr should contain <" + f + ">\n" + transcript());
        }
        return this;
    }

    CommandResult assertOutputContains(String... fragments) {
        for (String f : fragments) {
            assertTrue(all().contains(f), () -> "output should contain <" + f + ">\n" + transcript());
        }
        return this;
    }

    /** Bad input ends in a message for people: no stack frames, no exception class names. */
    CommandResult assertNoJavaInternals() {
        assertTrue(!JAVA_INTERNALS.matcher(all()).find(),
                () -> "output shows Java internals (" + firstInternal() + ")\n" + transcript());
        return this;
    }

    private String firstInternal() {
        var m = JAVA_INTERNALS.matcher(all());
        return m.find() ? m.group() : "";
    }

    /** Lines of stdout without the leading clock dbt-style progress lines carry. */
    List<String> outLines() {
        return out.lines().map(l -> l.replaceFirst("^\\d\\d:\\d\\d:\\d\\d  ", "")).toList();
    }

    String transcript() {
        return "--- stdout ---\n" + out + "--- stderr ---\n" + err + "--- exit " + exitCode + " ---";
    }
}
