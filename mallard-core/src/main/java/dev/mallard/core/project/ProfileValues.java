package dev.mallard.core.project;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/** The checks dbt makes on a profile's output before it connects: threads is an integer, names are strings. */
final class ProfileValues {
    /** Keys of a DuckDB output that dbt-duckdb's credentials declare as strings. */
    static final List<String> STRING_KEYS = List.of("type", "schema", "database", "path");

    private ProfileValues() {
    }

    static int threads(Object value, String file, String target, String profile) {
        if (value == null) {
            return 1;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
            long n = ((Number) value).longValue();
            return (int) Math.max(1, Math.min(n, 1024));
        }
        throw invalid(file, target, profile, "threads: " + shown(value) + " is not an integer");
    }

    static void checkStrings(Map<String, Object> output, String file, String target, String profile) {
        for (String key : STRING_KEYS) {
            Object value = output.get(key);
            if (value != null && !(value instanceof String)) {
                throw invalid(file, target, profile, key + ": " + shown(value) + " is not a string");
            }
        }
    }

    private static String shown(Object value) {
        return value instanceof String s ? "'" + s + "'" : String.valueOf(value);
    }

    private static MallardException invalid(String file, String target, String profile, String problem) {
        return new MallardException(ErrorCode.PROFILE, "credentials in profile '" + profile + "', target '" + target
                + "' are invalid: " + problem, file, 0);
    }
}
