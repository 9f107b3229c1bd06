package dev.mallard.cli.logging;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.events.Event;
import dev.mallard.core.events.EventLevel;
import dev.mallard.core.project.YamlFiles;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * dbt's {@code --warn-error} and {@code --warn-error-options}: which warnings become errors and
 * which are silenced. Names are dbt's event names (e.g. {@code NoNodesForSelectionCriteria});
 * {@code all} (or {@code *}) stands for every one.
 */
public record WarnErrors(Set<String> error, Set<String> warn, Set<String> silence) {
    public static final WarnErrors NONE = new WarnErrors(Set.of(), Set.of(), Set.of());

    public WarnErrors {
        error = Set.copyOf(error);
        warn = Set.copyOf(warn);
        silence = Set.copyOf(silence);
    }

    /** From the flags: {@code --warn-error} is {@code error: all}; the options are a YAML dict. */
    public static WarnErrors of(boolean warnError, String options) {
        if (options == null || options.isBlank()) {
            return warnError ? new WarnErrors(Set.of("all"), Set.of(), Set.of()) : NONE;
        }
        Map<String, Object> map;
        try {
            map = YamlFiles.parseMap(options, "--warn-error-options");
        } catch (MallardException e) {
            throw new MallardException(ErrorCode.USAGE, "--warn-error-options is not a YAML dictionary: "
                    + e.getMessage());
        }
        for (String key : map.keySet()) {
            if (!Set.of("error", "include", "warn", "exclude", "silence").contains(key)) {
                throw new MallardException(ErrorCode.USAGE, "--warn-error-options has an unknown key '" + key
                        + "'; use error (include), warn (exclude) and silence");
            }
        }
        Set<String> error = names(map.containsKey("error") ? map.get("error") : map.get("include"));
        if (warnError && error.isEmpty()) {
            error = Set.of("all");
        }
        return new WarnErrors(error, names(map.containsKey("warn") ? map.get("warn") : map.get("exclude")),
                names(map.get("silence")));
    }

    private static Set<String> names(Object v) {
        if (v == null) {
            return Set.of();
        }
        if (v instanceof List<?> list) {
            return Set.copyOf(list.stream().map(String::valueOf).toList());
        }
        return Set.of(String.valueOf(v));
    }

    /**
     * Whether a test that warns fails instead, as dbt's {@code --warn-error} (or
     * {@code --warn-error-options} naming all or LogTestResult) makes it.
     */
    public boolean failsWarningTests() {
        return !warn.contains("LogTestResult")
                && (error.contains("all") || error.contains("*") || error.contains("LogTestResult"));
    }

    /** Whether a warning is silenced (dropped). */
    boolean silences(Event e) {
        return e.level() == EventLevel.WARN && promotable(e) && silence.contains(e.name());
    }

    /**
     * Whether a warning becomes an error. Node results (a test's WARN status, the run's summary) are not
     * warnings in this sense: they carry {@code node_info} or summarise the run.
     */
    boolean promotes(Event e) {
        if (e.level() != EventLevel.WARN || !promotable(e) || warn.contains(e.name())) {
            return false;
        }
        return error.contains(e.name()) || error.contains("all") || error.contains("*");
    }

    private static boolean promotable(Event e) {
        return !e.data().containsKey("node_info") && !e.name().equals("EndOfRunSummary");
    }

    /** The error a promoted warning ends the command with, in dbt's words. */
    static MallardException asError(Event e) {
        // every line indented, as dbt shows a many-line warning (a deprecation's) made an error
        String msg = dev.mallard.core.events.EventFormat.stripColors(e.msg()).replace("\n", "\n  ");
        return new MallardException(ErrorCode.USAGE, "Compilation Error (--warn-error)"
                + System.lineSeparator() + "  " + msg);
    }
}
