package dev.mallard.core.exec;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Progress lines in dbt's manner: {@code 1 of 12 START sql table model main.customers ... [RUN]}. */
public final class ProgressPrinter {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final int WIDTH = 80;
    private final PrintStream out;

    public ProgressPrinter(PrintStream out) {
        this.out = out;
    }

    public synchronized void line(String text) {
        out.println(LocalTime.now().format(CLOCK) + "  " + text);
    }

    public synchronized void blank() {
        out.println();
    }

    public void start(int index, int total, String label) {
        line(dotted(index + " of " + total + " START " + label, "[RUN]"));
    }

    public void finished(int index, int total, String verb, String label, String status, double seconds) {
        line(dotted(index + " of " + total + " " + verb + " " + label,
                "[" + status + " in " + String.format(Locale.ROOT, "%.2f", seconds) + "s]"));
    }

    public void skipped(int index, int total, String label) {
        line(dotted(index + " of " + total + " SKIP relation " + label, "[SKIP]"));
    }

    public void skippedUnitTest(int index, int total, String name) {
        line(dotted(index + " of " + total + " SKIP unit_test " + name, "[SKIP]"));
    }

    static String dotted(String left, String right) {
        StringBuilder sb = new StringBuilder(left).append(' ');
        while (sb.length() < WIDTH - right.length() - 1) {
            sb.append('.');
        }
        return sb.append(' ').append(right).toString();
    }
}
