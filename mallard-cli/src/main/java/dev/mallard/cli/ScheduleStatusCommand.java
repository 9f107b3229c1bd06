package dev.mallard.cli;

import dev.mallard.core.error.MallardException;
import dev.mallard.core.schedule.RunHistory;
import dev.mallard.core.schedule.Schedule;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mallard schedule status}: each schedule's next fire time and its last runs from the history table. */
@Command(name = "status", description = "Show each schedule's next run and its last runs.")
final class ScheduleStatusCommand implements Callable<Integer> {
    private static final DateTimeFormatter ZONED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");

    @Mixin
    ProjectOptions options;

    @Option(names = "--last", description = "How many runs of each schedule to show (default 5).")
    int last = 5;

    @Override
    public Integer call() {
        ScheduleContext ctx = ScheduleContext.load(options);
        RunHistory history = ctx.history();
        Instant now = Instant.now();
        for (Schedule s : ctx.schedules()) {
            Instant next = s.cron().nextAfter(now);
            System.out.println(s.name() + "  " + s.cron() + "  next: "
                    + (next == null ? "never" : ZONED.format(ZonedDateTime.ofInstant(next, s.cron().zone()))));
            List<RunHistory.Entry> runs;
            try {
                runs = history.last(s.name(), last);
            } catch (MallardException e) {
                System.out.println("  (history not readable: " + e.getMessage() + ")");
                continue;
            }
            if (runs.isEmpty()) {
                System.out.println("  no runs yet");
                continue;
            }
            List<List<String>> rows = new ArrayList<>();
            for (RunHistory.Entry r : runs) {
                rows.add(List.of(Long.toString(r.id()), r.status(), String.valueOf(r.startedAt()),
                        String.valueOf(r.endedAt()), Integer.toString(r.attempts()), r.error() == null ? "" : r.error()));
            }
            print("  ", List.of("id", "status", "started (UTC)", "ended (UTC)", "attempts", "error"), rows);
        }
        return 0;
    }

    /** A plain aligned table on stdout, each line after {@code indent}. */
    static void print(String indent, List<String> header, List<List<String>> rows) {
        int[] width = new int[header.size()];
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        for (List<String> row : all) {
            for (int i = 0; i < row.size(); i++) {
                width[i] = Math.max(width[i], row.get(i).length());
            }
        }
        for (List<String> row : all) {
            StringBuilder line = new StringBuilder(indent);
            for (int i = 0; i < row.size(); i++) {
                line.append(i == 0 ? "" : "  ").append(String.format("%-" + width[i] + "s", row.get(i)));
            }
            System.out.println(line.toString().stripTrailing());
        }
    }
}
