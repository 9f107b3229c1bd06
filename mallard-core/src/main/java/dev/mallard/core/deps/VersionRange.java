package dev.mallard.core.deps;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The versions a list of dbt version specifiers allows ({@code ">=1.0.0"}, {@code "<2.0.0"},
 * {@code "1.2.3"}), as an interval with optional, inclusive or exclusive ends. Specifiers
 * in one list all apply, so the range is their intersection, as in dbt's semver module.
 */
public record VersionRange(SemVer lower, boolean lowerInclusive, SemVer upper, boolean upperInclusive) {
    private static final Pattern SPECIFIER = Pattern.compile("\\s*(>=|<=|>|<|==|=)?\\s*(\\S+)\\s*");

    /** Every version. */
    public static final VersionRange ANY = new VersionRange(null, false, null, false);

    /**
     * Parses specifiers: each string may itself hold several, separated by commas
     * ({@code ">=1.0.0,<2.0.0"}).
     *
     * @throws IllegalArgumentException naming the specifier that is not a version
     */
    public static VersionRange parse(List<String> specifiers) {
        VersionRange range = ANY;
        for (String spec : specifiers) {
            for (String part : spec.split(",")) {
                if (!part.isBlank()) {
                    range = range.intersect(parseOne(part));
                }
            }
        }
        return range;
    }

    public static VersionRange parse(String... specifiers) {
        return parse(List.of(specifiers));
    }

    private static VersionRange parseOne(String text) {
        Matcher m = SPECIFIER.matcher(text);
        SemVer v = m.matches() ? SemVer.parse(m.group(2)) : null;
        if (v == null) {
            throw new IllegalArgumentException("'" + text.trim() + "' is not a version specifier"
                    + " (expected e.g. '1.2.3', '>=1.0.0' or '<2.0.0')");
        }
        String op = m.group(1) == null ? "=" : m.group(1);
        return switch (op) {
            case ">=" -> new VersionRange(v, true, null, false);
            case ">" -> new VersionRange(v, false, null, false);
            case "<=" -> new VersionRange(null, false, v, true);
            case "<" -> new VersionRange(null, false, v, false);
            default -> new VersionRange(v, true, v, true);
        };
    }

    /** The versions both ranges allow (possibly none: see {@link #isEmpty()}). */
    public VersionRange intersect(VersionRange other) {
        SemVer lo = lower;
        boolean loIn = lowerInclusive;
        if (other.lower != null) {
            int c = lo == null ? -1 : lo.compareTo(other.lower);
            if (c < 0 || (c == 0 && !other.lowerInclusive)) {
                lo = other.lower;
                loIn = other.lowerInclusive;
            }
        }
        SemVer hi = upper;
        boolean hiIn = upperInclusive;
        if (other.upper != null) {
            int c = hi == null ? 1 : hi.compareTo(other.upper);
            if (c > 0 || (c == 0 && !other.upperInclusive)) {
                hi = other.upper;
                hiIn = other.upperInclusive;
            }
        }
        return new VersionRange(lo, loIn, hi, hiIn);
    }

    /** True when no version satisfies the range. */
    public boolean isEmpty() {
        if (lower == null || upper == null) {
            return false;
        }
        int c = lower.compareTo(upper);
        return c > 0 || (c == 0 && !(lowerInclusive && upperInclusive));
    }

    public boolean contains(SemVer v) {
        if (lower != null) {
            int c = v.compareTo(lower);
            if (c < 0 || (c == 0 && !lowerInclusive)) {
                return false;
            }
        }
        if (upper != null) {
            int c = v.compareTo(upper);
            return c < 0 || (c == 0 && upperInclusive);
        }
        return true;
    }

    /** The highest of {@code candidates} in the range, skipping pre-releases unless asked; null if none. */
    public SemVer highest(List<SemVer> candidates, boolean prereleases) {
        SemVer best = null;
        for (SemVer v : candidates) {
            if ((prereleases || v.prerelease() == null) && contains(v) && (best == null || v.compareTo(best) > 0)) {
                best = v;
            }
        }
        return best;
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        if (lower != null && upper != null && lower.equals(upper) && lowerInclusive && upperInclusive) {
            return "=" + lower;
        }
        if (lower != null) {
            parts.add((lowerInclusive ? ">=" : ">") + lower);
        }
        if (upper != null) {
            parts.add((upperInclusive ? "<=" : "<") + upper);
        }
        return parts.isEmpty() ? "any version" : String.join(",", parts);
    }
}
