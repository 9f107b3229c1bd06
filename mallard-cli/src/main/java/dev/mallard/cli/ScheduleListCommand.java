package dev.mallard.cli;

import dev.mallard.core.schedule.Schedule;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code mallard schedule list}: checks schedules.yml and lists its schedules; exit 2 with file:line when invalid. */
@Command(name = "list", description = "Check schedules.yml and list its schedules.")
final class ScheduleListCommand implements Callable<Integer> {
    @Mixin
    ProjectOptions options;

    @Override
    public Integer call() {
        ScheduleContext ctx = ScheduleContext.load(options);
        List<List<String>> rows = new ArrayList<>();
        for (Schedule s : ctx.schedules()) {
            rows.add(List.of(s.name(), s.cron().toString(),
                    String.join("; ", s.steps().stream().map(Schedule::display).toList()),
                    s.retries() + (s.retries() > 0 ? " (backoff " + s.backoff().toSeconds() + " s)" : "")));
        }
        ScheduleStatusCommand.print("", List.of("name", "cron", "steps", "retries"), rows);
        System.out.println(ctx.schedules().size() + " schedule" + (ctx.schedules().size() == 1 ? "" : "s") + " OK");
        return 0;
    }
}
