package dev.mallard.core.materialize;

import dev.mallard.core.engine.EngineSession;
import dev.mallard.core.engine.ExistingRelation;
import dev.mallard.core.engine.RelationKind;
import java.util.Optional;
import dev.mallard.core.manifest.Node;
import dev.mallard.core.engine.Relation;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * What a materialization needs: the node, its compiled SQL, the worker's session and a way
 * to render hook templates. Every statement it runs is recorded for target/run/.
 */
public record MaterializationContext(
        Node node,
        String compiledSql,
        EngineSession session,
        Function<String, String> hookRenderer,
        List<String> executed,
        Set<Relation> tablesRebuiltThisRun,
        Function<Relation, String> contractDefinitions,
        RunCatalog catalog) {

    public MaterializationContext {
        tablesRebuiltThisRun = tablesRebuiltThisRun == null ? null : Set.copyOf(tablesRebuiltThisRun);
    }

    public MaterializationContext(Node node, String compiledSql, EngineSession session,
                                  Function<String, String> hookRenderer, List<String> executed,
                                  Set<Relation> tablesRebuiltThisRun, Function<Relation, String> contractDefinitions) {
        this(node, compiledSql, session, hookRenderer, executed, tablesRebuiltThisRun, contractDefinitions, null);
    }

    /**
     * Whether and how {@code relation} exists: from the run's catalog when there is one and
     * the node has no pre-hooks (which could change it), else from the engine.
     */
    public Optional<ExistingRelation> existing(Relation relation) {
        return catalog == null || !node.config().preHooks().isEmpty() ? session.findRelation(relation)
                : catalog.find(session, relation);
    }

    /** Records a relation this node built (or dropped, with a null kind) in the run's catalog. */
    public void recordBuilt(Relation relation, RelationKind kind) {
        if (catalog != null) {
            if (kind == null) {
                catalog.dropped(relation);
            } else {
                catalog.built(relation, kind);
            }
        }
    }

    /** Creates the schema of {@code relation} unless the run already has. */
    public void ensureSchema(Relation relation) {
        if (catalog == null) {
            session.createSchemaIfMissing(relation.database(), relation.schema());
        } else {
            catalog.ensureSchema(session, relation.database(), relation.schema());
        }
    }

    /** Whether a swap must handle foreign keys and indexes (unknown without a run catalog: yes). */
    public boolean keysOrIndexesPossible() {
        if (!session.dialect().renameNeedsKeysDetached()) {
            return false;
        }
        return catalog == null || catalog.keysOrIndexesPossible(session);
    }

    public MaterializationContext(Node node, String compiledSql, EngineSession session,
                                  Function<String, String> hookRenderer, List<String> executed,
                                  Set<Relation> tablesRebuiltThisRun) {
        this(node, compiledSql, session, hookRenderer, executed, tablesRebuiltThisRun, null);
    }

    /**
     * The column list and constraints a contracted table model declares for {@code table},
     * or null: how a foreign-key dependent that this run does not rebuild is re-created.
     */
    public String contractDefinition(Relation table) {
        return contractDefinitions == null ? null : contractDefinitions.apply(table);
    }

    /** A context that does not know the rest of the run (every foreign-key dependent counts as rebuilt). */
    public MaterializationContext(Node node, String compiledSql, EngineSession session,
                                  Function<String, String> hookRenderer, List<String> executed) {
        this(node, compiledSql, session, hookRenderer, executed, null, null, null);
    }

    /** Whether this run rebuilds {@code table} from scratch as a table model (null set: unknown, yes). */
    public boolean rebuildsLater(Relation table) {
        return tablesRebuiltThisRun == null || tablesRebuiltThisRun.stream().anyMatch(r ->
                r.identifier().equalsIgnoreCase(table.identifier()) && java.util.Objects.equals(r.schema(), table.schema()));
    }

    public void run(String sql) {
        executed.add(sql);
        session.execute(sql);
    }

    /** A hook template rendered in the node's context. */
    public String renderHook(String hook) {
        return hookRenderer.apply(hook);
    }

    public void runHooks(List<String> hooks) {
        for (String hook : hooks) {
            String sql = hookRenderer.apply(hook);
            if (!sql.isBlank()) {
                try {
                    run(sql);
                } catch (RuntimeException e) {
                    throw HookFailure.explain(node, sql, e);
                }
            }
        }
    }
}
