package dev.mallard.core.migrate;

import dev.mallard.core.engine.EngineSession;
import dev.mallard.core.engine.Relation;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The history table ({@code mallard_schema_history} in the target schema): one row per
 * applied migration, per failed attempt (success = false) and per baseline.
 */
public final class MigrationHistory {
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
    private final Relation table;

    public MigrationHistory(Relation table) {
        this.table = table;
    }

    public Relation table() {
        return table;
    }

    public boolean exists(EngineSession session) {
        return session.findRelation(table).isPresent();
    }

    public void createIfMissing(EngineSession session) {
        session.createSchemaIfMissing(table.database(), table.schema());
        session.execute("CREATE TABLE IF NOT EXISTS " + table.render() + " ("
                + "installed_rank INTEGER NOT NULL PRIMARY KEY, "
                + "version VARCHAR, "
                + "description VARCHAR NOT NULL, "
                + "type VARCHAR NOT NULL, "
                + "script VARCHAR NOT NULL, "
                + "checksum VARCHAR, "
                + "installed_by VARCHAR NOT NULL, "
                + "installed_on TIMESTAMP NOT NULL, "
                + "execution_ms BIGINT NOT NULL, "
                + "success BOOLEAN NOT NULL)");
    }

    /** Every row, oldest first; empty when the table does not exist yet. */
    public List<AppliedMigration> rows(EngineSession session) {
        if (!exists(session)) {
            return List.of();
        }
        List<AppliedMigration> out = new ArrayList<>();
        for (List<Object> r : session.query("SELECT installed_rank, version, description, type, script, checksum, "
                + "installed_by, installed_on, execution_ms, success FROM " + table.render()
                + " ORDER BY installed_rank").rows()) {
            out.add(new AppliedMigration(
                    ((Number) r.get(0)).intValue(),
                    r.get(1) == null ? null : MigrationVersion.parse(String.valueOf(r.get(1)).replace('.', '_')),
                    String.valueOf(r.get(2)),
                    MigrationType.valueOf(String.valueOf(r.get(3))),
                    String.valueOf(r.get(4)),
                    r.get(5) == null ? null : String.valueOf(r.get(5)),
                    String.valueOf(r.get(6)),
                    toLocal(r.get(7)),
                    ((Number) r.get(8)).longValue(),
                    Boolean.TRUE.equals(r.get(9))));
        }
        return out;
    }

    /** Appends a row; the caller owns the transaction. */
    public void insert(EngineSession session, MigrationVersion version, String description, MigrationType type,
            String script, String checksum, long executionMs, boolean success) {
        String rank = "(SELECT coalesce(max(installed_rank), 0) + 1 FROM " + table.render() + ")";
        session.execute("INSERT INTO " + table.render() + " VALUES (" + rank + ", "
                + literal(version == null ? null : version.text()) + ", " + literal(description) + ", "
                + literal(type.name()) + ", " + literal(script) + ", " + literal(checksum) + ", "
                + literal(System.getProperty("user.name", "unknown")) + ", TIMESTAMP '"
                + LocalDateTime.now(ZoneOffset.UTC).format(TS) + "', " + executionMs + ", " + success + ")");
    }

    public void delete(EngineSession session, int installedRank) {
        session.execute("DELETE FROM " + table.render() + " WHERE installed_rank = " + installedRank);
    }

    public void realign(EngineSession session, int installedRank, String checksum, String description, String script) {
        session.execute("UPDATE " + table.render() + " SET checksum = " + literal(checksum) + ", description = "
                + literal(description) + ", script = " + literal(script) + " WHERE installed_rank = " + installedRank);
    }

    private static LocalDateTime toLocal(Object v) {
        if (v instanceof Timestamp ts) {
            return ts.toLocalDateTime();
        }
        if (v instanceof LocalDateTime t) {
            return t;
        }
        return v == null ? null : LocalDateTime.parse(String.valueOf(v).replace(' ', 'T'));
    }

    static String literal(String s) {
        return s == null ? "NULL" : "'" + s.replace("'", "''") + "'";
    }
}
