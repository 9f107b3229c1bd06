package dev.mallard.core.project;

import dev.mallard.core.error.Warnings;
import dev.mallard.core.events.Deprecation;
import java.util.Map;

/**
 * dbt 1.11's deprecations of a project's dbt_project.yml (the root's and each package's, every
 * time a project loads): {@code log-path} and {@code target-path} set to anything but their defaults
 * (ConfigLogPathDeprecation, ConfigTargetPathDeprecation).
 */
final class ProjectDeprecations {
    private ProjectDeprecations() {
    }

    /**
     * Whether dbt's tag names these events: the root project's {@code flags:
     * require_event_names_in_deprecations} (off by default, giving "[WARNING]: Deprecated functionality").
     */
    static boolean namesEvents(Map<String, Object> rootYaml) {
        return rootYaml.get("flags") instanceof Map<?, ?> flags
                && Boolean.TRUE.equals(flags.get("require_event_names_in_deprecations"));
    }

    /** {@code rendered}: the dbt_project.yml {@code file} once rendered (dbt compares the rendered value with the default). */
    static void check(Map<String, Object> rendered, String file, boolean named, Warnings warnings) {
        path(rendered, file, "log-path", "logs", "ConfigLogPathDeprecation", "D010", "logs", named, warnings);
        path(rendered, file, "target-path", "target", "ConfigTargetPathDeprecation", "D011", "artifacts", named,
                warnings);
    }

    private static void path(Map<String, Object> rendered, String file, String key, String dflt, String event, String code,
                             String output, boolean named, Warnings warnings) {
        if (!rendered.containsKey(key) || dflt.equals(rendered.get(key))) {
            return;
        }
        String flag = "--" + key;
        String envVar = "DBT_" + key.replace('-', '_').toUpperCase(java.util.Locale.ROOT);
        warnings.add(new Deprecation(event, code, named, "The `" + key + "` config in `dbt_project.yml` has been"
                + " deprecated, and will no longer be supported in a future version of dbt-core. If you wish to write"
                + " dbt " + output + " to a custom directory, please use the " + flag + " CLI flag or " + envVar
                + " env var instead.", Map.of("deprecated_path", key), "", file).encode());
    }
}
