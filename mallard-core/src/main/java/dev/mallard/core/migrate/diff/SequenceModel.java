package dev.mallard.core.migrate.diff;

import java.util.Objects;

/** A sequence, compared by name only: its current value is data, not schema. */
public record SequenceModel(String name, String createSql) {
    public SequenceModel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createSql, "createSql");
    }
}
