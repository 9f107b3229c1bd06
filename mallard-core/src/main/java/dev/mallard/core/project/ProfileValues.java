package dev.mallard.core.project;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;

/** The checks dbt makes on a profile's output before it connects: threads is an integer, names are strings. */
final class ProfileValues {
    /** Keys of a DuckDB output that dbt-duckdb's credentials declare as strings. */
    static final List<String> STRING_KEYS = List.of("type", "schema", "database", "path");

    private ProfileValues() {
    }

    static int threads(Object value, String file, String target, String profile, ToIntFunction<String> lineOfKey) {
        if (value == null) {
            return 1;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
            return (int) Math.max(1, Math.min(((Number) value).longValue(), Integer.MAX_VALUE));
        }
        throw invalid(file, lineOfKey.applyAsInt("threads"), target, profile, "threads: " + shown(value) + " is not an integer");
    }

    static void checkStrings(Map<String, Object> output, String file, String target, String profile,
                             ToIntFunction<String> lineOfKey) {
        for (String key : STRING_KEYS) {
            Object value = output.get(key);
            if (value != null && !(value instanceof String)) {
                throw invalid(file, lineOfKey.applyAsInt(key), target, profile, key + ": " + shown(value)
                        + " is not a string");
            }
        }
    }

    private static String shown(Object value) {
        return value instanceof String s ? "'" + s + "'" : String.valueOf(value);
    }

    private static MallardException invalid(String file, int line, String target, String profile, String problem) {
        return new MallardException(ErrorCode.PROFILE, "credentials in profile '" + profile + "', target '" + target
                + "' are invalid: " + problem, file, line);
    }

    /**
     * The line of {@code key} in the output {@code target} of {@code profile}, found by
     * indentation (0 when not found): errors point at it, the value itself is already read.
     */
    static int lineOf(Path file, String profile, String target, String key) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            return 0;
        }
        String[] path = {profile, "outputs", target, key};
        int depth = 0;
        int parentIndent = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String stripped = line.stripLeading();
            if (stripped.isEmpty() || stripped.startsWith("#")) {
                continue;
            }
            int indent = line.length() - stripped.length();
            if (depth > 0 && indent <= parentIndent) {
                return 0; // left the block the key would be in
            }
            if (stripped.matches("['\"]?" + Pattern.quote(path[depth]) + "['\"]?\\s*:.*")) {
                depth++;
                parentIndent = indent;
                if (depth == path.length) {
                    return i + 1;
                }
            }
        }
        return 0;
    }
}
