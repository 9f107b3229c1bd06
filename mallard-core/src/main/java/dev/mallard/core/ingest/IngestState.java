package dev.mallard.core.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mallard.core.engine.EngineSession;
import dev.mallard.core.engine.QueryResult;
import dev.mallard.core.engine.Relation;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The state table, {@code main.mallard_ingest_state(ingest, table_name, state JSON,
 * updated_at)} in the target database: one row per ingest and raw table, holding what the
 * source needs to resume (a cursor, the files loaded). Written only inside the transaction
 * that writes the rows it covers ({@link BatchCommit}).
 */
public final class IngestState {
    public static final String TABLE = "mallard_ingest_state";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Object CREATE_LOCK = new Object();

    private final Relation table;

    public IngestState(String database) {
        this.table = new Relation(database, "main", TABLE);
    }

    public Relation relation() {
        return table;
    }

    /** Creates the table when missing (outside any transaction; one thread at a time). */
    public void ensureTable(EngineSession session) {
        synchronized (CREATE_LOCK) {
            if (session.findRelation(table).isEmpty()) {
                session.execute("CREATE TABLE IF NOT EXISTS " + table.render() + " (ingest VARCHAR NOT NULL, "
                        + "table_name VARCHAR NOT NULL, state JSON NOT NULL, updated_at TIMESTAMP NOT NULL)");
            }
        }
    }

    public Map<String, Object> read(EngineSession session, String ingest, String tableName) {
        QueryResult r = session.query("SELECT CAST(state AS VARCHAR) FROM " + table.render() + " WHERE ingest = "
                + literal(ingest) + " AND table_name = " + literal(tableName));
        if (r.rows().isEmpty() || r.rows().get(0).get(0) == null) {
            return Map.of();
        }
        try {
            return JSON.readValue(String.valueOf(r.rows().get(0).get(0)), new TypeReference<LinkedHashMap<String, Object>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the state of ingest '" + ingest + "' in " + table.render()
                    + " is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The upsert of one state row; run inside the caller's transaction. */
    void write(EngineSession session, String ingest, String tableName, Map<String, Object> state) {
        String json;
        try {
            json = JSON.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("ingest '" + ingest + "': its new state is not JSON-compatible: "
                    + e.getOriginalMessage(), e);
        }
        String where = " WHERE ingest = " + literal(ingest) + " AND table_name = " + literal(tableName);
        session.execute("DELETE FROM " + table.render() + where);
        session.execute("INSERT INTO " + table.render() + " VALUES (" + literal(ingest) + ", " + literal(tableName)
                + ", " + literal(json) + ", now()::TIMESTAMP)");
    }

    static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
