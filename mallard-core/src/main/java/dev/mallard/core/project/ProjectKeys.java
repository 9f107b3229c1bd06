package dev.mallard.core.project;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.graph.NameSuggester;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The top-level keys a {@code dbt_project.yml} may have: dbt-core 1.11's, plus Mallard's own
 * {@code migrations:}. dbt refuses any other key, so a typo such as {@code modles:} does not
 * silently configure nothing.
 */
final class ProjectKeys {
    static final Set<String> DBT_KEYS = Set.of(
            "analyses", "analysis-paths", "asset-paths", "clean-targets", "config-version", "data-paths",
            "data_tests", "dbt-cloud", "dispatch", "docs-paths", "exposures", "flags", "function-paths", "functions",
            "log-path", "macro-paths", "metrics", "model-paths", "models", "name", "on-run-end", "on-run-start",
            "packages", "packages-install-path", "profile", "project-root", "query-comment", "quoting",
            "require-dbt-version", "restrict-access", "saved-queries", "seed-paths", "seeds", "semantic-models",
            "snapshot-paths", "snapshots", "source-paths", "sources", "target-path", "test-paths", "tests",
            "unit_tests", "vars", "version");
    static final Set<String> MALLARD_KEYS = Set.of("migrations");

    private ProjectKeys() {
    }

    /** Refuses every key neither dbt nor Mallard knows, naming them all and the line of the first. */
    static void check(YamlFiles.Document document, String displayName) {
        List<String> unknown = new ArrayList<>();
        for (Object key : document.values().keySet()) {
            if (!DBT_KEYS.contains(String.valueOf(key)) && !MALLARD_KEYS.contains(String.valueOf(key))) {
                unknown.add(String.valueOf(key));
            }
        }
        if (unknown.isEmpty()) {
            return;
        }
        List<String> known = new ArrayList<>(DBT_KEYS);
        known.addAll(MALLARD_KEYS);
        String first = unknown.get(0);
        String hint = NameSuggester.closest(first, known).map(k -> "did you mean '" + k + "'?").orElse(null);
        String names = String.join("', '", unknown);
        throw new MallardException(ErrorCode.PROJECT, (unknown.size() == 1 ? "unknown top-level key '"
                : "unknown top-level keys '") + names
                + "': dbt_project.yml accepts only dbt's keys and Mallard's 'migrations'",
                displayName, document.lineOf(first), hint, null);
    }
}
