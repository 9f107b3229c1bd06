package dev.mallard.core.materialize;

import dev.mallard.core.engine.EngineSession;
import dev.mallard.core.engine.ExistingRelation;
import dev.mallard.core.engine.Relation;
import dev.mallard.core.engine.RelationKind;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The relations of one run, as dbt's adapter cache keeps them: each schema is listed once,
 * on first use, and the table and view materializations record what they build, so that a
 * node does not ask the engine's catalog (a query that grows with the number of relations)
 * whether its relation exists, nor re-create a schema. Only a node's own relation (and its
 * leftover temporary names) is looked up here, and each relation is built by one node per
 * run, so the entries a worker reads were written by no other worker. A node with
 * pre-hooks, which may change its relation, asks the engine.
 *
 * <p>Whether any table has foreign keys or indexes (which the swap must handle) is asked once
 * as well; when the run itself may add some (contracts with foreign keys, {@code indexes}
 * configs, hooks), every swap asks the engine as before.
 */
public final class RunCatalog {
    private final Map<String, Map<String, ExistingRelation>> schemas = new ConcurrentHashMap<>();
    private final Set<String> schemasEnsured = ConcurrentHashMap.newKeySet();
    private final boolean runMayAddKeysOrIndexes;
    private volatile Boolean keysOrIndexes;

    /** @param runMayAddKeysOrIndexes whether nodes of this run may create foreign keys or indexes */
    public RunCatalog(boolean runMayAddKeysOrIndexes) {
        this.runMayAddKeysOrIndexes = runMayAddKeysOrIndexes;
    }

    private static String key(String database, String schema) {
        return (database == null ? "" : database.toLowerCase(Locale.ROOT)) + "\u0000" + schema.toLowerCase(Locale.ROOT);
    }

    /** The relation as the engine has it: from the schema's listing, loaded on first use. */
    public Optional<ExistingRelation> find(EngineSession session, Relation relation) {
        if (relation.schema() == null) {
            return session.findRelation(relation);
        }
        Map<String, ExistingRelation> listed = schemas.computeIfAbsent(key(relation.database(), relation.schema()), k -> {
            Map<String, ExistingRelation> m = new ConcurrentHashMap<>();
            for (ExistingRelation r : session.listRelations(relation.database(), relation.schema())) {
                m.put(r.relation().identifier().toLowerCase(Locale.ROOT), r);
            }
            return m;
        });
        return Optional.ofNullable(listed.get(relation.identifier().toLowerCase(Locale.ROOT)));
    }

    /** Records that {@code relation} now exists as {@code kind}. */
    public void built(Relation relation, RelationKind kind) {
        Map<String, ExistingRelation> listed = relation.schema() == null ? null
                : schemas.get(key(relation.database(), relation.schema()));
        if (listed != null) {
            listed.put(relation.identifier().toLowerCase(Locale.ROOT), new ExistingRelation(relation, kind));
        }
    }

    /** Records that {@code relation} no longer exists. */
    public void dropped(Relation relation) {
        Map<String, ExistingRelation> listed = relation.schema() == null ? null
                : schemas.get(key(relation.database(), relation.schema()));
        if (listed != null) {
            listed.remove(relation.identifier().toLowerCase(Locale.ROOT));
        }
    }

    /** Creates the schema unless this run already has. */
    public void ensureSchema(EngineSession session, String database, String schema) {
        if (schema == null || !schemasEnsured.contains(key(database, schema))) {
            session.createSchemaIfMissing(database, schema);
            if (schema != null) {
                schemasEnsured.add(key(database, schema));
            }
        }
    }

    /** Whether a swap must look for foreign keys and indexes: false only when none exist and the run adds none. */
    public boolean keysOrIndexesPossible(EngineSession session) {
        if (runMayAddKeysOrIndexes) {
            return true;
        }
        Boolean known = keysOrIndexes;
        if (known == null) {
            Object count = session.query("select (select count(*) from duckdb_constraints() where constraint_type = "
                    + "'FOREIGN KEY') + (select count(*) from duckdb_indexes())").rows().get(0).get(0);
            known = ((Number) count).longValue() > 0;
            keysOrIndexes = known;
        }
        return known;
    }
}
