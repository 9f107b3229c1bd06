package dev.mallard.core.engine;

/** A relation found in the database, with its kind. */
public record ExistingRelation(Relation relation, RelationKind kind) {
}
