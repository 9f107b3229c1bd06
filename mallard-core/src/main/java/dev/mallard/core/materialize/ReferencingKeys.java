package dev.mallard.core.materialize;

import dev.mallard.core.engine.Relation;
import dev.mallard.core.engine.SqlDialect;
import java.util.ArrayList;
import java.util.List;

/**
 * Postgres: the foreign keys of other tables that reference a table being replaced. A key is
 * bound to the table, not its name, so it would follow the old table into its backup and go
 * with it ({@code DROP ... CASCADE}); instead, in the swap's transaction, each is dropped and
 * added again by its definition, which now names the new table (and checks the rows against
 * it: a key the new table breaks fails the swap, and the old table stays). DuckDB's way is
 * {@link ForeignKeyDependents}.
 */
final class ReferencingKeys {
    /** One key: the referencing table (rendered), the constraint's name (quoted) and definition. */
    record Key(String table, String name, String definition) {
    }

    private ReferencingKeys() {
    }

    /** The keys of other tables that reference {@code target}; none where the engine is not Postgres. */
    static List<Key> of(MaterializationContext ctx, Relation target) {
        if (ctx.session().dialect().catalog() != SqlDialect.Catalog.POSTGRES) {
            return List.of();
        }
        String regclass = target.render().replace("'", "''");
        List<Key> keys = new ArrayList<>();
        for (List<Object> r : ctx.session().query("select quote_ident(n.nspname) || '.' || quote_ident(c.relname), "
                + "quote_ident(con.conname), pg_get_constraintdef(con.oid) from pg_constraint con "
                + "join pg_class c on c.oid = con.conrelid join pg_namespace n on n.oid = c.relnamespace "
                + "where con.contype = 'f' and con.confrelid = to_regclass('" + regclass + "') "
                + "and con.conrelid <> con.confrelid order by 1, 2").rows()) {
            keys.add(new Key(String.valueOf(r.get(0)), String.valueOf(r.get(1)), String.valueOf(r.get(2))));
        }
        return keys;
    }

    /** Points {@code keys} at the table now under their referenced name; inside the swap's transaction. */
    static void repoint(MaterializationContext ctx, List<Key> keys) {
        for (Key k : keys) {
            ctx.run("ALTER TABLE " + k.table() + " DROP CONSTRAINT " + k.name());
            ctx.run("ALTER TABLE " + k.table() + " ADD CONSTRAINT " + k.name() + " " + k.definition());
        }
    }
}
