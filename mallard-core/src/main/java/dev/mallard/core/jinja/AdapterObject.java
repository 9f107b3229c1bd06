package dev.mallard.core.jinja;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.fn.MacroFunction;
import dev.mallard.core.engine.ColumnInfo;
import dev.mallard.core.engine.Relation;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;


/**
 * dbt's {@code adapter} object for DuckDB: relations and columns (through the runtime),
 * quoting, the adapter type, and {@code adapter.dispatch}.
 */
final class AdapterObject implements PyObject {
    static final String ADAPTER_TYPE = "duckdb";

    @Override
    public Object call(String method, DbtFunctions.Args a) {
        switch (method) {
            case "get_relation":
            case "load_relation": {
                if ("load_relation".equals(method)) {
                    Object rel = a.get(0, "relation");
                    if (!(rel instanceof RelationValue r)) {
                        return null;
                    }
                    return DbtFunctions.runtime().getRelation(r.getDatabase(), r.getSchema(), r.getIdentifier());
                }
                return DbtFunctions.runtime().getRelation(str(a.get(0, "database")), str(a.get(1, "schema")),
                        str(a.get(2, "identifier")));
            }
            case "get_columns_in_relation":
                return columns(a.get(0, "relation"));
            case "get_missing_columns":
                return missingColumns(a.get(0, "from_relation"), a.get(1, "to_relation"));
            case "already_exists":
                return DbtFunctions.runtime().getRelation(null, str(a.get(0, "schema")), str(a.get(1, "name"))) != null;
            case "quote":
                return Relation.quote(String.valueOf(a.get(0, "identifier")));
            case "type":
                return ADAPTER_TYPE;
            case "dispatch":
                return dispatch(String.valueOf(a.get(0, "macro_name")), a.get(1, "macro_namespace"));
            default:
                return MISSING;
        }
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private static List<Object> columns(Object relation) {
        List<Object> out = new ArrayList<>();
        if (!(relation instanceof RelationValue r)) {
            return out;
        }
        for (ColumnInfo c : DbtFunctions.runtime().getColumns(r)) {
            out.add(new ColumnValue(c.name(), c.type()));
        }
        return out;
    }

    private static List<Object> missingColumns(Object from, Object to) {
        List<Object> missing = new ArrayList<>();
        List<Object> target = columns(to);
        for (Object c : columns(from)) {
            String name = ((ColumnValue) c).name().toLowerCase(Locale.ROOT);
            if (target.stream().noneMatch(t -> ((ColumnValue) t).name().toLowerCase(Locale.ROOT).equals(name))) {
                missing.add(c);
            }
        }
        return missing;
    }

    /**
     * Finds the implementation of a dispatched macro: {@code duckdb__name}, then
     * {@code default__name}, among the project's macros (the namespace only narrows where
     * dbt searches; Mallard keeps one macro table).
     */
    static MacroFunction dispatch(String macroName, Object namespace) {
        String name = macroName.contains(".") ? macroName.substring(macroName.lastIndexOf('.') + 1) : macroName;
        JinjavaInterpreter interpreter = JinjavaInterpreter.getCurrent();
        List<String> searched = new ArrayList<>();
        for (String prefix : new String[] {ADAPTER_TYPE + "__", "default__"}) {
            String candidate = prefix + name;
            MacroFunction macro = interpreter.getContext().getGlobalMacro(candidate);
            if (macro != null) {
                return macro;
            }
            searched.add((namespace == null ? "" : namespace + ".") + candidate);
        }
        throw new MallardException(ErrorCode.JINJA, "In dispatch: no macro named '" + name + "' found; searched for: "
                + String.join(", ", searched));
    }

    /** A column from {@code get_columns_in_relation}: name, data_type/dtype, quoted, is_string()... */
    record ColumnValue(String name, String dataType) implements PyObject {
        @Override
        public Object attribute(String attr) {
            return switch (attr) {
                case "name", "column" -> name;
                case "data_type", "dtype" -> dataType;
                case "quoted" -> Relation.quote(name);
                default -> MISSING;
            };
        }

        @Override
        public Object call(String method, DbtFunctions.Args args) {
            String t = dataType == null ? "" : dataType.toUpperCase(Locale.ROOT);
            return switch (method) {
                case "is_string" -> t.startsWith("VARCHAR") || t.startsWith("TEXT") || t.startsWith("STRING")
                        || t.startsWith("CHAR") || t.startsWith("BPCHAR");
                case "is_integer" -> t.matches("(U?(TINY|SMALL|BIG|HUGE)?INT(EGER)?\\d*)");
                case "is_float" -> t.matches("(FLOAT\\d*|DOUBLE|REAL)");
                case "is_numeric" -> t.startsWith("DECIMAL") || t.startsWith("NUMERIC");
                case "is_number" -> t.matches("(U?(TINY|SMALL|BIG|HUGE)?INT(EGER)?\\d*|FLOAT\\d*|DOUBLE|REAL)")
                        || t.startsWith("DECIMAL") || t.startsWith("NUMERIC");
                default -> MISSING;
            };
        }

        @Override
        public String toString() {
            return name;
        }
    }

}
