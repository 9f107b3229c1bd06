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

    /** Drops everything; returns what it dropped, e.g. "table main.users". */
    public static List<String> dropAll(Engine engine) {
        if (!engine.type().equals("duckdb")) {
            throw new MallardException(ErrorCode.ENGINE, "db reset supports DuckDB targets only, not " + engine.type());
        }
        String db = MigrationHistory.literal(engine.defaultDatabase());
        List<String> dropped = new ArrayList<>();
        try (EngineSession s = engine.openSession()) {
            {
                // macros and views may depend on tables and sequences: drop dependents first, retrying the rest
                List<String[]> objects = new ArrayList<>();
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
                for (int pass = 0; !objects.isEmpty(); pass++) {
                    List<String[]> failed = new ArrayList<>();
                    MallardException last = null;
                    for (String[] o : objects) {
                        if (SYSTEM_SCHEMAS.contains(o[1])) {
                            continue;
                        }
                        String name = o[0].equals("SCHEMA") ? Relation.quote(o[1])
                                : Relation.quote(o[1]) + "." + Relation.quote(o[2]);
                        try {
                            s.execute("DROP " + o[0] + " IF EXISTS " + name);
                            dropped.add(o[0].toLowerCase(Locale.ROOT) + " " + o[1]
                                    + (o[0].equals("SCHEMA") ? "" : "." + o[2]));
                        } catch (MallardException e) {
                            failed.add(o);
                            last = e;
                        }
                    }
                    if (!failed.isEmpty() && (failed.size() == objects.size() || pass >= MAX_PASSES)) {
                        throw new MallardException(ErrorCode.SQL, "cannot drop " + failed.get(0)[1] + "."
                                + failed.get(0)[2] + ": " + last.getMessage());
                    }
                    objects = failed;
                }
            }
        }
        return dropped;
    }

    private static void add(List<String[]> out, EngineSession s, String sql) {
        for (List<Object> r : s.query(sql).rows()) {
            out.add(new String[] {String.valueOf(r.get(0)), String.valueOf(r.get(1)), String.valueOf(r.get(2))});
        }
    }
}
