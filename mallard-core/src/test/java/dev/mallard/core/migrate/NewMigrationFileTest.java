package dev.mallard.core.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mallard.core.error.MallardException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class NewMigrationFileTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T08:15:30Z"), ZoneOffset.UTC);

    static List<MigrationVersion> versions(String... v) {
        return java.util.Arrays.stream(v).map(MigrationVersion::parse).toList();
    }

    @Test
    void nextIsTheHighestMajorPlusOne() {
        assertEquals("1", NewMigrationFile.nextVersion(List.of(), CLOCK));
        assertEquals("8", NewMigrationFile.nextVersion(versions("1", "7_2", "3"), CLOCK));
    }

    @Test
    void timestampNumberedProjectsGetATimestamp() {
        assertEquals("20261121081530", NewMigrationFile.nextVersion(versions("20240101120000"), CLOCK));
        // a clock behind the newest file must not go backwards
        assertEquals("20301231235960", NewMigrationFile.nextVersion(versions("20301231235959"), CLOCK));
    }

    @Test
    void namesBecomeSlugs() {
        assertEquals("add_users_table", NewMigrationFile.slug(" Add users-table! "));
        assertThrows(MallardException.class, () -> NewMigrationFile.slug("!!!"));
    }
}
