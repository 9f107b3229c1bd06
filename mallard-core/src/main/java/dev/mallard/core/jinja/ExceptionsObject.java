package dev.mallard.core.jinja;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.jinja.value.Args;
import dev.mallard.jinja.value.CallSite;
import dev.mallard.jinja.value.Py;
import dev.mallard.jinja.value.Undefined;
import java.util.Set;

/**
 * dbt's {@code exceptions} namespace: {@code warn} logs and returns "", every {@code raise_*}
 * (and dbt's other error helpers) stops the render with dbt's message — a database error for
 * {@code raise_database_error}, a compilation error for the rest.
 */
final class ExceptionsObject implements PyObject {
    private static final Set<String> METHODS = Set.of("warn", "raise_compiler_error", "raise_not_implemented",
            "raise_fail_fast_error", "raise_database_error", "raise_dependency_error", "raise_cache_inconsistent",
            "raise_dataclass_not_dict", "raise_dep_not_found", "raise_ambiguous_alias",
            "raise_ambiguous_catalog_match", "raise_duplicate_patch_name", "raise_duplicate_resource_name",
            "raise_invalid_property_yml_version", "raise_contract_error", "missing_config",
            "missing_materialization", "missing_relation", "relation_wrong_type", "column_type_missing",
            "warn_snapshot_timestamp_data_types");

    @Override
    public Set<String> methods() {
        return METHODS;
    }

    @Override
    public Object call(CallSite site, String method, Args a) {
        switch (method) {
            case "warn":
                DbtFunctions.runtime(site).warn(Py.str(a.require(0, "msg", method)));
                return "";
            case "warn_snapshot_timestamp_data_types": {
                String snapshotType = Py.str(a.require(0, "snapshot_time_data_type", method));
                String updatedType = Py.str(a.require(1, "updated_at_data_type", method));
                if (!snapshotType.equalsIgnoreCase(updatedType)) {
                    DbtFunctions.runtime(site).log("Warning: Data type of snapshot table timestamp columns ("
                            + snapshotType + ") doesn't match derived column 'updated_at' (" + updatedType
                            + "). Please update snapshot config 'updated_at'.", true);
                }
                return "";
            }
            case "raise_database_error":
                throw new MallardException(ErrorCode.SQL, Py.str(a.require(0, "msg", method)));
            default: {
                String message = message(site, method, a);
                if (site.lookup(DbtFunctions.RUNTIME_KEY) instanceof DbtRuntime runtime) {
                    runtime.raising(message);
                }
                throw new MallardException(ErrorCode.JINJA, message);
            }
        }
    }

    private static String message(CallSite site, String method, Args a) {
        return switch (method) {
            case "raise_cache_inconsistent" -> "Cache inconsistency detected: " + arg(a, 0, "message", method);
            case "raise_dataclass_not_dict" -> "The object (\"" + arg(a, 0, "obj", method)
                    + "\") was used as a dictionary. This capability has been removed from objects of this type.";
            case "raise_dep_not_found" -> "Error while parsing " + arg(a, 1, "node_description", method)
                    + ".\nThe required package \"" + arg(a, 2, "required_pkg", method)
                    + "\" was not found. Is the package installed?\nHint: You may need to run `dbt deps`.";
            case "raise_ambiguous_alias" -> "dbt found two resources with the database representation \""
                    + Py.str(a.get(2, "duped_name", "")) + "\".\ndbt cannot create two resources with identical"
                    + " database representations. To fix this,\nchange the configuration of one of these resources:"
                    + "\n- " + attr(site, a.require(0, "node_1", method), "unique_id")
                    + "\n- " + attr(site, a.require(1, "node_2", method), "unique_id");
            case "raise_ambiguous_catalog_match" -> "dbt found two relations in your warehouse with similar database"
                    + " identifiers. dbt\nis unable to determine which of these relations was created by the model \""
                    + arg(a, 0, "unique_id", method) + "\".";
            case "raise_duplicate_patch_name" -> "dbt found two schema.yml entries for the same resource named "
                    + attr(site, a.require(0, "patch_1", method), "name") + ". Resources and their associated"
                    + " columns may only be described a single time.";
            case "raise_duplicate_resource_name" -> "dbt found two resources with the name \""
                    + attr(site, a.require(0, "node_1", method), "name") + "\".";
            case "raise_invalid_property_yml_version" -> "The yml property file at " + arg(a, 0, "path", method)
                    + " is invalid because " + arg(a, 1, "issue", method) + ". Please consult the documentation for"
                    + " more information on yml property file syntax:\n\n"
                    + "https://docs.getdbt.com/reference/configs-and-properties";
            case "raise_contract_error" -> "This model has an enforced contract that failed.\nPlease ensure the name,"
                    + " data_type, and number of columns in your contract match the columns in your model's"
                    + " definition.";
            case "missing_config" -> "Model '" + attr(site, a.require(0, "model", method), "unique_id")
                    + "' does not define a required config parameter '" + arg(a, 1, "name", method) + "'.";
            case "missing_materialization" -> {
                String adapterType = arg(a, 1, "adapter_type", method);
                Object model = a.require(0, "model", method);
                Object config = site.getAttr(model, "config");
                Object materialized = config instanceof Undefined ? model : site.getItem(config, "materialized");
                yield "No materialization '" + Py.str(materialized) + "' was found for adapter " + adapterType
                        + "! (searched types 'default' and '" + adapterType + "')";
            }
            case "missing_relation" -> "Relation " + arg(a, 0, "relation", method) + " not found!";
            case "relation_wrong_type" -> {
                Object relation = a.require(0, "relation", method);
                yield "Trying to create " + arg(a, 1, "expected_type", method) + " " + Py.str(relation)
                        + ", but it currently exists as a " + attr(site, relation, "type") + ". Either drop "
                        + Py.str(relation) + " manually, or run dbt with `--full-refresh` and dbt will drop it for you.";
            }
            case "column_type_missing" -> "Contracted models require data_type to be defined for each column. Please"
                    + " ensure that the column name and data_type are defined within the YAML configuration for the "
                    + Py.str(a.require(0, "column_names", method)) + " column(s).";
            default -> arg(a, 0, "msg", method); // raise_compiler_error, raise_not_implemented, ...
        };
    }

    private static String arg(Args a, int index, String name, String method) {
        return Py.str(a.require(index, name, method));
    }

    /** A node's attribute (a dict key or an object attribute), or the node itself when it has none. */
    private static String attr(CallSite site, Object node, String name) {
        Object v = site.getAttr(node, name);
        return Py.str(v instanceof Undefined ? node : v);
    }

    @Override
    public String typeName() {
        return "dict";
    }

    @Override
    public String toString() {
        return "<dbt exceptions>";
    }
}
