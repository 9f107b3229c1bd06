package dev.mallard.core.select;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses {@code --select}/{@code --exclude} arguments with dbt's grammar. */
public final class SelectionParser {
    // dbt's RAW_SELECTOR_PATTERN (selector_spec.py), group for group
    private static final Pattern RAW_SELECTOR = Pattern.compile(
            "\\A(?<at>@)?(?<parents>(?<parentsDepth>\\d*)\\+)?((?<method>[\\w.]+):)?(?<value>.*?)"
                    + "(?<children>\\+(?<childrenDepth>\\d*))?\\z");

    private SelectionParser() {
    }

    /**
     * The union of every argument; each argument may hold several space-separated
     * expressions, and each expression comma-joined criteria that must all match.
     */
    public static SelectionSpec.Union parseUnion(List<String> arguments) {
        List<SelectionSpec> union = new ArrayList<>();
        for (String argument : arguments) {
            if (argument == null) {
                continue;
            }
            for (String expression : argument.trim().split("\\s+")) {
                if (expression.isEmpty()) {
                    continue;
                }
                List<SelectionSpec> intersection = new ArrayList<>();
                for (String part : expression.split(",", -1)) {
                    intersection.add(parseCriterion(part));
                }
                union.add(new SelectionSpec.Intersection(intersection));
            }
        }
        return new SelectionSpec.Union(union);
    }

    /** One criterion such as {@code 2+tag:nightly} or {@code @stg_orders}. */
    public static SelectionCriterion parseCriterion(String raw) {
        Matcher m = RAW_SELECTOR.matcher(raw);
        if (!m.matches()) {
            throw usage("invalid selector '" + raw + "'");
        }
        String value = m.group("value");
        if (value.isEmpty()) {
            throw usage("selector '" + raw + "' has no value to search for");
        }
        MethodName method;
        List<String> arguments = List.of();
        String rawMethod = m.group("method");
        if (rawMethod == null) {
            method = defaultMethod(value);
        } else {
            List<String> parts = Arrays.asList(rawMethod.split("\\.", -1));
            method = MethodName.fromDbtName(parts.get(0), raw);
            arguments = parts.subList(1, parts.size());
        }
        if (method == MethodName.CONFIG && (arguments.isEmpty() || arguments.contains(""))) {
            throw usage("selector '" + raw + "' needs a config key, like config.materialized:table");
        }
        return new SelectionCriterion(raw, method, arguments, value,
                m.group("at") != null,
                m.group("parents") != null, depth(m.group("parentsDepth"), raw),
                m.group("children") != null, depth(m.group("childrenDepth"), raw));
    }

    /** Without a method, dbt reads a value with a slash as a path, a file name as a file, else an fqn. */
    static MethodName defaultMethod(String value) {
        if (value.contains("/")) {
            return MethodName.PATH;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".sql") || lower.endsWith(".py") || lower.endsWith(".csv")) {
            return MethodName.FILE;
        }
        return MethodName.FQN;
    }

    private static int depth(String digits, String raw) {
        if (digits == null || digits.isEmpty()) {
            return SelectionCriterion.UNLIMITED;
        }
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw usage("selector '" + raw + "' has a depth that is too large: " + digits);
        }
    }

    private static MallardException usage(String message) {
        return new MallardException(ErrorCode.USAGE, message);
    }
}
