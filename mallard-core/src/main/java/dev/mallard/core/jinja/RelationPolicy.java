package dev.mallard.core.jinja;

import dev.mallard.jinja.value.Args;
import dev.mallard.jinja.value.CallSite;
import dev.mallard.jinja.value.Py;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A relation's quote or include policy as dbt shows it: {@code Policy(database=True,
 * schema=True, identifier=True)}, one flag per part of the name.
 */
record RelationPolicy(boolean database, boolean schema, boolean identifier) implements PyObject {
    static final RelationPolicy ALL = new RelationPolicy(true, true, true);
    private static final Set<String> METHODS = Set.of("get");

    /** Whether the part named {@code key} is on; a name that is no part is quoted, as dbt's policy defaults. */
    boolean quotes(String key) {
        return switch (key) {
            case "database" -> database;
            case "schema" -> schema;
            case "identifier" -> identifier;
            default -> true;
        };
    }

    /** This policy with the parts named in {@code args} ({@code database=}, ...) replaced. */
    RelationPolicy with(Args args) {
        return new RelationPolicy(flag(args, 0, "database", database), flag(args, 1, "schema", schema),
                flag(args, 2, "identifier", identifier));
    }

    /** This policy with the parts a {@code {'database': False, ...}} dict names replaced. */
    RelationPolicy with(Object dict) {
        return dict instanceof Map<?, ?> m ? with(Args.of(List.of(), stringKeys(m))) : this;
    }

    private static Map<String, Object> stringKeys(Map<?, ?> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(Py.str(k), v));
        return out;
    }

    private static boolean flag(Args args, int index, String name, boolean current) {
        Object v = args.get(index, name, null);
        return v == null ? current : Py.truthy(v);
    }

    @Override
    public Object attribute(String name) {
        return switch (name) {
            case "database" -> database;
            case "schema" -> schema;
            case "identifier" -> identifier;
            default -> MISSING;
        };
    }

    @Override
    public Set<String> methods() {
        return METHODS;
    }

    @Override
    public Object call(CallSite site, String method, Args args) {
        return RelationValue.get(this, args);
    }

    @Override
    public String typeName() {
        return "Policy";
    }

    @Override
    public String toString() {
        return "Policy(database=" + Py.repr(database) + ", schema=" + Py.repr(schema) + ", identifier="
                + Py.repr(identifier) + ")";
    }
}
