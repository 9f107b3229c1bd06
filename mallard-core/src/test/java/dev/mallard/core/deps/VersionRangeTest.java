package dev.mallard.core.deps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class VersionRangeTest {
    private static SemVer v(String s) {
        return SemVer.parse(s);
    }

    @Test
    void aListOfSpecifiersIsTheirIntersection() {
        VersionRange r = VersionRange.parse(List.of(">=1.0.0", "<2.0.0"));
        assertTrue(r.contains(v("1.0.0")));
        assertTrue(r.contains(v("1.11.0")));
        assertFalse(r.contains(v("2.0.0")));
        assertFalse(r.contains(v("0.9.9")));
        assertEquals(">=1.0.0,<2.0.0", r.toString());
    }

    @Test
    void commasInOneStringSeparateSpecifiersAsInRequireDbtVersion() {
        assertEquals(VersionRange.parse(">=1.0.0", "<2.0.0"), VersionRange.parse(">=1.0.0,<2.0.0"));
        assertEquals(VersionRange.parse(">=1.0.0", "<2.0.0"), VersionRange.parse(" >= 1.0.0 , < 2.0.0 "));
    }

    @Test
    void aBareVersionIsExactAndPartialVersionsFillWithZeros() {
        VersionRange exact = VersionRange.parse("1.3.0");
        assertTrue(exact.contains(v("1.3.0")));
        assertFalse(exact.contains(v("1.3.1")));
        assertEquals("=1.3.0", exact.toString());
        assertTrue(VersionRange.parse(">=1.1").contains(v("1.1.0")));
        assertFalse(VersionRange.parse(">1").contains(v("1.0.0")));
        assertTrue(VersionRange.parse("<=1.2.3").contains(v("1.2.3")));
    }

    @Test
    void rangesFromTwoPackagesIntersectAndCanBeEmpty() {
        VersionRange a = VersionRange.parse(">=1.0.0", "<2.0.0");
        VersionRange b = VersionRange.parse(">=1.2.0", "<3.0.0");
        assertEquals(VersionRange.parse(">=1.2.0", "<2.0.0"), a.intersect(b));
        assertFalse(a.intersect(b).isEmpty());
        assertTrue(a.intersect(VersionRange.parse(">=2.0.0")).isEmpty());
        assertTrue(VersionRange.parse("1.0.0").intersect(VersionRange.parse("1.0.1")).isEmpty());
        assertFalse(VersionRange.parse("<=1.0.0").intersect(VersionRange.parse(">=1.0.0")).isEmpty());
    }

    @Test
    void theHighestMatchingReleaseIsChosenAndPreReleasesOnlyWhenAsked() {
        List<SemVer> offered = List.of(v("0.9.0"), v("1.1.0"), v("1.3.2"), v("2.0.0"), v("1.4.0-b1"));
        VersionRange r = VersionRange.parse(">=1.0.0", "<2.0.0");
        assertEquals(v("1.3.2"), r.highest(offered, false));
        assertEquals(v("1.4.0-b1"), r.highest(offered, true));
        assertEquals(null, VersionRange.parse(">=3.0.0").highest(offered, false));
    }

    @Test
    void preReleasesSortBeforeTheirRelease() {
        assertTrue(v("1.0.0-rc1").compareTo(v("1.0.0")) < 0);
        assertTrue(v("1.0.0").compareTo(v("0.99.99")) > 0);
        assertTrue(v("1.10.0").compareTo(v("1.9.0")) > 0);
    }

    @Test
    void aSpecifierThatIsNotAVersionIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> VersionRange.parse(">=1.0.0", "~latest"));
        assertTrue(e.getMessage().contains("'~latest'"), e.getMessage());
    }
}
