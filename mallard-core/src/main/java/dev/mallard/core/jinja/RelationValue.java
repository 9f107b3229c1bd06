package dev.mallard.core.jinja;

import dev.mallard.core.engine.Relation;
import dev.mallard.jinja.value.Args;
import dev.mallard.jinja.value.CallSite;
import dev.mallard.jinja.value.Py;
import dev.mallard.jinja.value.PyMapping;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A relation as templates see it, like dbt's Relation: renders as the quoted name, exposes
 * database, schema, identifier, type, path and its policies, is a mapping to Jinja
 * ({@code is mapping}, {@code .get('type')}), and gives new relations through
 * {@code incorporate}, {@code include} and {@code quote}.
 */
public final class RelationValue implements PyObject, PyMapping {
    private static final Set<String> METHODS = Set.of("render", "get", "incorporate", "include", "quote",
            "without_identifier");
    private final Relation relation;
    private final String type;
    private final String rendered;
    private final RelationPolicy quotePolicy;
    private final RelationPolicy includePolicy;

    public RelationValue(Relation relation, String type) {
        this(relation, type, null);
    }

    /** A relation that renders as something else, e.g. an ephemeral model's CTE name. */
    public RelationValue(Relation relation, String type, String rendered) {
        this(relation, type, rendered, RelationPolicy.ALL, RelationPolicy.ALL);
    }

    /** {@code api.Relation.create(...)} with its {@code quote_policy=} and {@code include_policy=}. */
    static RelationValue created(Relation relation, String type, RelationPolicy quotePolicy,
            RelationPolicy includePolicy) {
        return new RelationValue(relation, type, null, quotePolicy, includePolicy);
    }

    private RelationValue(Relation relation, String type, String rendered, RelationPolicy quotePolicy,
            RelationPolicy includePolicy) {
        this.relation = relation;
        this.type = type;
        this.rendered = rendered;
        this.quotePolicy = quotePolicy;
        this.includePolicy = includePolicy;
    }

    /** This relation quoted as a project's {@code quoting:} block says (parts it leaves out stay quoted). */
    public RelationValue withQuoting(Map<String, Object> quoting) {
        return quoting.isEmpty() || rendered != null ? this
                : new RelationValue(relation, type, null, RelationPolicy.ALL.with(quoting), includePolicy);
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
        if (rendered != null) {
            return rendered;
        }
        StringBuilder sb = new StringBuilder();
        part(sb, relation.database(), includePolicy.database(), quotePolicy.database());
        part(sb, relation.schema(), includePolicy.schema(), quotePolicy.schema());
        part(sb, relation.identifier(), includePolicy.identifier(), quotePolicy.identifier());
        return sb.toString();
    }

    private static void part(StringBuilder sb, String name, boolean include, boolean quote) {
        if (include && name != null && !name.isEmpty()) {
            sb.append(sb.isEmpty() ? "" : ".").append(quote ? Relation.quote(name) : name);
        }
    }

    @Override
    public Object attribute(String name) {
        return switch (name) {
            case "database" -> relation.database();
            case "schema" -> relation.schema();
            case "identifier", "name", "table" -> relation.identifier().isEmpty() ? null : relation.identifier();
            case "type" -> type;
            case "is_table" -> "table".equals(type);
            case "is_view" -> "view".equals(type);
            case "is_cte" -> "cte".equals(type);
            case "path" -> new RelationPath(relation);
            case "quote_policy" -> quotePolicy;
            case "include_policy" -> includePolicy;
            case "quote_character" -> "\"";
            // dbt_utils._is_relation checks obj.get('metadata', {}).get('type', '').endswith('Relation')
            case "metadata" -> new LinkedHashMap<>(Map.of("type", typeName()));
            case "limit", "event_time_filter" -> null;
            default -> MISSING;
        };
    }

    /** {@code relation['type']}: dbt's FakeAPIObject reads items as attributes. */
    @Override
    public Object getItem(Object key) {
        return key instanceof CharSequence name ? attribute(name.toString()) : MISSING;
    }

    /** Equal as dbt's dataclass relations are: same name, type, policies and rendering. */
    @Override
    public boolean equals(Object o) {
        return o instanceof RelationValue r && relation.equals(r.relation) && Objects.equals(type, r.type)
                && Objects.equals(rendered, r.rendered) && quotePolicy.equals(r.quotePolicy)
                && includePolicy.equals(r.includePolicy);
    }

    @Override
    public int hashCode() {
        return Objects.hash(relation, type, rendered, quotePolicy, includePolicy);
    }

    @Override
    public Set<String> methods() {
        return METHODS;
    }

    @Override
    public Object call(CallSite site, String method, Args args) {
        return switch (method) {
            case "render" -> render();
            case "get" -> get(this, args);
            case "incorporate" -> incorporate(args);
            case "include" -> new RelationValue(relation, type, null, quotePolicy, includePolicy.with(args));
            case "quote" -> new RelationValue(relation, type, null, quotePolicy.with(args), includePolicy);
            case "without_identifier" -> new RelationValue(relation, type, null, quotePolicy,
                    new RelationPolicy(includePolicy.database(), includePolicy.schema(), false));
            default -> MISSING;
        };
    }

    /** {@code obj.get(key, default)} on a dbt API object: the attribute, or the default. */
    static Object get(PyObject object, Args args) {
        Object v = object.attribute(Py.str(args.require(0, "key", "get")));
        return v == MISSING ? args.get(1, "default", null) : v;
    }

    /** dbt's {@code incorporate(path={...}, type=...)}: a copy with those parts replaced. */
    private RelationValue incorporate(Args args) {
        Relation r = relation;
        if (args.get(-1, "path", null) instanceof Map<?, ?> path) {
            r = new Relation(part(path, "database", r.database()), part(path, "schema", r.schema()),
                    part(path, "identifier", r.identifier()));
        }
        Object newType = args.get(-1, "type", null);
        String t = newType == null ? type : Py.str(newType);
        return new RelationValue(r, t, r.equals(relation) ? rendered : null, quotePolicy, includePolicy);
    }

    private static String part(Map<?, ?> path, String key, String current) {
        if (!path.containsKey(key)) {
            return current;
        }
        Object v = path.get(key);
        return v == null ? null : Py.str(v);
    }

    @Override
    public String typeName() {
        return "DuckDBRelation";
    }

    @Override
    public String toString() {
        return render();
    }

    /** A relation's {@code path}: {@code Path(database='db', schema='main', identifier='m')}. */
    private record RelationPath(Relation relation) implements PyObject {
        @Override
        public Object attribute(String name) {
            return switch (name) {
                case "database" -> relation.database();
                case "schema" -> relation.schema();
                case "identifier" -> relation.identifier();
                default -> MISSING;
            };
        }

        @Override
        public Set<String> methods() {
            return Set.of("get");
        }

        @Override
        public Object call(CallSite site, String method, Args args) {
            return get(this, args);
        }

        @Override
        public String typeName() {
            return "Path";
        }

        @Override
        public String toString() {
            return "Path(database=" + Py.repr(relation.database()) + ", schema=" + Py.repr(relation.schema())
                    + ", identifier=" + Py.repr(relation.identifier()) + ")";
        }
    }
}
