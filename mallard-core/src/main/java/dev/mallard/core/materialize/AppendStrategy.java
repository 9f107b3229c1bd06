package dev.mallard.core.materialize;

import dev.mallard.core.engine.Relation;
import java.util.List;

/** {@code incremental_strategy='append'}: insert every new row. */
final class AppendStrategy implements IncrementalStrategy {
    @Override
    public List<String> statements(Relation target, Relation batch, List<String> columns, IncrementalConfig config) {
        return List.of(IncrementalStrategy.insert(target, batch, columns));
    }
}
