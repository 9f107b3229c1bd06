package dev.mallard.core.ingest;

import dev.mallard.core.engine.ColumnInfo;
import dev.mallard.core.engine.EngineSession;
import dev.mallard.core.engine.Relation;
import dev.mallard.core.manifest.IngestNode.IngestTable;
import dev.mallard.core.manifest.IngestNode.OnExistingKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One commit of an ingest: in a single transaction, the batch is staged in a table beside
 * the raw table, the raw table is created (first commit) or gains the batch's new columns,
 * rows with the batch's keys are deleted (with a key; with {@code on_existing_key: keep} the
 * batch's rows whose keys are stored already are left out instead), the batch is inserted by column name
 * with the declared types, the stage is dropped and the state row is replaced. A failure or
 * a kill anywhere before COMMIT leaves the raw table and the state as they were.
 */
final class BatchCommit {
    private final EngineSession session;
    private final IngestState state;
    private final String ingest;

    BatchCommit(EngineSession session, IngestState state, String ingest) {
        this.session = session;
        this.state = state;
        this.ingest = ingest;
    }

    /** @return the number of rows the batch held */
    long commit(IngestTable table, IngestBatch batch, Map<String, Object> newState) {
        Relation target = table.relation();
        Relation stage = target.withIdentifier("__mallard_ingest_" + target.identifier() + "_stage");
        session.begin();
        boolean done = false;
        try {
            session.execute("DROP TABLE IF EXISTS " + stage.render());
            stageBatch(stage, batch, table.columns());
            List<ColumnInfo> staged = session.columns(stage);
            for (String k : table.key()) {
                if (staged.stream().noneMatch(c -> c.name().equalsIgnoreCase(k)) && !table.columns().containsKey(k)) {
                    throw new IllegalArgumentException("the batch has no key column '" + k + "' (its columns: "
                            + staged.stream().map(ColumnInfo::name).collect(Collectors.joining(", ")) + ")");
                }
            }
            Map<String, String> select = selectList(staged, table.columns());
            String rows = "SELECT " + String.join(", ", select.values()) + " FROM " + stage.render();
            long count = ((Number) session.query("SELECT count(*) FROM " + stage.render()).rows().get(0).get(0)).longValue();
            if (session.findRelation(target).isEmpty()) {
                session.execute("CREATE TABLE " + target.render() + " AS " + rows + " LIMIT 0");
            } else {
                addNewColumns(target, stage, select.keySet(), table.columns());
            }
            String match = table.key().stream().map(k -> "s." + Relation.quote(k) + " = " + target.render() + "."
                    + Relation.quote(k)).collect(Collectors.joining(" AND "));
            if (table.onExistingKey() == OnExistingKey.KEEP) {
                // rows already stored stay as they are (other tables may reference them); of the
                // batch's rows sharing a key, one goes in; in key order, so ids a sequence gives follow it
                String keys = table.key().stream().map(k -> "s." + Relation.quote(k)).collect(Collectors.joining(", "));
                rows = "SELECT * FROM (" + rows + ") AS s WHERE NOT EXISTS (SELECT 1 FROM " + target.render()
                        + " WHERE " + match + ") QUALIFY row_number() OVER (PARTITION BY " + keys + ") = 1 ORDER BY " + keys;
            } else if (!table.key().isEmpty() && count > 0) {
                session.execute("DELETE FROM " + target.render() + " WHERE EXISTS (SELECT 1 FROM (" + rows + ") AS s WHERE "
                        + match + ")");
            }
            if (count > 0) {
                session.execute("INSERT INTO " + target.render() + " BY NAME " + rows);
            }
            session.execute("DROP TABLE " + stage.render());
            state.write(session, ingest, table.name(), newState);
            pauseBeforeCommit();
            session.commit();
            done = true;
            return count;
        } finally {
            if (!done) {
                session.rollback();
            }
        }
    }

