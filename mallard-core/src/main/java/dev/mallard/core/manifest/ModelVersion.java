package dev.mallard.core.manifest;

import java.math.BigDecimal;

/**
 * Which version of a versioned model a node is ({@code versions:} in its properties):
 * {@code v} and the model's {@code latest_version} as the YAML gave them (int, float or
 * string), and the {@code deprecation_date} as dbt writes it (ISO 8601 with offset), or null.
 */
public record ModelVersion(Object v, Object latest, String deprecationDate) {
    public ModelVersion {
        java.util.Objects.requireNonNull(v, "v");
        java.util.Objects.requireNonNull(latest, "latest");
    }

    /** The version as it appears in unique ids, relation names and messages: Python's str(v). */
    public String label() {
        return text(v);
    }

    public boolean isLatest() {
        return label().equals(text(latest));
    }

    /** A version greater than the latest: dbt's "prerelease". */
    public boolean isPrerelease() {
        return compare(v, latest) > 0;
    }

    /** A version less than the latest: dbt's "old". */
    public boolean isOld() {
        return compare(v, latest) < 0;
    }

    /** Python's str() of a version value: 1, 1.5, "beta". */
    public static String text(Object version) {
        if (version instanceof Double || version instanceof Float) {
            double d = ((Number) version).doubleValue();
            return d == Math.rint(d) && !Double.isInfinite(d) ? String.valueOf((long) d) + ".0" : String.valueOf(d);
        }
        return String.valueOf(version);
    }

    /** dbt's order of versions: numerically when both are numbers, else as strings. */
    public static int compare(Object a, Object b) {
        BigDecimal x = number(a);
        BigDecimal y = number(b);
        if (x != null && y != null) {
            return x.compareTo(y);
        }
        return text(a).compareTo(text(b));
    }

    private static BigDecimal number(Object v) {
        try {
            return new BigDecimal(text(v).trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
