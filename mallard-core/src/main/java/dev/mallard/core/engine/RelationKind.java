package dev.mallard.core.engine;

public enum RelationKind {
    TABLE,
    VIEW;

    public String dbtName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
