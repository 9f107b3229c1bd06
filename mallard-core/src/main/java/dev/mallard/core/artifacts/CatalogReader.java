package dev.mallard.core.artifacts;

import dev.mallard.core.engine.EngineSession;
import dev.mallard.core.engine.ExistingRelation;
import dev.mallard.core.engine.QueryResult;
import dev.mallard.core.engine.Relation;
import dev.mallard.core.engine.RelationKind;
import dev.mallard.core.manifest.Manifest;
import dev.mallard.core.manifest.ModelNode;
import dev.mallard.core.manifest.Node;
import dev.mallard.core.manifest.NodeId;
import dev.mallard.core.manifest.ResourceType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reads what the database holds for the manifest's relations: every enabled model, seed
 * and snapshot that is not ephemeral, and every source. A relation that does not exist
 * is left out, as dbt does, never an error.
 */
public final class CatalogReader {
    private static final Set<ResourceType> RELATIONAL =
            EnumSet.of(ResourceType.MODEL, ResourceType.SEED, ResourceType.SNAPSHOT, ResourceType.SOURCE);

    private final EngineSession session;

    public CatalogReader(EngineSession session) {
        this.session = session;
    }

    /**
     * The catalog entries of the selected nodes, ordered by schema and relation name as
     * dbt-duckdb orders its catalog query.
     */
    public List<CatalogEntry> read(Manifest manifest, Predicate<NodeId> selected) {
        Map<String, Map<String, ExistingRelation>> schemas = new HashMap<>();
        List<CatalogEntry> out = new ArrayList<>();
        for (Node node : manifest.nodes().values()) {
            if (!catalogable(node) || !selected.test(node.id())) {
                continue;
            }
            Optional<ExistingRelation> found = find(node.relation(), schemas);
            found.ifPresent(existing -> out.add(new CatalogEntry(node.id(), node.resourceType(), existing,
                    session.columns(existing.relation()), rowCount(existing))));
        }
        out.sort(Comparator.comparing((CatalogEntry e) -> e.relation().relation().schema(),
                        Comparator.nullsFirst(Comparator.<String>naturalOrder()))
                .thenComparing(e -> e.relation().relation().identifier())
                .thenComparing(CatalogEntry::id));
        return out;
    }

    static boolean catalogable(Node node) {
        return node.config().enabled() && RELATIONAL.contains(node.resourceType())
                && !(node instanceof ModelNode m && m.isEphemeral());
    }

    /** One listing per schema instead of one lookup per node; names compare case-insensitively, as dbt's do. */
    private Optional<ExistingRelation> find(Relation relation, Map<String, Map<String, ExistingRelation>> schemas) {
        if (relation.schema() == null) {
            return session.findRelation(relation);
        }
        String schemaKey = lower(relation.database()) + "." + lower(relation.schema());
        Map<String, ExistingRelation> byName = schemas.computeIfAbsent(schemaKey, k -> {
            Map<String, ExistingRelation> m = new HashMap<>();
            for (ExistingRelation r : session.listRelations(relation.database(), relation.schema())) {
                m.put(lower(r.relation().identifier()), r);
            }
            return m;
        });
        return Optional.ofNullable(byName.get(lower(relation.identifier())));
    }

    /** Exact counts for tables; a view's count would run its whole query. */
    private Long rowCount(ExistingRelation existing) {
        if (existing.kind() != RelationKind.TABLE) {
            return null;
        }
        QueryResult result = session.query("select count(*) from " + existing.relation().render(), 1);
        Object value = result.rows().isEmpty() ? null : result.rows().get(0).get(0);
        return value instanceof Number n ? n.longValue() : null;
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
