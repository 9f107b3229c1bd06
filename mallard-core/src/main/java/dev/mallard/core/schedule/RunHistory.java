package dev.mallard.core.schedule;

import dev.mallard.core.engine.Engine;
import dev.mallard.core.engine.EngineSession;
import dev.mallard.core.engine.QueryResult;
import dev.mallard.core.engine.Relation;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The schedules' run history, a table in the target database:
 * {@code mallard_schedule_runs(id, schedule, started_at, ended_at, status, attempts, nodes, error)}
 * with times in UTC, status {@code running}, {@code success}, {@code error} or {@code skipped}
 * and nodes a JSON list of the unique ids the steps ran.
 *
 * <p>Each call opens the engine and closes it again: DuckDB admits one writing process per
 * file, and the steps of a run (and other mallard commands) must be able to open it between
 * two history writes.
 */
public final class RunHistory {
    public static final String TABLE = "mallard_schedule_runs";

    /** One row of the history. */
    public record Entry(long id, String schedule, Instant startedAt, Instant endedAt, String status, int attempts,
            String nodes, String error) {
    }

    private final Supplier<Engine> opener;
    private final String schema;

    /** {@code opener} opens the target's engine; the table lives in {@code schema}. */
    public RunHistory(Supplier<Engine> opener, String schema) {
        this.opener = opener;
        this.schema = schema;
    }

    /** Records a run that starts now; returns its id. */
    public long started(String schedule, Instant at) {
        return write(s -> {
            s.execute("INSERT INTO " + table() + " SELECT coalesce(max(id), 0) + 1, " + text(schedule) + ", " + time(at)
                    + ", NULL, 'running', 0, NULL, NULL FROM " + table());
            return ((Number) s.query("SELECT max(id) FROM " + table()).rows().get(0).get(0)).longValue();
        });
    }

    public void finished(long id, Instant at, String status, int attempts, String nodes, String error) {
        write(s -> {
            s.execute("UPDATE " + table() + " SET ended_at = " + time(at) + ", status = " + text(status) + ", attempts = "
                    + attempts + ", nodes = " + text(nodes) + ", error = " + text(error) + " WHERE id = " + id);
            return null;
        });
    }

    /** Records a fire time that did not run because the schedule's previous run was still going. */
    public void skipped(String schedule, Instant fireTime, String reason) {
        write(s -> {
            s.execute("INSERT INTO " + table() + " SELECT coalesce(max(id), 0) + 1, " + text(schedule) + ", "
                    + time(fireTime) + ", " + time(fireTime) + ", 'skipped', 0, NULL, " + text(reason) + " FROM "
                    + table());
            return null;
        });
    }

    /** The last {@code limit} runs of {@code schedule}, newest first; empty before the table exists. */
    public List<Entry> last(String schedule, int limit) {
        try (Engine engine = opener.get(); EngineSession s = engine.openSession()) {
            if (s.findRelation(new Relation(engine.defaultDatabase(), schema, TABLE)).isEmpty()) {
                return List.of();
            }
            QueryResult r = s.query("SELECT id, schedule, started_at, ended_at, status, attempts, nodes, error FROM "
                    + table() + " WHERE schedule = " + text(schedule) + " ORDER BY id DESC LIMIT " + limit);
            List<Entry> out = new ArrayList<>();
            for (List<Object> row : r.rows()) {
                out.add(new Entry(((Number) row.get(0)).longValue(), (String) row.get(1), instant(row.get(2)),
                        instant(row.get(3)), (String) row.get(4), ((Number) row.get(5)).intValue(), (String) row.get(6),
                        (String) row.get(7)));
            }
            return out;
        }
    }

    private interface Body<T> {
        T run(EngineSession s);
    }

    private <T> T write(Body<T> body) {
        try (Engine engine = opener.get(); EngineSession s = engine.openSession()) {
            s.createSchemaIfMissing(engine.defaultDatabase(), schema);
            s.execute("CREATE TABLE IF NOT EXISTS " + table() + " (id BIGINT PRIMARY KEY, schedule VARCHAR NOT NULL, "
                    + "started_at TIMESTAMP NOT NULL, ended_at TIMESTAMP, status VARCHAR NOT NULL, attempts INTEGER, "
                    + "nodes VARCHAR, error VARCHAR)");
            s.begin();
            try {
                T result = body.run(s);
                s.commit();
                return result;
            } catch (RuntimeException e) {
                s.rollback();
                throw e;
            }
        }
    }

    private String table() {
        return "\"" + schema.replace("\"", "\"\"") + "\"." + TABLE;
    }

    private static String text(String value) {
        return value == null ? "NULL" : "'" + value.replace("'", "''") + "'";
    }

    private static String time(Instant at) {
        return "TIMESTAMP '" + LocalDateTime.ofInstant(at, ZoneOffset.UTC) + "'";
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toLocalDateTime().toInstant(ZoneOffset.UTC);
        }
        if (value instanceof LocalDateTime t) {
            return t.toInstant(ZoneOffset.UTC);
        }
        return LocalDateTime.parse(value.toString().replace(' ', 'T')).toInstant(ZoneOffset.UTC);
    }
}
