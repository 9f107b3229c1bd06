package dev.mallard.core.exec;

import dev.mallard.core.engine.ColumnInfo;
import dev.mallard.core.engine.QueryResult;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.graph.Linker;
import dev.mallard.core.jinja.DbtRuntime;
import dev.mallard.core.jinja.RelationValue;
import dev.mallard.core.manifest.ModelNode;
import dev.mallard.core.manifest.Node;
import dev.mallard.core.manifest.RefCall;
import dev.mallard.core.manifest.SourceCall;
import dev.mallard.core.manifest.SourceNode;
import dev.mallard.core.manifest.UnitTestNode;
import dev.mallard.core.manifest.UnitTestNode.Fixture;
import dev.mallard.core.manifest.UnitTestNode.RefInput;
import dev.mallard.core.manifest.UnitTestNode.SourceInput;
import dev.mallard.core.manifest.UnitTestNode.ThisInput;
import java.util.List;
import java.util.Map;

/**
 * The runtime a unit test renders its model with: every given ref, source and {@code this}
 * resolves to its fixture's CTE, a ref or source without given rows is an error (as in
 * dbt), and the test's overrides of is_incremental, vars and env vars apply.
 */
final class UnitTestRuntime implements DbtRuntime {
    private final UnitTestNode test;
    private final ModelNode model;
    private final Linker linker;
    private final ExecRuntime base;
    private final dev.mallard.core.parse.Vars vars;

    UnitTestRuntime(UnitTestNode test, ModelNode model, Linker linker, ExecRuntime base,
                    dev.mallard.core.parse.Vars vars) {
        this.test = test;
        this.model = model;
        this.linker = linker;
        this.base = base;
        this.vars = vars;
    }

    /** The CTE name dbt gives a fixture: the input's name, or source__table for a source. */
    static String cteName(Fixture given, ModelNode model) {
        if (given.input() instanceof RefInput r) {
            return ExecRuntime.CTE_PREFIX + r.name();
        }
        if (given.input() instanceof SourceInput s) {
            return ExecRuntime.CTE_PREFIX + s.sourceName() + "__" + s.tableName();
        }
        return ExecRuntime.CTE_PREFIX + model.name();
    }

    @Override
    public boolean execute() {
        return true;
    }

    @Override
    public Object ref(String packageName, String name) {
        return ref(packageName, name, null);
    }

    @Override
    public Object ref(String packageName, String name, Object version) {
        for (Fixture g : test.given()) {
            if (g.input() instanceof RefInput r && r.name().equals(name)
                    && (packageName == null || r.packageName() == null || packageName.equals(r.packageName()))) {
                Node target = linker.resolveRef(model, new RefCall(packageName, name, 0, version));
                // an input that pins a version stands for that version only (ref('m', v=2))
                if (r.version() != null && !linker.resolveRef(model, r.call()).id().equals(target.id())) {
                    continue;
                }
                return new RelationValue(target.relation(), "cte", cteName(g, model));
            }
        }
        throw new MallardException(ErrorCode.UNKNOWN_REFERENCE, "unit test '" + test.name() + "': model '"
                + model.name() + "' reads ref('" + name + "'), but the test gives no rows for it",
                test.originalFilePath(), 0, "add a given: entry with input: ref('" + name + "') (rows may be [])", null);
    }

    @Override
    public Object source(String sourceName, String tableName) {
        for (Fixture g : test.given()) {
            if (g.input() instanceof SourceInput s && s.sourceName().equals(sourceName)
                    && s.tableName().equals(tableName)) {
                SourceNode node = linker.resolveSource(model, new SourceCall(sourceName, tableName, 0));
                return new RelationValue(node.relation(), "cte", cteName(g, model));
            }
        }
        throw new MallardException(ErrorCode.UNKNOWN_REFERENCE, "unit test '" + test.name() + "': model '"
                + model.name() + "' reads source('" + sourceName + "', '" + tableName
                + "'), but the test gives no rows for it", test.originalFilePath(), 0,
                "add a given: entry with input: source('" + sourceName + "', '" + tableName + "')", null);
    }

    @Override
    public void config(Map<String, Object> values) {
        base.config(values);
    }

    @Override
    public Object configValue(String key, Object defaultValue) {
        return base.configValue(key, defaultValue);
    }

    @Override
    public RelationValue thisRelation() {
        for (Fixture g : test.given()) {
            if (g.input() instanceof ThisInput) {
                return new RelationValue(model.relation(), "cte", cteName(g, model));
            }
        }
        return base.thisRelation();
    }

    @Override
    public String packageName() {
        return model.packageName();
    }

    @Override
    public Object var(String name, Object defaultValue, boolean hasDefault) {
        if (test.overrides().vars().containsKey(name)) {
            return test.overrides().vars().get(name);
        }
        return vars.scopedTo(model.packageName()).get(name, defaultValue, hasDefault);
    }

    @Override
    public boolean isIncremental() {
        Boolean b = test.overrides().isIncremental();
        return b != null && b;
    }

    @Override
    public String envVar(String name) {
        Map<String, Object> overrides = test.overrides().envVars();
        if (overrides.containsKey(name)) {
            Object v = overrides.get(name);
            return v == null ? null : String.valueOf(v);
        }
        return base.envVar(name);
    }

    @Override
    public QueryResult runQuery(String sql) {
        return base.runQuery(sql);
    }

    @Override
    public RelationValue getRelation(String database, String schema, String identifier) {
        return base.getRelation(database, schema, identifier);
    }

    @Override
    public List<ColumnInfo> getColumns(RelationValue relation) {
        return base.getColumns(relation);
    }

    @Override
    public Map<String, Object> target() {
        return base.target();
    }

    @Override
    public void log(String message, boolean info) {
        base.log(message, info);
    }

    @Override
    public void warn(String message) {
        base.warn(message);
    }
}
