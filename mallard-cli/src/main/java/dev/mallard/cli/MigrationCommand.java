package dev.mallard.cli;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.migrate.MigrationLock;
import dev.mallard.core.migrate.MigrationService;
import dev.mallard.core.migrate.MigrationVersion;
import dev.mallard.core.run.Workspace;
import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * Base of the {@code migrate} subcommands that touch the database: waits for the database
 * (another process may hold it), then runs the body with a {@link MigrationService}.
 */
abstract class MigrationCommand extends ProjectCommand {
    @Option(names = "--lock-timeout", defaultValue = "10s", paramLabel = "DURATION",
            description = "How long to wait for a database another process holds, e.g. 0, 30s, 2m (default: ${DEFAULT-VALUE}).")
    String lockTimeout;

    @Override
    boolean announcesProfile() {
        return false;
    }

    @Override
    final int run(Workspace ws) {
        Duration timeout = parseDuration(lockTimeout);
        try (MigrationLock lock = MigrationLock.acquire(databaseKey(ws), timeout, ws::engine)) {
            try {
                return migrate(ws, new MigrationService(ws.project(), lock.engine(), timeout));
            } finally {
                // close the database before the next waiting thread of this process may open it
                ws.close();
            }
        }
    }

    abstract int migrate(Workspace ws, MigrationService service);

    /** The database file, which is what the lock is about; for a server, its address and database. */
    static String databaseKey(Workspace ws) {
        var target = ws.project().target();
        if (!isFile(ws)) {
            return target.type() + "://" + target.string("host") + ":" + target.string("port") + "/"
                    + (target.string("dbname") != null ? target.string("dbname") : target.string("database"));
        }
        String path = ws.project().target().string("path");
        if (path == null || path.isBlank() || path.equals(":memory:")) {
            return ":memory:";
        }
        return ws.project().dir().resolve(path).toAbsolutePath().normalize().toString();
    }

    /** Whether the target is a database file (DuckDB), not a server. */
    static boolean isFile(Workspace ws) {
        return "duckdb".equalsIgnoreCase(ws.project().target().type());
    }

    static Duration parseDuration(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (s.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2)));
            }
            if (s.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(s.substring(0, s.length() - 1)));
            }
            if (s.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(s.substring(0, s.length() - 1)));
            }
            return Duration.ofSeconds(Long.parseLong(s));
        } catch (NumberFormatException e) {
            throw new MallardException(ErrorCode.USAGE, "--lock-timeout '" + text + "' is not a duration", null, 0,
                    "use e.g. 0, 500ms, 30s or 2m", null);
        }
    }

    static MigrationVersion version(String option, String text) {
        String v = text.startsWith("V") || text.startsWith("v") ? text.substring(1) : text;
        try {
            return MigrationVersion.parse(v);
        } catch (IllegalArgumentException e) {
            throw new MallardException(ErrorCode.USAGE, option + " '" + text + "' is not a version", null, 0,
                    "use digits separated by '.' or '_', e.g. 3 or 2.1", null);
        }
    }
}
