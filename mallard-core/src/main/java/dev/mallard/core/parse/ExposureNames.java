package dev.mallard.core.parse;

import dev.mallard.core.error.Warnings;
import dev.mallard.core.events.Deprecation;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** dbt 1.11's ExposureNameDeprecation: an exposure's name of anything but letters, digits, '_' and '-'. */
final class ExposureNames {
    /** Python's {@code re.match(r"[\w-]+$", name)}: \w of Unicode, the end or a final line break. */
    private static final Pattern NAME = Pattern.compile("[\\w-]+\n?", Pattern.UNICODE_CHARACTER_CLASS);

    private ExposureNames() {
    }

    /** Unnamed in dbt's tag, whatever require_event_names_in_deprecations says (see ProjectDeprecations). */
    static void check(Map<String, Object> document, String file, Warnings warnings) {
        if (!(document.get("exposures") instanceof List<?> exposures)) {
            return;
        }
        for (int i = 0; i < exposures.size(); i++) {
            if (exposures.get(i) instanceof Map<?, ?> e && e.get("name") != null
                    && !NAME.matcher(String.valueOf(e.get("name"))).matches()) {
                String name = String.valueOf(e.get("name"));
                warnings.add(new Deprecation("ExposureNameDeprecation", "D007", false, "Starting in v1.3, the 'name'"
                        + " of an exposure should contain only letters, numbers, and underscores. Exposures support a"
                        + " new property, 'label', which may contain spaces, capital letters, and special characters. "
                        + name + " does not follow this pattern. Please update the 'name', and use the 'label' property"
                        + " for a human-friendly title. This will raise an error in a future version of dbt-core.",
                        Map.of("exposure", name), "", file + ":exposures[" + i + "]").encode());
            }
        }
    }
}
