package dev.mallard.core.jinja;

import dev.mallard.core.engine.Relation;

/**
 * A relation as templates see it: renders as the quoted name, and exposes database,
 * schema, identifier, name, type like dbt's Relation object.
 */
public final class RelationValue implements PrintsAsText {
    private final Relation relation;
    private final String type;
    private final String rendered;

    public RelationValue(Relation relation, String type) {
        this(relation, type, relation.render());
    }

    /** A relation that renders as something else, e.g. an ephemeral model's CTE name. */
    public RelationValue(Relation relation, String type, String rendered) {
        this.relation = relation;
        this.type = type;
        this.rendered = rendered;
    }

    public Relation relation() {
        return relation;
    }

    public String getDatabase() {
        return relation.database();
    }

    public String getSchema() {
        return relation.schema();
    }

    public String getIdentifier() {
        return relation.identifier();
    }

    public String getName() {
        return relation.identifier();
    }

    public String getTable() {
        return relation.identifier();
    }

    public String getType() {
        return type;
    }

    public boolean getIs_table() {
        return "table".equals(type);
    }

    public boolean getIs_view() {
        return "view".equals(type);
    }

    public String render() {
        return rendered;
    }

    @Override
    public String toString() {
        return rendered;
    }
}
