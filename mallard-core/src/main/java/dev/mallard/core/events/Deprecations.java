package dev.mallard.core.events;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The deprecations one command met, as dbt keeps them: each kind is shown the first time only
 * (every time with {@code --show-all-deprecations}), every occurrence is counted, and the command
 * ends with a {@code DeprecationsSummary} of the counts.
 */
public final class Deprecations {
    private static volatile Deprecations current = new Deprecations(false);
    private final boolean showAll;
    /** name -> [code, occurrences], in the order first met. */
    private final Map<String, Object[]> counts = new LinkedHashMap<>();

    private Deprecations(boolean showAll) {
        this.showAll = showAll;
    }

    /** Starts a command's count; {@code showAll} is {@code --show-all-deprecations}. */
    public static Deprecations begin(boolean showAll) {
        current = new Deprecations(showAll);
        return current;
    }

    public static Deprecations current() {
        return current;
    }

    /** Whether an occurrence of {@code name} is to be shown: the first of its kind, or all of them with the flag. */
    public synchronized boolean shows(String name) {
        return showAll || !counts.containsKey(name);
    }

    /** Counts one occurrence (once it was shown, silenced, or passed over as a repeat). */
    public synchronized void count(String name, String code) {
        Object[] entry = counts.computeIfAbsent(name, n -> new Object[] {code, 0});
        entry[1] = (Integer) entry[1] + 1;
    }

    /** The summary dbt prints as a command ends, or null when it met no deprecation. */
    public synchronized Deprecation summary() {
        if (counts.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder("Summary of encountered deprecations:");
        List<Map<String, Object>> summaries = new ArrayList<>();
        counts.forEach((name, entry) -> {
            int n = (Integer) entry[1];
            text.append("\n\n- ").append(name).append(": ").append(n).append(n == 1 ? " occurrence" : " occurrences");
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("event_code", entry[0]);
            one.put("event_name", name);
            one.put("occurrences", n);
            summaries.add(one);
        });
        if (!showAll) {
            text.append("\n\nTo see all deprecation instances instead of just the first occurrence of each, run command"
                    + " again with the `--show-all-deprecations` flag. You may also need to run with"
                    + " `--no-partial-parse` as some deprecations are only encountered during parsing.");
        }
        return new Deprecation("DeprecationsSummary", "D028", true, text.toString(),
                Map.of("show_all_hint", !showAll, "summaries", summaries), "", "");
    }
}
