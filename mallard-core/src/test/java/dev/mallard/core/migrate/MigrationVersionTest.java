package dev.mallard.core.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationVersionTest {

    @Test
    void partsCompareNumericallyNotAsText() {
        List<MigrationVersion> versions = new ArrayList<>();
        for (String v : List.of("10", "2_10", "2.9", "1", "2", "20240101120000", "2_1")) {
            versions.add(MigrationVersion.parse(v));
        }
        versions.sort(null);
        assertEquals(List.of("1", "2", "2.1", "2.9", "2.10", "10", "20240101120000"),
                versions.stream().map(MigrationVersion::text).toList());
    }

    @Test
    void trailingZeroPartsAreTheSameVersion() {
        assertEquals(MigrationVersion.parse("1"), MigrationVersion.parse("1_0"));
        assertEquals(MigrationVersion.parse("1").hashCode(), MigrationVersion.parse("1.0.0").hashCode());
        assertNotEquals(MigrationVersion.parse("1"), MigrationVersion.parse("1.0.1"));
    }

    @Test
    void underscoresPrintAsDots() {
        assertEquals("2.1", MigrationVersion.parse("2_1").text());
        assertEquals("2", MigrationVersion.parse("2_1").major().toString());
    }

    @Test
    void anythingButDigitsAndSeparatorsIsRefused() {
        for (String bad : List.of("", "v1", "1a", "1__2", "1.", ".1", "1-2")) {
            assertThrows(IllegalArgumentException.class, () -> MigrationVersion.parse(bad), bad);
        }
    }
}
