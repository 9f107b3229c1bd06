package dev.mallard.core.ingest.postgres;

import dev.mallard.core.ingest.IngestException;
import dev.mallard.core.ingest.IngestRun;
import java.util.Map;

/**
 * A postgres ingest's options:
 *
 * <pre>
 * type: postgres
 * table: raw.orders              # the raw table in the target (the framework's key; default: the ingest's name)
 * connection: {host: localhost, port: 5432, dbname: shop, user: loader, password_secret: SHOP_PG_PASSWORD}
 * source_table: public.orders     # or query: "select ..."
 * incremental: {cursor_column: updated_at}
 * batch_size: 100000
 * </pre>
 *
 * The password is only ever a secret's name; a literal {@code password:} is refused.
 */
record PostgresSpec(String into, String host, int port, String dbname, String user, String passwordSecret,
        String table, String query, String cursorColumn, int batchSize, int fetchSize) {

    static final int DEFAULT_BATCH = 100_000;
    static final int DEFAULT_FETCH = 10_000;

    /** host:port/dbname, how errors name the database (never with credentials). */
    String where() {
        return host + ":" + port + "/" + dbname;
    }

    static PostgresSpec parse(IngestRun run) throws IngestException {
        Map<String, Object> o = run.options();
        String name = run.ingestName();
        if (!(o.get("connection") instanceof Map<?, ?> c)) {
            throw new IngestException(prefix(name) + "needs 'connection:' (host, port, dbname, user, password_secret)");
        }
        if (c.containsKey("password")) {
            throw new IngestException(prefix(name) + "a literal 'password:' is not accepted; name a secret with "
                    + "'password_secret: NAME' (an environment variable or the secrets file)");
        }
        String host = render(run, text(c.get("host"), "localhost"));
        int port = integer(name, "connection.port", c.get("port"), 5432);
        String dbname = render(run, text(c.get("dbname"), null));
        String user = render(run, text(c.get("user"), null));
        if (dbname == null || user == null) {
            throw new IngestException(prefix(name) + "'connection:' needs 'dbname' and 'user'");
        }
        String table = text(o.get("source_table"), null);
        String query = text(o.get("query"), null);
        if ((table == null) == (query == null)) {
            throw new IngestException(prefix(name) + "needs exactly one of 'source_table:' (schema.table in Postgres) "
                    + "or 'query:'");
        }
        String cursor = null;
        if (o.get("incremental") instanceof Map<?, ?> inc) {
            cursor = text(inc.get("cursor_column"), null);
            if (cursor == null) {
                throw new IngestException(prefix(name) + "'incremental:' needs 'cursor_column'");
            }
        } else if (o.get("incremental") != null) {
            throw new IngestException(prefix(name) + "'incremental:' must be a mapping, e.g. {cursor_column: updated_at}");
        }
        int batch = integer(name, "batch_size", o.get("batch_size"), DEFAULT_BATCH);
        int fetch = Math.min(batch, integer(name, "fetch_size", o.get("fetch_size"), DEFAULT_FETCH));
        String into = run.tables().isEmpty() ? name : run.tables().get(0);
        return new PostgresSpec(into, host, port, dbname, user,
                text(c.get("password_secret"), null), table == null ? null : render(run, table),
                query == null ? null : render(run, query), cursor, batch, fetch);
    }

    static String prefix(String ingest) {
        return "ingest '" + ingest + "' (postgres): ";
    }

    private static String render(IngestRun run, String s) {
        return s == null || !s.contains("{") ? s : run.render(s, Map.of());
    }

    private static String text(Object v, String dflt) {
        return v == null || v.toString().isBlank() ? dflt : v.toString();
    }

    private static int integer(String ingest, String key, Object v, int dflt) throws IngestException {
        if (v == null) {
            return dflt;
        }
        try {
            int n = v instanceof Number num ? num.intValue() : Integer.parseInt(v.toString().trim());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through to the error
        }
        throw new IngestException(prefix(ingest) + "'" + key + "' must be a positive integer, not '" + v + "'");
    }
}
