package dev.mallard.core.jinja;

import dev.mallard.core.engine.Relation;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.jinja.value.Args;
import dev.mallard.jinja.value.CallSite;
import dev.mallard.jinja.value.Py;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A column as dbt-duckdb's {@code DuckDBColumn} shows it (from {@code get_columns_in_relation}
 * or {@code api.Column}): {@code dtype} as given, {@code data_type} with dbt's
 * {@code character varying(256)} for strings, and dbt's exact type-name tests.
 */
record ColumnValue(String name, String dtype) implements PyObject {
    private static final Set<String> METHODS = Set.of("is_string", "is_integer", "is_float", "is_numeric",
            "is_number", "is_struct", "string_size", "literal", "get");
    private static final Set<String> STRINGS = Set.of("text", "character varying", "character", "varchar");
    private static final Set<String> INTEGERS = Set.of("tinyint", "smallint", "integer", "bigint", "hugeint",
            "utinyint", "usmallint", "uinteger", "ubigint", "int1", "int2", "int4", "int8", "short", "int", "signed",
            "long");
    private static final Set<String> FLOATS = Set.of("real", "float", "float4", "float8", "double");
    private static final Set<String> NUMERICS = Set.of("numeric", "decimal");
    /** dbt's string size when the type gives none. */
    private static final int DEFAULT_STRING_SIZE = 256;

    /** {@code Column.create(name, label_or_dtype)}: dbt translates the label STRING to TEXT. */
    static ColumnValue create(String name, String labelOrDtype) {
        return new ColumnValue(name, "STRING".equals(labelOrDtype.toUpperCase(Locale.ROOT)) ? "TEXT" : labelOrDtype);
    }

    private String lower() {
        return dtype == null ? "" : dtype.toLowerCase(Locale.ROOT);
    }

    boolean isString() {
        return STRINGS.contains(lower());
    }

    String dataType() {
        return isString() ? "character varying(" + DEFAULT_STRING_SIZE + ")" : dtype;
    }

    @Override
    public Object attribute(String attr) {
        return switch (attr) {
            case "name", "column" -> name;
            case "dtype" -> dtype;
            case "data_type", "expanded_data_type" -> dataType();
            case "quoted" -> Relation.quote(name);
            case "char_size", "numeric_precision", "numeric_scale" -> null;
            case "fields" -> fields();
            default -> MISSING;
        };
    }

    /**
     * dbt-duckdb's struct fields: the text between the type's first "(" and its last ")", split
     * at commas outside parentheses, each part a name and a type split at its first space.
     */
    List<Object> fields() {
        List<Object> out = new ArrayList<>();
        int open = dtype == null ? -1 : dtype.indexOf('(');
        int close = dtype == null ? -1 : dtype.lastIndexOf(')');
        if (!lower().startsWith("struct") || open < 0 || close < open) {
            return out;
        }
        String inner = dtype.substring(open + 1, close);
        int depth = 0;
        int start = 0;
        for (int i = 0; i <= inner.length(); i++) {
            char ch = i < inner.length() ? inner.charAt(i) : ',';
            if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                depth--;
            } else if (ch == ',' && depth == 0) {
                String part = inner.substring(start, i).strip();
                int space = part.indexOf(' ');
                if (space > 0) {
                    out.add(new ColumnValue(part.substring(0, space), part.substring(space + 1).strip()));
                }
                start = i + 1;
            }
        }
        return out;
    }

    @Override
    public Set<String> methods() {
        return METHODS;
    }

    @Override
    public Object call(CallSite site, String method, Args args) {
        String t = lower();
        return switch (method) {
            case "is_string" -> isString();
            case "is_integer" -> INTEGERS.contains(t);
            case "is_float" -> FLOATS.contains(t);
            case "is_numeric" -> NUMERICS.contains(t);
            case "is_number" -> INTEGERS.contains(t) || FLOATS.contains(t) || NUMERICS.contains(t);
            case "is_struct" -> t.startsWith("struct");
            case "string_size" -> {
                if (!isString()) {
                    throw new MallardException(ErrorCode.JINJA, "Called string_size() on non-string field!");
                }
                yield (long) DEFAULT_STRING_SIZE;
            }
            case "literal" -> Py.str(args.require(0, "value", "literal")) + "::" + dataType();
            case "get" -> RelationValue.get(this, args);
            default -> MISSING;
        };
    }

    @Override
    public String typeName() {
        return "DuckDBColumn";
    }

    @Override
    public String toString() {
        return "DuckDBColumn(column=" + Py.repr(name) + ", dtype=" + Py.repr(dtype)
                + ", char_size=None, numeric_precision=None, numeric_scale=None, fields="
                + fields().stream().map(Object::toString).collect(Collectors.joining(", ", "[", "]")) + ")";
    }
}
