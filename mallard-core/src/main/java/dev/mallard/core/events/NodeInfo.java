package dev.mallard.core.events;

import dev.mallard.core.manifest.Node;
import dev.mallard.core.manifest.ResourceType;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/** dbt's {@code data.node_info}: which node an event is about, and where it stands. */
public final class NodeInfo {
    private NodeInfo() {
    }

    /**
     * @param status   dbt's node_status: started, success, error, pass, fail, warn, skipped
     * @param finished null while the node runs
     */
    public static Map<String, Object> of(Node node, String status, Instant started, Instant finished) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("materialized", node.resourceType() == ResourceType.TEST ? "test"
                : node.resourceType() == ResourceType.UNIT_TEST ? "unit" : node.config().materialized());
        info.put("meta", meta(node));
        info.put("node_checksum", dev.mallard.core.parse.Checksums.ofNode(node).getValue());
        info.put("node_finished_at", finished == null ? "" : stamp(finished));
        info.put("node_name", node.name());
        info.put("node_path", node.path());
        Map<String, Object> relation = new LinkedHashMap<>();
        boolean hasRelation = node.relation() != null;
        relation.put("alias", hasRelation ? node.relation().identifier() : node.name());
        relation.put("database", hasRelation ? node.relation().database() : "");
        relation.put("relation_name", hasRelation && node.resourceType() != ResourceType.TEST
                && node.resourceType() != ResourceType.UNIT_TEST ? node.relation().render() : "");
        relation.put("schema", hasRelation ? node.relation().schema() : "");
        info.put("node_relation", relation);
        info.put("node_started_at", started == null ? "" : stamp(started));
        info.put("node_status", status);
        info.put("resource_type", node.resourceType().dbtName());
        info.put("unique_id", node.id().value());
        return info;
    }

    private static Object meta(Node node) {
        Object meta = node.config().get("meta");
        return meta instanceof Map<?, ?> m ? m : Map.of();
    }

    /** dbt writes node times as naive UTC ISO timestamps with microseconds. */
    static String stamp(Instant t) {
        LocalDateTime utc = LocalDateTime.ofInstant(t, ZoneOffset.UTC);
        return String.format(java.util.Locale.ROOT, "%sT%02d:%02d:%02d.%06d", utc.toLocalDate(), utc.getHour(),
                utc.getMinute(), utc.getSecond(), utc.getNano() / 1000);
    }
}