    /**
     * With {@code -Dmallard.ingest.pauseBeforeCommitMillis=N}, waits N ms before each COMMIT:
     * the kill campaign's way to land many kills inside open transactions.
     */
    private static void pauseBeforeCommit() {
        long millis = Long.getLong("mallard.ingest.pauseBeforeCommitMillis", 0L);
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void stageBatch(Relation stage, IngestBatch batch, Map<String, String> declared) {
        if (batch instanceof IngestBatch.Query q) {
            session.execute("CREATE TABLE " + stage.render() + " AS " + q.select());
        } else if (batch instanceof IngestBatch.JsonLines j) {
            String file = IngestState.literal(j.file().toAbsolutePath().toString());
            boolean empty = isEmpty(j.file());
            if (j.rawColumn() != null) {
                // the whole record in the raw column, and each declared column from the record's field of that name
                StringBuilder fields = new StringBuilder();
                for (String c : declared.keySet()) {
                    if (!c.equalsIgnoreCase(j.rawColumn())) {
                        fields.append(", json ->> ").append(IngestState.literal(c)).append(" AS ").append(Relation.quote(c));
                    }
                }
                session.execute("CREATE TABLE " + stage.render() + " AS SELECT json AS " + Relation.quote(j.rawColumn())
                        + fields + " FROM " + (empty ? "(SELECT NULL::JSON AS json) WHERE false"
                        : "read_ndjson_objects(" + file + ")"));
            } else if (empty) {
                throw new IllegalArgumentException("an empty JSON-lines batch needs rawColumn (no columns to infer)");
            } else {
                session.execute("CREATE TABLE " + stage.render() + " AS SELECT * FROM read_json(" + file
                        + ", format = 'newline_delimited')");
            }
        } else if (batch instanceof IngestBatch.Rows r) {
            session.execute("CREATE TABLE " + stage.render() + " (" + r.columns().stream()
                    .map(c -> Relation.quote(c.name()) + " " + c.duckdbType()).collect(Collectors.joining(", ")) + ")");
            session.appendRows(stage, r.rows());
        } else {
            throw new IllegalArgumentException("unknown batch " + batch);
        }
    }

    private static boolean isEmpty(Path file) {
        try {
            return Files.size(file) == 0;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** Each staged column, cast where declared, then the declared columns the batch lacks, as NULLs. */
    private static Map<String, String> selectList(List<ColumnInfo> staged, Map<String, String> declared) {
        Map<String, String> lower = new LinkedHashMap<>();
        declared.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
        Map<String, String> out = new LinkedHashMap<>();
        for (ColumnInfo c : staged) {
            String type = lower.remove(c.name().toLowerCase(Locale.ROOT));
            String q = Relation.quote(c.name());
            out.put(c.name(), type == null ? q : "CAST(" + q + " AS " + type + ") AS " + q);
        }
        declared.forEach((k, v) -> {
            if (lower.containsKey(k.toLowerCase(Locale.ROOT))) {
                out.put(k, "CAST(NULL AS " + v + ") AS " + Relation.quote(k));
            }
        });
        return out;
    }

    /** A batch with columns the raw table lacks adds them (with the batch's types) before the insert. */
    private void addNewColumns(Relation target, Relation stage, java.util.Set<String> names,
                               Map<String, String> declared) {
        List<String> existing = new ArrayList<>();
        session.columns(target).forEach(c -> existing.add(c.name().toLowerCase(Locale.ROOT)));
        List<String> missing = names.stream().filter(n -> !existing.contains(n.toLowerCase(Locale.ROOT))).toList();
        if (missing.isEmpty()) {
            return;
        }
        Map<String, String> types = new LinkedHashMap<>();
        session.columns(stage).forEach(c -> types.put(c.name().toLowerCase(Locale.ROOT), c.type()));
        declared.forEach((k, v) -> types.put(k.toLowerCase(Locale.ROOT), v));
        for (String m : missing) {
            String type = types.getOrDefault(m.toLowerCase(Locale.ROOT), "VARCHAR");
            session.execute("ALTER TABLE " + target.render() + " ADD COLUMN " + Relation.quote(m) + " " + type);
        }
    }
}
