package dev.mallard.core.jinja;

import dev.mallard.core.engine.ColumnInfo;
import dev.mallard.core.engine.Relation;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.jinja.value.Args;
import dev.mallard.jinja.value.CallSite;
import dev.mallard.jinja.value.Py;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * dbt's {@code adapter} object for DuckDB: relations and columns (through the runtime),
 * quoting, the adapter type, and {@code adapter.dispatch}.
 */
final class AdapterObject implements PyObject {
    /** The adapter of a project without another target type. */
    static final String DEFAULT_TYPE = "duckdb";
    private static final Set<String> METHODS = Set.of("get_relation", "load_relation", "get_columns_in_relation",
            "get_missing_columns", "already_exists", "quote", "type", "dispatch", "drop_relation",
            "truncate_relation", "rename_relation", "commit", "quote_as_configured", "quote_seed_column",
            "check_schema_exists", "list_schemas", "create_schema", "drop_schema");
    private final Dispatcher dispatcher;
    private final Map<String, Object> flags;
    private final String adapterType;
    private final RelationPolicy quoting;

    /**
     * {@code flags}: the {@code flags:} of dbt_project.yml, which set behaviour flags;
     * {@code quoting}: its {@code quoting:}, for quote_as_configured.
     */
    AdapterObject(Dispatcher dispatcher, Map<String, Object> flags, String adapterType, Map<String, Object> quoting) {
        this.dispatcher = dispatcher;
        this.flags = flags;
        this.adapterType = adapterType;
        this.quoting = RelationPolicy.ALL.with(quoting);
    }

    @Override
    public Object attribute(String name) {
        return "behavior".equals(name) ? new Behavior(flags) : MISSING;
    }

    /**
     * {@code adapter.behavior.<flag>}: {@code .setting} is the flag's value from dbt_project.yml
     * (false when unset, the default of dbt's behaviour flags), {@code .no_warn} the same
     * without dbt's deprecation warning.
     */
    private record Behavior(Map<String, Object> flags) implements PyObject {
        @Override
        public Object attribute(String flag) {
            return new Flag(Py.truthy(flags.get(flag)));
        }

        @Override
        public String typeName() {
            return "Behavior";
        }
    }

    private record Flag(boolean setting) implements PyObject {
        @Override
        public Object attribute(String name) {
            return "setting".equals(name) || "no_warn".equals(name) ? setting : MISSING;
        }

        @Override
        public String typeName() {
            return "BehaviorFlag";
        }

        @Override
        public String toString() {
            return setting ? "True" : "False";
        }
    }

    @Override
    public Set<String> methods() {
        return METHODS;
    }

