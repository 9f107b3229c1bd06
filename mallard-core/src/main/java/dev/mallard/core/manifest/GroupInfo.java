package dev.mallard.core.manifest;

import dev.mallard.core.common.Frozen;
import java.util.Map;

/** A {@code groups:} entry of properties YAML: a name, its owner (name/email as given) and meta. */
public record GroupInfo(String uniqueId, String name, String packageName, String path, String originalFilePath,
                        Map<String, Object> owner, String description, Map<String, Object> meta) {
    public GroupInfo {
        owner = Frozen.map(owner);
        meta = Frozen.map(meta);
    }
}
