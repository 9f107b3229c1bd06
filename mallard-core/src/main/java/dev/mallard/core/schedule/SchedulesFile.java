package dev.mallard.core.schedule;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.error.Warnings;
import dev.mallard.core.project.YamlFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reads {@code schedules.yml} at the project root:
 *
 * <pre>
 * schedules:
 *   - name: nightly
 *     cron: "0 3 * * *"          # see {@link CronSchedule}
 *     timezone: Europe/Berlin     # default UTC
 *     steps: ["ingest", "build --select +marts"]
 *     retries: 2                  # default 0
 *     retry_backoff: 60           # seconds before the first retry (default 60), doubled each time
 * </pre>
 *
 * Every problem is collected before failing, each with the file and line.
 */
public final class SchedulesFile {
    public static final String FILE_NAME = "schedules.yml";
    private static final Set<String> KEYS = Set.of("name", "cron", "timezone", "steps", "retries", "retry_backoff");

    private SchedulesFile() {
    }

    public static Path path(Path projectDir) {
        return projectDir.resolve(FILE_NAME);
    }

    /**
     * The schedules of {@code projectDir}'s schedules.yml; {@code knownCommand} tells whether a
     * step's first word is a mallard command. A missing file is an error.
     */
    public static List<Schedule> load(Path projectDir, Predicate<String> knownCommand) {
        Path file = path(projectDir);
        if (!Files.isRegularFile(file)) {
            throw new MallardException(ErrorCode.PROJECT, "no " + FILE_NAME + " in " + projectDir
                    + " (a list under 'schedules:' of name, cron, timezone, steps, retries)");
        }
        YamlFiles.Document doc = YamlFiles.readDocument(file, projectDir, new Warnings());
        List<String> problems = new ArrayList<>();
        List<Schedule> schedules = new ArrayList<>();
        if (!(doc.values().get("schedules") instanceof List<?> entries)) {
            throw new MallardException(ErrorCode.YAML, FILE_NAME + ":" + Math.max(1, doc.lineOf("schedules"))
                    + ": expected 'schedules:' with a list of schedules");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            String at = "schedules[" + i + "]";
            int line = doc.lineOf(at + ".name") > 0 ? doc.lineOf(at + ".name") : doc.lineOf("schedules");
            if (!(entries.get(i) instanceof Map<?, ?> entry)) {
                problems.add(FILE_NAME + ":" + line + ": schedule " + (i + 1) + " is not a mapping");
                continue;
            }
            Schedule s = entry(entry, at, line, doc, knownCommand, problems);
            if (s != null && !names.add(s.name())) {
                problems.add(FILE_NAME + ":" + line + ": schedule '" + s.name() + "' is defined twice");
            } else if (s != null) {
                schedules.add(s);
            }
        }
        if (!problems.isEmpty()) {
            // each problem carries its own file:line; listed in file order
            problems.sort(java.util.Comparator.comparingInt(SchedulesFile::lineOfProblem));
            throw new MallardException(ErrorCode.YAML, String.join("\n", problems));
        }
        return schedules;
    }

    private static Schedule entry(Map<?, ?> e, String at, int line, YamlFiles.Document doc,
            Predicate<String> knownCommand, List<String> problems) {
        int before = problems.size();
        for (Object key : e.keySet()) {
            if (!KEYS.contains(String.valueOf(key))) {
                problems.add(where(doc, at + "." + key, line) + "unknown key '" + key + "' (expected one of "
                        + String.join(", ", KEYS.stream().sorted().toList()) + ")");
            }
        }
        String name = e.get("name") == null ? null : e.get("name").toString();
        if (name == null || name.isBlank()) {
            problems.add(FILE_NAME + ":" + line + ": a schedule needs a 'name:'");
            name = "?";
        }
        ZoneId zone = ZoneOffset.UTC;
        if (e.get("timezone") != null) {
            try {
                zone = ZoneId.of(e.get("timezone").toString());
            } catch (DateTimeException ex) {
                problems.add(where(doc, at + ".timezone", line) + "schedule '" + name + "': unknown timezone '"
                        + e.get("timezone") + "' (an IANA name such as Europe/Berlin, or UTC)");
            }
        }
        CronSchedule cron = null;
        if (e.get("cron") == null) {
            problems.add(FILE_NAME + ":" + line + ": schedule '" + name + "' needs a 'cron:'");
        } else {
            try {
                cron = CronSchedule.parse(e.get("cron").toString(), zone);
            } catch (IllegalArgumentException ex) {
                problems.add(where(doc, at + ".cron", line) + "schedule '" + name + "': " + ex.getMessage());
            }
        }
        List<List<String>> steps = steps(e.get("steps"), at, line, doc, name, knownCommand, problems);
        int retries = count(e.get("retries"), 0, where(doc, at + ".retries", line), name, "retries", problems);
        int backoff = count(e.get("retry_backoff"), 60, where(doc, at + ".retry_backoff", line), name, "retry_backoff",
                problems);
        return problems.size() > before ? null
                : new Schedule(name, cron, steps, retries, Duration.ofSeconds(backoff), line);
    }

    private static List<List<String>> steps(Object value, String at, int line, YamlFiles.Document doc, String name,
            Predicate<String> knownCommand, List<String> problems) {
        String where = where(doc, at + ".steps", line);
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            problems.add(where + "schedule '" + name + "' needs 'steps:', a list of mallard command lines "
                    + "such as \"build --select +marts\"");
            return List.of();
        }
        List<List<String>> steps = new ArrayList<>();
        for (Object item : list) {
            List<String> args;
            try {
                args = item instanceof List<?> words ? words.stream().map(String::valueOf).toList()
                        : StepLine.split(String.valueOf(item));
            } catch (IllegalArgumentException ex) {
                problems.add(where + "schedule '" + name + "': " + ex.getMessage());
                continue;
            }
            if (args.isEmpty()) {
                problems.add(where + "schedule '" + name + "': an empty step");
            } else if (args.get(0).equals("schedule") || !knownCommand.test(args.get(0))) {
                problems.add(where + "schedule '" + name + "': unknown command '" + args.get(0) + "' in step '"
                        + String.join(" ", args) + "'" + (args.get(0).equals("schedule") ? " (a schedule cannot run "
                        + "the scheduler)" : ""));
            } else {
                steps.add(args);
            }
        }
        return steps;
    }

    private static int count(Object value, int dflt, String where, String name, String key, List<String> problems) {
        if (value == null) {
            return dflt;
        }
        if (value instanceof Integer n && n >= 0) {
            return n;
        }
        problems.add(where + "schedule '" + name + "': '" + key + "' must be a whole number >= 0, not '" + value + "'");
        return dflt;
    }

    private static int lineOfProblem(String problem) {
        int start = FILE_NAME.length() + 1;
        return Integer.parseInt(problem.substring(start, problem.indexOf(':', start)));
    }

    private static String where(YamlFiles.Document doc, String path, int fallback) {
        int line = doc.lineOf(path);
        return FILE_NAME + ":" + (line > 0 ? line : fallback) + ": ";
    }
}
