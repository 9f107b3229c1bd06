package dev.mallard.core.migrate;

import dev.mallard.core.engine.Engine;
import dev.mallard.core.engine.EngineSession;
import dev.mallard.core.engine.Relation;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.project.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Empties the target database for {@code mallard db reset}: every user schema, table, view,
 * sequence and macro of the target's catalog, in one transaction. Only for dev targets.
 */
public final class DatabaseReset {
    private static final List<String> SYSTEM_SCHEMAS = List.of("information_schema", "pg_catalog");
    private static final int MAX_PASSES = 10;

    private DatabaseReset() {
    }

    /** Dev targets: named dev*, local or test, or the default target used when there is no profile. */
    public static boolean isDevTarget(Target target) {
        String name = target.name() == null ? "" : target.name().toLowerCase(Locale.ROOT);
        return target.defaulted() || name.startsWith("dev") || name.equals("local") || name.equals("test");
    }

    /** One object of the catalog; {@code kind} is what follows DROP. */
    private record CatalogObject(String kind, String schema, String name) {
        String sqlName() {
            return kind.equals("SCHEMA") ? Relation.quote(schema) : Relation.quote(schema) + "." + Relation.quote(name);
        }

        String label() {
            return kind.toLowerCase(Locale.ROOT) + " " + (kind.equals("SCHEMA") ? schema : schema + "." + name);
        }
    }

    /** Drops everything; returns what it dropped, e.g. "table main.users". */
    public static List<String> dropAll(Engine engine) {
        if (!engine.type().equals("duckdb")) {
            throw new MallardException(ErrorCode.ENGINE, "db reset supports DuckDB targets only, not " + engine.type());
        }
        String db = MigrationHistory.literal(engine.defaultDatabase());
        List<String> dropped = new ArrayList<>();
        try (EngineSession s = engine.openSession()) {
            // dependents first (macros and views use tables, tables use sequences); foreign keys need the retry
            List<CatalogObject> objects = new ArrayList<>();
            add(objects, s, "select 'MACRO', schema_name, function_name from duckdb_functions() where database_name = "
                    + db + " and not internal and function_type = 'macro'");
            add(objects, s, "select 'MACRO TABLE', schema_name, function_name from duckdb_functions() "
                    + "where database_name = " + db + " and not internal and function_type = 'table_macro'");
            add(objects, s, "select 'VIEW', schema_name, view_name from duckdb_views() where database_name = " + db
                    + " and not internal and not temporary");
            add(objects, s, "select 'TABLE', schema_name, table_name from duckdb_tables() where database_name = " + db
                    + " and not internal and not temporary");
            add(objects, s, "select 'SEQUENCE', schema_name, sequence_name from duckdb_sequences() "
                    + "where database_name = " + db + " and not temporary");
            add(objects, s, "select 'SCHEMA', schema_name, schema_name from duckdb_schemas() where database_name = "
                    + db + " and not internal and schema_name <> 'main'");
            objects.removeIf(o -> SYSTEM_SCHEMAS.contains(o.schema()));
            for (int pass = 1; !objects.isEmpty(); pass++) {
                List<CatalogObject> failed = new ArrayList<>();
                MallardException last = null;
                for (CatalogObject o : objects) {
                    try {
                        s.execute("DROP " + o.kind() + " IF EXISTS " + o.sqlName());
                        dropped.add(o.label());
                    } catch (MallardException e) {
                        failed.add(o);
                        last = e;
                    }
                }
                if (!failed.isEmpty() && (failed.size() == objects.size() || pass >= MAX_PASSES)) {
                    throw new MallardException(ErrorCode.SQL, "cannot drop " + failed.get(0).label() + ": "
                            + last.getMessage());
                }
                objects = failed;
            }
        }
        return dropped;
    }

    private static void add(List<CatalogObject> out, EngineSession s, String sql) {
        for (List<Object> r : s.query(sql).rows()) {
            out.add(new CatalogObject(String.valueOf(r.get(0)), String.valueOf(r.get(1)), String.valueOf(r.get(2))));
        }
    }
}
