package dev.mallard.core.project;

import dev.mallard.core.error.Warnings;
import dev.mallard.core.events.Deprecation;
import java.util.Map;

/**
 * dbt 1.11's deprecations of a project's dbt_project.yml (the root's and each package's, every
 * time a project loads): {@code log-path} and {@code target-path} set to anything but their defaults
 * (ConfigLogPathDeprecation, ConfigTargetPathDeprecation); and user config in profiles.yml
 * (ProjectFlagsMovedDeprecation).
 */
final class ProjectDeprecations {
    private ProjectDeprecations() {
    }

    /*
     * dbt's tag would name these events under the project flag require_event_names_in_deprecations, but
     * dbt 1.11.16 fires them before its flags hold the project's: they read "[WARNING]: Deprecated
     * functionality" whatever the flag says (checked with the flag set to true).
     */

    /** {@code rendered}: the dbt_project.yml {@code file} once rendered (dbt compares the rendered value with the default). */
    static void check(Map<String, Object> rendered, String file, Warnings warnings) {
        path(rendered, file, "log-path", "logs", "ConfigLogPathDeprecation", "D010", "logs", warnings);
        path(rendered, file, "target-path", "target", "ConfigTargetPathDeprecation", "D011", "artifacts", warnings);
    }

    /**
     * ProjectFlagsMovedDeprecation: user config under {@code config:} in profiles.yml (dbt reads it as the
     * project's flags, and warns).
     */
    static void flagsInProfiles(Map<String, Object> profiles, Warnings warnings) {
        if (profiles.get("config") instanceof Map<?, ?> config && !config.isEmpty()) {
            warnings.add(new Deprecation("ProjectFlagsMovedDeprecation", "D013", false,
                    "User config should be moved from the 'config' key in profiles.yml to the 'flags' key in"
                            + " dbt_project.yml.", Map.of(), "", "").encode());
        }
    }

    private static void path(Map<String, Object> rendered, String file, String key, String dflt, String event, String code,
                             String output, Warnings warnings) {
        if (!rendered.containsKey(key) || dflt.equals(rendered.get(key))) {
            return;
        }
        String flag = "--" + key;
        String envVar = "DBT_" + key.replace('-', '_').toUpperCase(java.util.Locale.ROOT);
        warnings.add(new Deprecation(event, code, false, "The `" + key + "` config in `dbt_project.yml` has been"
                + " deprecated, and will no longer be supported in a future version of dbt-core. If you wish to write"
                + " dbt " + output + " to a custom directory, please use the " + flag + " CLI flag or " + envVar
                + " env var instead.", Map.of("deprecated_path", key), "", file).encode());
    }
}
