package dev.mallard.core.deps;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A semantic version as dbt reads one: {@code major.minor.patch[-prerelease][+build]}. */
public record SemVer(int major, int minor, int patch, String prerelease) implements Comparable<SemVer> {
    private static final Pattern FORM = Pattern.compile(
            "v?(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?(?:-([0-9A-Za-z.-]+))?(?:\\+[0-9A-Za-z.-]+)?");

    public SemVer {
        prerelease = prerelease == null || prerelease.isEmpty() ? null : prerelease;
    }

    /** Parses a version; a missing minor or patch counts as 0. Returns null when it is not one. */
    public static SemVer parse(String text) {
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            return null;
        }
        return new SemVer(Integer.parseInt(m.group(1)), m.group(2) == null ? 0 : Integer.parseInt(m.group(2)),
                m.group(3) == null ? 0 : Integer.parseInt(m.group(3)), m.group(4));
    }

    @Override
    public int compareTo(SemVer o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) {
            c = Integer.compare(minor, o.minor);
        }
        if (c == 0) {
            c = Integer.compare(patch, o.patch);
        }
        if (c != 0) {
            return c;
        }
        // a pre-release sorts before its release
        if (prerelease == null || o.prerelease == null) {
            return prerelease == null ? (o.prerelease == null ? 0 : 1) : -1;
        }
        return prerelease.compareTo(o.prerelease);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch + (prerelease == null ? "" : "-" + prerelease);
    }
}
