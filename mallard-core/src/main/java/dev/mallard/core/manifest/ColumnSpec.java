package dev.mallard.core.manifest;

import dev.mallard.core.common.Frozen;
import java.util.List;
import java.util.Map;

/** A column as declared in properties YAML. Tests are kept raw for the data-tests step. */
public record ColumnSpec(
        String name,
        String description,
        String dataType,
        Map<String, Object> meta,
        List<Object> dataTests,
        List<Object> constraints,
        boolean quote,
        List<String> tags) {
    public ColumnSpec {
        meta = Frozen.map(meta);
        dataTests = Frozen.list(dataTests);
        constraints = Frozen.list(constraints);
        tags = List.copyOf(tags);
    }
}
