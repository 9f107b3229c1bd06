package dev.mallard.core.parse;

import dev.mallard.core.common.Frozen;
import dev.mallard.core.manifest.ColumnSpec;
import java.util.List;
import java.util.Map;

/** One entry of a properties YAML list (models:, seeds:, snapshots:, analyses:). */
record PropertyPatch(
        String name,
        String file,
        String description,
        Map<String, Object> config,
        Map<String, ColumnSpec> columns,
        List<Object> dataTests,
        Map<String, Object> raw) {
    PropertyPatch {
        config = Frozen.map(config);
        columns = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(columns));
        dataTests = Frozen.list(dataTests);
        raw = Frozen.map(raw);
    }
}
