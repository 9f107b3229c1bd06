package dev.mallard.cli;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.schedule.Schedule;
import dev.mallard.core.schedule.ScheduleRunner;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code mallard schedule run}: the long-running scheduler (see {@link ScheduleRunner}); each
 * step is a mallard command line run in this process. {@code --once NAME} runs one schedule
 * now and exits 0 when it succeeded (after its retries), 1 when not.
 */
@Command(name = "run", description = "Run the schedules of schedules.yml until stopped (or one of them once).")
final class ScheduleRunCommand implements Callable<Integer> {
    @Mixin
    ProjectOptions options;

    @Option(names = "--once", paramLabel = "NAME", description = "Run this schedule once, now, and exit.")
    String once;

    @Option(names = "--stop-after", paramLabel = "SECONDS",
            description = "Stop after this many seconds (the current run finishes first).")
    Long stopAfter;

    @Override
    public Integer call() throws InterruptedException {
        ScheduleContext ctx = ScheduleContext.load(options);
        ScheduleRunner runner = new ScheduleRunner(step -> Main.execute(ctx.stepArgs(step)), ctx.history(),
                ctx.results(), Clock.systemUTC(), ScheduleRunCommand::log);
        if (once != null) {
            Schedule s = ctx.schedules().stream().filter(x -> x.name().equals(once)).findFirst()
                    .orElseThrow(() -> new MallardException(ErrorCode.USAGE, "no schedule named '" + once
                            + "' in schedules.yml (" + String.join(", ", ctx.schedules().stream().map(Schedule::name)
                            .toList()) + ")"));
            return runner.runOnce(s).ok() ? 0 : 1;
        }
        if (ctx.schedules().isEmpty()) {
            log("schedules.yml has no schedules");
            return 0;
        }
        runner.runUntil(ctx.schedules(), stopAfter == null ? null : Instant.now().plusSeconds(stopAfter));
        return 0;
    }

    private static synchronized void log(String message) {
        System.out.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "  " + message);
        System.out.flush();
    }
}
