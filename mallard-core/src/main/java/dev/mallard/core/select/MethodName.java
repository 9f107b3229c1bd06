package dev.mallard.core.select;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The selector methods dbt knows, by the name written before the colon
 * ({@code tag:nightly}, {@code config.materialized:view}).
 */
public enum MethodName {
    FQN,
    TAG,
    GROUP,
    ACCESS,
    SOURCE,
    PATH,
    FILE,
    PACKAGE,
    CONFIG,
    TEST_NAME,
    TEST_TYPE,
    RESOURCE_TYPE,
    STATE,
    EXPOSURE,
    METRIC,
    RESULT,
    SOURCE_STATUS,
    VERSION,
    SEMANTIC_MODEL,
    SAVED_QUERY,
    UNIT_TEST,
    /** Mallard's: {@code ingest:orders_files} or {@code ingest:<package>.orders_files}. */
    INGEST;

    /** The name as written on the command line. */
    public String dbtName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the method compares against a previous run's artifacts ({@code --state}). */
    public boolean needsState() {
        return this == STATE || this == RESULT || this == SOURCE_STATUS;
    }

    /** @throws MallardException with {@link ErrorCode#USAGE} naming the valid methods */
    public static MethodName fromDbtName(String name, String rawSelector) {
        for (MethodName m : values()) {
            if (m.dbtName().equals(name)) {
                return m;
            }
        }
        String valid = Arrays.stream(values()).map(MethodName::dbtName).collect(Collectors.joining(", "));
        throw new MallardException(ErrorCode.USAGE, "'" + name + "' is not a valid selector method (in '"
                + rawSelector + "')", null, 0, "valid methods are: " + valid, null);
    }
}
