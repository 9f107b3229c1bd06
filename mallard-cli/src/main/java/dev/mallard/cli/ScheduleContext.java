package dev.mallard.cli;

import dev.mallard.core.engine.Engines;
import dev.mallard.core.error.Warnings;
import dev.mallard.core.project.Project;
import dev.mallard.core.run.Workspace;
import dev.mallard.core.schedule.RunHistory;
import dev.mallard.core.schedule.RunResults;
import dev.mallard.core.schedule.Schedule;
import dev.mallard.core.schedule.SchedulesFile;
import java.util.ArrayList;
import java.util.List;

/**
 * What the schedule commands share: the project (for its target and folder, not parsed), its
 * schedules, the history table, and how a step's command line runs in this process.
 */
record ScheduleContext(Project project, List<Schedule> schedules, ProjectOptions options) {

    static ScheduleContext load(ProjectOptions options) {
        Project project = Workspace.loadProject(options.toLoaderOptions().requiringPackages(false), System.getenv(),
                new Warnings());
        List<Schedule> schedules = SchedulesFile.load(project.dir(), name -> Subcommands.create(name) != null);
        return new ScheduleContext(project, schedules, options);
    }

    RunHistory history() {
        return new RunHistory(() -> Engines.open(project.target(), project.dir()), project.target().schema());
    }

    RunResults results() {
        return new RunResults(project.targetDir().resolve("run_results.json"));
    }

    /** A step's arguments with the scheduler's project, profiles folder and target, unless the step names its own. */
    String[] stepArgs(List<String> step) {
        List<String> args = new ArrayList<>(step);
        add(args, "--project-dir", project.dir().toString());
        if (options.profilesDir != null) {
            add(args, "--profiles-dir", options.profilesDir.toString());
        }
        if (options.target != null) {
            add(args, "--target", options.target);
        }
        return args.toArray(String[]::new);
    }

    private static void add(List<String> args, String option, String value) {
        for (String a : args) {
            if (a.equals(option) || a.startsWith(option + "=")) {
                return;
            }
        }
        args.add(option);
        args.add(value);
    }
}
