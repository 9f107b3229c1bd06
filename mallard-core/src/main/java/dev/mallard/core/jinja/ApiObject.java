package dev.mallard.core.jinja;

import dev.mallard.core.engine.Relation;
import dev.mallard.jinja.value.Args;
import dev.mallard.jinja.value.CallSite;
import dev.mallard.jinja.value.Py;
import dev.mallard.jinja.value.PyCallable;
import java.util.Map;
import java.util.Set;

/**
 * dbt's {@code api} namespace: {@code api.Relation.create(database=, schema=, identifier=, type=)}
 * {@code api.Column.create(name, dtype)} and {@code api.Column.translate_type(dtype)}.
 */
final class ApiObject implements PyObject {
    private static final Set<String> CREATE = Set.of("create");

    /** The quote policy of the project's {@code quoting:}, under a create()'s own quote_policy=. */
    private final RelationPolicy quoting;
    private final PyObject relation = new PyObject() {
        @Override
        public Set<String> methods() {
            return CREATE;
        }

        @Override
        public Object call(CallSite site, String method, Args a) {
            if (!"create".equals(method)) {
                return MISSING;
            }
            // without an identifier: a schema relation (list_relations_without_caching takes one)
            Object identifier = a.get(2, "identifier", "");
            Object type = a.get(3, "type", null);
            return RelationValue.created(new Relation(str(a.get(0, "database", null)), str(a.get(1, "schema", null)),
                    identifier == null ? "" : Py.str(identifier)), type == null ? null : Py.str(type),
                    quoting.with(a.get(-1, "quote_policy", null)),
                    RelationPolicy.ALL.with(a.get(-1, "include_policy", null)));
        }

        @Override
        public String typeName() {
            return "type";
        }

        @Override
        public String toString() {
            return "<class 'dbt.adapters.duckdb.relation.DuckDBRelation'>";
        }
    };

    private static final Set<String> COLUMN_METHODS = Set.of("create", "translate_type");

    /** {@code api.Column}: callable as the class ({@code api.Column('c', 'integer')}) and through create(). */
    private static final Column COLUMN = new Column();

    private static final class Column implements PyObject, PyCallable {
        @Override
        public Set<String> methods() {
            return COLUMN_METHODS;
        }

        @Override
        public Object call(CallSite site, String method, Args a) {
            return switch (method) {
                case "create" -> ColumnValue.create(Py.str(a.require(0, "name", "create")),
                        Py.str(a.require(1, "label_or_dtype", "create")));
                case "translate_type" -> translateType(Py.str(a.require(0, "dtype", "translate_type")));
                default -> MISSING;
            };
        }

        @Override
        public Object call(CallSite site, Args a) {
            return new ColumnValue(Py.str(a.require(0, "column", "Column")), Py.str(a.require(1, "dtype", "Column")));
        }

        @Override
        public String typeName() {
            return "type";
        }

        @Override
        public String toString() {
            return "<class 'dbt.adapters.duckdb.column.DuckDBColumn'>";
        }
    }

    /** dbt's Column.translate_type as dbt-duckdb renders it: only "string" has another name, TEXT. */
    static String translateType(String dtype) {
        return "STRING".equals(dtype.toUpperCase(java.util.Locale.ROOT)) ? "TEXT" : dtype;
    }

    ApiObject() {
        this(Map.of());
    }

    ApiObject(Map<String, Object> quoting) {
        this.quoting = RelationPolicy.ALL.with(quoting);
    }

    private static String str(Object o) {
        return o == null ? null : Py.str(o);
    }

    @Override
    public Object attribute(String name) {
        return switch (name) {
            case "Relation" -> relation;
            case "Column" -> COLUMN;
            default -> MISSING;
        };
    }

    @Override
    public String typeName() {
        return "dict";
    }

    @Override
    public String toString() {
        return "{'Relation': " + relation + ", 'Column': " + COLUMN + "}";
    }
}
