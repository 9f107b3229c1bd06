package dev.mallard.core.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mallard.core.events.Event;
import dev.mallard.core.events.EventLevel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lines laid out as dbt lays them out, and each one an event. */
class ProgressPrinterTest {
    @Test
    void theLeftPartIsPaddedWithDotsToThePrinterWidth() {
        ProgressPrinter p = new ProgressPrinter(e -> { }, false, 80);
        String line = p.dotted("1 of 23 START seed file main.raw_customers", "[RUN]");
        assertEquals("1 of 23 START seed file main.raw_customers ..................................... [RUN]", line);
        assertEquals(80 + " [RUN]".length(), line.length());
        assertEquals("a name longer than the width  [RUN]", new ProgressPrinter(e -> { }, false, 10)
                .dotted("a name longer than the width", "[RUN]"));
    }

    @Test
    void coloursOnlyWhenAskedFor() {
        assertEquals("\u001b[32mOK\u001b[0m", new ProgressPrinter(e -> { }, true, 80).green("OK"));
        assertEquals("\u001b[31mERROR\u001b[0m", new ProgressPrinter(e -> { }, true, 80).red("ERROR"));
        assertEquals("\u001b[33mWARN\u001b[0m", new ProgressPrinter(e -> { }, true, 80).yellow("WARN"));
        assertEquals("OK", new ProgressPrinter(e -> { }, false, 80).green("OK"));
    }

    @Test
    void jinjaLogAndPrintAreEventsOfTheirOwn() {
        List<Event> events = new ArrayList<>();
        ProgressPrinter p = new ProgressPrinter(events::add, false, 80);
        p.jinja().log("info line", true);
        p.jinja().log("debug line", false);
        p.jinja().print("printed");
        p.blank();
        assertEquals(List.of("JinjaLogInfo", "JinjaLogDebug", "PrintEvent", "Formatting"),
                events.stream().map(Event::name).toList());
        assertEquals(EventLevel.DEBUG, events.get(1).level());
        assertEquals("Z052", events.get(2).code());
    }

    @Test
    void aStreamPrinterWritesTextAndLeavesDebugOut() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        ProgressPrinter p = new ProgressPrinter(new java.io.PrintStream(out, true));
        p.line("shown");
        p.jinja().log("hidden", false);
        String text = out.toString();
        assertTrue(text.matches("\\d\\d:\\d\\d:\\d\\d  shown\\R"), text);
        assertFalse(text.contains("hidden"));
    }
}