    @Override
    public Object call(CallSite site, String method, Args a) {
        DbtRuntime runtime = DbtFunctions.runtime(site);
        switch (method) {
            case "load_relation": {
                Object rel = a.get(0, "relation", null);
                if (!(rel instanceof RelationValue r)) {
                    return null;
                }
                return runtime.getRelation(r.getDatabase(), r.getSchema(), r.getIdentifier());
            }
            case "get_relation":
                return runtime.getRelation(str(a.get(0, "database", null)), str(a.get(1, "schema", null)),
                        str(a.get(2, "identifier", null)));
            case "get_columns_in_relation":
                return columns(runtime, a.get(0, "relation", null));
            case "get_missing_columns":
                return missingColumns(runtime, a.get(0, "from_relation", null), a.get(1, "to_relation", null));
            case "already_exists":
                return runtime.getRelation(null, str(a.get(0, "schema", null)), str(a.get(1, "name", null))) != null;
            case "quote":
                return Relation.quote(Py.str(a.get(0, "identifier", "")));
            case "quote_as_configured": {
                // dbt-duckdb quotes every part unless the project's quoting: turns that part off
                String identifier = Py.str(a.get(0, "identifier", ""));
                return quoting.quotes(Py.str(a.get(1, "quote_key", ""))) ? Relation.quote(identifier) : identifier;
            }
            case "quote_seed_column": {
                // dbt: quote unless the seed's quote_columns config is false
                Object quoteConfig = a.get(1, "quote_config", null);
                String column = Py.str(a.get(0, "column", ""));
                return Boolean.FALSE.equals(quoteConfig) ? column : Relation.quote(column);
            }
            case "check_schema_exists":
                return runtime.execute() && !schemas(runtime, str(a.get(0, "database", null)),
                        str(a.get(1, "schema", null))).isEmpty();
            case "list_schemas":
                return runtime.execute() ? schemas(runtime, str(a.get(0, "database", null)), null) : new ArrayList<>();
            case "type":
                return adapterType;
            case "drop_relation": {
                // as dbt-duckdb: drop <type> if exists <relation> cascade (a relation without a type is a table)
                Object rel = a.get(0, "relation", null);
                if (rel instanceof RelationValue r && runtime.execute()) {
                    String kind = "view".equals(r.getType()) ? "view" : "table";
                    runtime.runQuery("drop " + kind + " if exists " + r.render() + " cascade");
                }
                return null;
            }
            case "truncate_relation": {
                Object rel = a.get(0, "relation", null);
                if (rel instanceof RelationValue r && runtime.execute()) {
                    runtime.runQuery("truncate table " + r.render());
                }
                return null;
            }
            case "rename_relation": {
                Object from = a.get(0, "from_relation", null);
                Object to = a.get(1, "to_relation", null);
                if (from instanceof RelationValue f && to instanceof RelationValue t && runtime.execute()) {
                    String kind = "view".equals(f.getType()) ? "view" : "table";
                    runtime.runQuery("alter " + kind + " " + f.render() + " rename to "
                            + Relation.quote(t.getIdentifier()));
                }
                return null;
            }
            case "create_schema":
            case "drop_schema": {
                // as dbt-duckdb's create_schema / drop_schema macros, on the relation's database and schema
                Object rel = a.get(0, "relation", null);
                if (rel instanceof RelationValue r && runtime.execute()) {
                    String schema = (r.getDatabase() == null ? "" : Relation.quote(r.getDatabase()) + ".")
                            + Relation.quote(r.getSchema());
                    runtime.runQuery("create_schema".equals(method) ? "create schema if not exists " + schema
                            : "drop schema if exists " + schema + " cascade");
                }
                return null;
            }
            case "commit":
                // each statement of a Jinja materialization commits on its own: nothing is pending
                return null;
            case "dispatch": {
                String macroName = Py.str(a.require(0, "macro_name", "dispatch"));
                if (a.named().containsKey("packages")) {
                    // dbt 1.x refuses the pre-1.0 argument instead of searching those packages
                    String message = "The \"packages\" argument of adapter.dispatch() has been deprecated.\nUse the"
                            + " \"macro_namespace\" argument instead.\n\nRaised during dispatch for: " + macroName
                            + "\n\nFor more information, see:\n\nhttps://docs.getdbt.com/reference/dbt-jinja-functions/dispatch";
                    DbtFunctions.runtime(site).raising(message);
                    throw new MallardException(ErrorCode.JINJA, message);
                }
                return dispatch(macroName, a.get(1, "macro_namespace", null));
            }
            default:
                return MISSING;
        }
    }

    private static String str(Object o) {
        return o == null ? null : Py.str(o);
    }

    /** The schemas of a database (the current one when null), or the one named {@code schema} (any case). */
    private static List<Object> schemas(DbtRuntime runtime, String database, String schema) {
        StringBuilder sql = new StringBuilder("select schema_name from information_schema.schemata where ");
        sql.append(database == null ? "catalog_name = current_database()"
                : "lower(catalog_name) = lower(" + literal(database) + ")");
        if (schema != null) {
            sql.append(" and lower(schema_name) = lower(").append(literal(schema)).append(')');
        }
        List<Object> out = new ArrayList<>();
        for (List<Object> row : runtime.runQuery(sql + " order by 1").rows()) {
            out.add(String.valueOf(row.get(0)));
        }
        return out;
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static List<Object> columns(DbtRuntime runtime, Object relation) {
        List<Object> out = new ArrayList<>();
        if (relation instanceof CharSequence) {
            // dbt-duckdb's macro calls relation.render(): a test's model with a where config is a string
            throw new MallardException(ErrorCode.JINJA, "'str object' has no attribute 'render'");
        }
        if (!(relation instanceof RelationValue r)) {
            return out;
        }
        for (ColumnInfo c : runtime.getColumns(r)) {
            out.add(new ColumnValue(c.name(), c.type()));
        }
        return out;
    }

    private static List<Object> missingColumns(DbtRuntime runtime, Object from, Object to) {
        List<Object> missing = new ArrayList<>();
        List<Object> target = columns(runtime, to);
        for (Object c : columns(runtime, from)) {
            String name = ((ColumnValue) c).name().toLowerCase(Locale.ROOT);
            if (target.stream().noneMatch(t -> ((ColumnValue) t).name().toLowerCase(Locale.ROOT).equals(name))) {
                missing.add(c);
            }
        }
        return missing;
    }

    /** Finds the implementation of a dispatched macro (see {@link Dispatcher}). */
    Object dispatch(String macroName, Object namespace) {
        return dispatcher.find(macroName, namespace);
    }

    @Override
    public String typeName() {
        return "DuckDBAdapter";
    }
}
