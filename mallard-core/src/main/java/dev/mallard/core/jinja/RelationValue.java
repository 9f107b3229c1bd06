package dev.mallard.core.jinja;

import dev.mallard.core.engine.Relation;
import dev.mallard.jinja.value.Args;
import dev.mallard.jinja.value.CallSite;
import java.util.Set;

/**
 * A relation as templates see it: renders as the quoted name, and exposes database,
 * schema, identifier, name, type like dbt's Relation object.
 */
public final class RelationValue implements PyObject {
    private static final Set<String> METHODS = Set.of("render");
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

    public String getType() {
        return type;
    }

    public String render() {
        return rendered;
    }

    @Override
    public Object attribute(String name) {
        switch (name) {
            case "database":
                return relation.database();
            case "schema":
                return relation.schema();
            case "identifier":
            case "name":
            case "table":
                return relation.identifier();
            case "type":
                return type;
            case "is_table":
                return "table".equals(type);
            case "is_view":
                return "view".equals(type);
            case "is_cte":
                return "cte".equals(type);
            default:
                return MISSING;
        }
    }

    @Override
    public Set<String> methods() {
        return METHODS;
    }

    @Override
    public Object call(CallSite site, String method, Args args) {
        return "render".equals(method) ? rendered : MISSING;
    }

    @Override
    public String typeName() {
        return "DuckDBRelation";
    }

    @Override
    public String toString() {
        return rendered;
    }
}
