package dev.mallard.core.deps;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import java.util.ArrayList;
import java.util.List;

/** The dbt version Mallard is compatible with, and the {@code require-dbt-version} check against it. */
public final class DbtVersion {
    /** The one place that says which dbt Mallard behaves as. */
    public static final String COMPATIBLE = "1.11.0";

    private DbtVersion() {
    }

    /**
     * Fails unless {@link #COMPATIBLE} satisfies {@code required} (a string such as
     * {@code ">=1.0.0,<2.0.0"} or a list of specifiers), naming the project and file.
     */
    public static void require(Object required, String projectName, String file, int line) {
        if (required == null) {
            return;
        }
        List<String> specifiers = new ArrayList<>();
        if (required instanceof List<?> l) {
            l.forEach(o -> specifiers.add(String.valueOf(o)));
        } else {
            specifiers.add(String.valueOf(required));
        }
        VersionRange range;
        try {
            range = VersionRange.parse(specifiers);
        } catch (IllegalArgumentException e) {
            throw new MallardException(ErrorCode.PROJECT, "bad require-dbt-version: " + e.getMessage(), file, line);
        }
        if (!range.contains(SemVer.parse(COMPATIBLE))) {
            throw new MallardException(ErrorCode.PROJECT, "this version of Mallard (compatible with dbt " + COMPATIBLE
                    + ") is not supported with the '" + projectName + "' package: it requires dbt " + specifiers,
                    file, line, "check for a different version of the '" + projectName
                            + "' package, or change require-dbt-version", null);
        }
    }
}
