package dev.mallard.core.migrate;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Writes the skeleton of the next migration file: version = highest major version + 1,
 * or a UTC timestamp (yyyyMMddHHmmss) when the project already numbers by timestamps.
 */
public final class NewMigrationFile {
    private static final BigInteger TIMESTAMP_FLOOR = new BigInteger("10000000000000");

    private NewMigrationFile() {
    }

    /** The version after {@code existing}. */
    static String nextVersion(List<MigrationVersion> existing, Clock clock) {
        BigInteger max = existing.stream().map(MigrationVersion::major).max(BigInteger::compareTo).orElse(BigInteger.ZERO);
        if (max.compareTo(TIMESTAMP_FLOOR) >= 0) {
            String now = LocalDateTime.now(clock).format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
            BigInteger stamp = new BigInteger(now);
            return (stamp.compareTo(max) > 0 ? stamp : max.add(BigInteger.ONE)).toString();
        }
        return max.add(BigInteger.ONE).toString();
    }

    /** {@code "Add users table!"} becomes {@code add_users_table}. */
    static String slug(String name) {
        String s = name.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (s.isEmpty()) {
            throw new MallardException(ErrorCode.USAGE, "'" + name + "' has no letters or digits to name a migration");
        }
        return s;
    }

    /** Creates the file in {@code folder} and returns its path. */
    public static Path create(Path folder, List<Migration> existing, String name, Clock clock) {
        return create(folder, existing, name, clock, "-- migrate:up\n\n\n-- migrate:down\n\n");
    }

    /** Creates the file in {@code folder} with {@code content} and returns its path. */
    public static Path create(Path folder, List<Migration> existing, String name, Clock clock, String content) {
        String version = nextVersion(existing.stream().map(Migration::version).toList(), clock);
        Path file = folder.resolve("V" + version + "__" + slug(name) + ".sql");
        if (Files.exists(file)) {
            throw new MallardException(ErrorCode.USAGE, file + " already exists");
        }
        try {
            Files.createDirectories(folder);
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new MallardException(ErrorCode.PROJECT, "cannot write " + file + ": " + e.getMessage());
        }
        return file;
    }
}
