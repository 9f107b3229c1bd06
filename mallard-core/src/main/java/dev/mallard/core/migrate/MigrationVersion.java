package dev.mallard.core.migrate;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A migration version such as {@code 1}, {@code 2.1} or {@code 20240101120000}: numeric
 * parts compared one by one, so {@code 2.10} comes after {@code 2.9} and {@code 1.0}
 * equals {@code 1}. File names may separate the parts with dots or underscores.
 */
public record MigrationVersion(String text, List<BigInteger> parts) implements Comparable<MigrationVersion> {

    public MigrationVersion {
        parts = List.copyOf(parts);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a version has at least one part");
        }
    }

    /** Parses {@code 1}, {@code 2_1}, {@code 2.1}; throws IllegalArgumentException on anything else. */
    public static MigrationVersion parse(String raw) {
        if (raw == null || !raw.matches("[0-9]+([._][0-9]+)*")) {
            throw new IllegalArgumentException("'" + raw + "' is not a version (digits separated by '.' or '_')");
        }
        List<BigInteger> parts = new ArrayList<>();
        for (String p : raw.split("[._]")) {
            parts.add(new BigInteger(p));
        }
        return new MigrationVersion(raw.replace('_', '.'), parts);
    }

    /** The first part, e.g. 2 for 2.1; {@code migrate new} counts from it. */
    public BigInteger major() {
        return parts.get(0);
    }

    @Override
    public int compareTo(MigrationVersion o) {
        int n = Math.max(parts.size(), o.parts.size());
        for (int i = 0; i < n; i++) {
            BigInteger a = i < parts.size() ? parts.get(i) : BigInteger.ZERO;
            BigInteger b = i < o.parts.size() ? o.parts.get(i) : BigInteger.ZERO;
            int c = a.compareTo(b);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** Equal when they compare equal: {@code 1.0} and {@code 1} are the same version. */
    @Override
    public boolean equals(Object o) {
        return o instanceof MigrationVersion v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        List<BigInteger> trimmed = new ArrayList<>(parts);
        while (trimmed.size() > 1 && trimmed.get(trimmed.size() - 1).signum() == 0) {
            trimmed.remove(trimmed.size() - 1);
        }
        return trimmed.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
