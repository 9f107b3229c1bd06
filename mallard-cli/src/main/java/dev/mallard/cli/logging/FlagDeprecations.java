package dev.mallard.cli.logging;

import dev.mallard.core.error.MallardException;
import dev.mallard.core.events.Deprecation;
import dev.mallard.core.project.YamlFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * dbt 1.11's deprecations of the command line, said as the command starts: {@code include}/{@code exclude}
 * in the warn-error options (WEOIncludeExcludeDeprecation), then {@code -m}/{@code --models}/{@code --model}
 * (ModelParamUsageDeprecation, once per spelling used, as dbt looks for each in the arguments as given).
 */
public final class FlagDeprecations {
    private FlagDeprecations() {
    }

    /** {@code warnErrorOptions}: the flag's YAML, else DBT_WARN_ERROR_OPTIONS, or null. */
    public static List<Deprecation> of(List<String> args, String warnErrorOptions) {
        List<Deprecation> out = new ArrayList<>();
        Map<String, Object> options = parsed(warnErrorOptions);
        boolean include = options.containsKey("include");
        boolean exclude = options.containsKey("exclude");
        if (include || exclude) {
            StringBuilder text = new StringBuilder("Found ")
                    .append(include && exclude ? "`include` and `exclude`" : include ? "`include`" : "`exclude`")
                    .append(" in `warn_error_options` specification.");
            if (include) {
                text.append(" Please use `error` instead of `include`.");
            }
            if (exclude) {
                text.append(" Please use `warn` instead of `exclude`.");
            }
            out.add(new Deprecation("WEOIncludeExcludeDeprecation", "D031", true, text.toString(),
                    Map.of("found_include", include, "found_exclude", exclude), "", ""));
        }
        for (String flag : List.of("--models", "--model", "-m")) {
            if (args.contains(flag)) {
                out.add(new Deprecation("ModelParamUsageDeprecation", "D032", false, "Usage of `--models`, `--model`,"
                        + " and `-m` is deprecated in favor of `--select` or `-s`.", Map.of(), "", flag));
            }
        }
        return out;
    }

    private static Map<String, Object> parsed(String options) {
        if (options == null || options.isBlank()) {
            return Map.of();
        }
        try {
            return YamlFiles.parseMap(options, "--warn-error-options");
        } catch (MallardException e) {
            return Map.of(); // reported as the usage error it is when the settings are resolved
        }
    }
}
