package dev.mallard.core.exec;

import dev.mallard.core.engine.ColumnInfo;
import dev.mallard.core.engine.EngineSession;
import dev.mallard.core.engine.QueryResult;
import dev.mallard.core.engine.Relation;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.events.JinjaLog;
import dev.mallard.core.graph.Linker;
import dev.mallard.core.jinja.DbtRuntime;
import dev.mallard.core.jinja.RelationValue;
import dev.mallard.core.manifest.ModelNode;
import dev.mallard.core.manifest.Node;
import dev.mallard.core.manifest.RefCall;
import dev.mallard.core.manifest.ResourceType;
import dev.mallard.core.manifest.SourceCall;
import dev.mallard.core.manifest.SourceNode;
import dev.mallard.core.materialize.BatchWindow;
import dev.mallard.core.materialize.IncrementalMaterialization;
import dev.mallard.core.materialize.MicrobatchConfig;
import dev.mallard.core.parse.Vars;
import dev.mallard.jinja.value.Py;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The execute=true runtime: refs resolve to real relations (ephemeral models to CTE
 * names), queries run on the worker's session.
 */
final class ExecRuntime implements DbtRuntime {
    static final String CTE_PREFIX = "__dbt__cte__";

    private final Node node;
    private final Linker linker;
    private final Vars vars;
    private final Map<String, Object> target;
    private final EngineSession session;
    private final Consumer<String> logger;
    private final Deferral deferral;
    private final boolean fullRefresh;
    private final BatchWindow batch;
    private final boolean incrementalBatch;
    /** --empty: refs and sources read no rows. */
    private boolean emptyInputs;
    /** The project's quoting: block, the quote policy of ref(), this and adapter.get_relation. */
    private Map<String, Object> quoting = Map.of();
    /** What the node's parse found it refs (by id), for {@link #requireDeclared}; null until needed. */
    private Set<dev.mallard.core.manifest.NodeId> declared;
    /** Ephemeral models this render referenced, in first-use order. */
    final Set<ModelNode> ephemerals = new LinkedHashSet<>();

    ExecRuntime(Node node, Linker linker, Vars vars, Map<String, Object> target, EngineSession session,
                Consumer<String> logger) {
        this(node, linker, vars, target, session, logger, null);
    }

    /** @param deferral where refs to nodes missing from this target may point (--defer); null for none */
    ExecRuntime(Node node, Linker linker, Vars vars, Map<String, Object> target, EngineSession session,
                Consumer<String> logger, Deferral deferral) {
        this(node, linker, vars, target, session, logger, deferral, false);
    }

    /** @param fullRefresh whether --full-refresh was given, for is_incremental() */
    ExecRuntime(Node node, Linker linker, Vars vars, Map<String, Object> target, EngineSession session,
                Consumer<String> logger, Deferral deferral, boolean fullRefresh) {
        this(node, linker, vars, target, session, logger, deferral, fullRefresh, null, false);
    }

    /**
     * @param batch            the microbatch being rendered: inputs with an event_time are filtered to it; null for none
     * @param incrementalBatch what is_incremental() returns in that batch
     */
    ExecRuntime(Node node, Linker linker, Vars vars, Map<String, Object> target, EngineSession session,
                Consumer<String> logger, Deferral deferral, boolean fullRefresh, BatchWindow batch,
                boolean incrementalBatch) {
        this.batch = batch;
        this.incrementalBatch = incrementalBatch;
        this.fullRefresh = fullRefresh;
        this.deferral = deferral;
        this.node = node;
        this.linker = linker;
        this.vars = vars;
        this.target = target;
        this.session = session;
        this.logger = logger;
    }

    ExecRuntime withEmptyInputs(boolean empty) {
        this.emptyInputs = empty;
        return this;
    }

    ExecRuntime withQuoting(Map<String, Object> projectQuoting) {
        this.quoting = projectQuoting;
        return this;
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
        Node target = linker.resolveRef(node, new RefCall(packageName, name, 0, version));
        requireDeclared(target, packageName, name, version);
        if (version == null && node != null && target instanceof ModelNode latest && latest.version() != null) {
            linker.prereleaseOf(latest).ifPresent(next -> log(unpinnedNotice(latest, next), true));
        }
        if (target instanceof ModelNode m && m.isEphemeral()) {
            ephemerals.add(m);
            return new RelationValue(m.relation(), "cte", CTE_PREFIX + m.name());
        }
        if (deferral != null) {
            Optional<Relation> deferred = deferral.relationFor(target, session);
            if (deferred.isPresent()) {
                return filtered(target, new RelationValue(deferred.get(), "table").withQuoting(quoting));
            }
        }
        return filtered(target, new RelationValue(target.relation(), "table").withQuoting(quoting));
    }

    /**
     * dbt's RefBadContextError: a model may ref() at run time only what its parse found (a ref inside
     * {@code {% if execute %}} is no dependency, so the model could read a table not built yet).
     */
    private void requireDeclared(Node target, String packageName, String name, Object version) {
        if (!(node instanceof ModelNode m) || m.resourceType() != ResourceType.MODEL) {
            return; // tests' refs come from their arguments, not a parse-time render of the test's macro
        }
        if (declared == null) {
            declared = new java.util.HashSet<>();
            node.refs().forEach(r -> declared.add(linker.resolveRef(node, r).id()));
        }
        if (declared.contains(target.id())) {
            return;
        }
        String args = (packageName == null ? "" : "'" + packageName + "', ") + "'" + name + "'"
                + (version == null ? "" : ", v=" + Py.str(version));
        throw new MallardException(ErrorCode.JINJA, "dbt was unable to infer all dependencies for the model \""
                + node.name() + "\".\nThis typically happens when ref() is placed within a conditional block.\n\n"
                + "To fix this, add the following hint to the top of the model \"" + node.name() + "\":\n\n"
                + "-- depends_on: {{ ref(" + args + ") }}");
    }

    /** dbt's notice when ref() without a version reads a model that has a version above its latest. */
    private String unpinnedNotice(ModelNode latest, ModelNode prerelease) {
        String v = latest.version().label();
        String next = prerelease.version().label();
        String pkg = latest.packageName();
        return "While compiling '" + node.name() + "':\nFound an unpinned reference to versioned model '" + latest.name()
                + "' in project '" + pkg + "'.\nResolving to latest version: " + latest.displayName() + "\nA prerelease"
                + " version " + next + " is available. It has not yet been marked 'latest' by its maintainer.\nWhen that"
                + " happens, this reference will resolve to " + prerelease.displayName() + " instead.\n\n  Try out v"
                + next + ": {{ ref('" + pkg + "', '" + latest.name() + "', v='" + next + "') }}\n  Pin to  v" + v
                + ": {{ ref('" + pkg + "', '" + latest.name() + "', v='" + v + "') }}\n";
    }

    /** dbt's event-time filter: during a microbatch, an input with an event_time reads only the batch's rows. */
    private RelationValue filtered(Node input, RelationValue relation) {
        if (emptyInputs) {
            // dbt's --empty: the input keeps its columns and reads no rows
            return new RelationValue(relation.relation(), relation.getType(), "(select * from " + relation.render()
                    + " where false limit 0)" + subqueryAlias("_dbt_limit_subq_", relation));
        }
        Object eventTime = input.config().get("event_time");
        if (batch == null || eventTime == null || String.valueOf(eventTime).isBlank()
                || !MicrobatchConfig.applies(node)) {
            return relation;
        }
        return new RelationValue(relation.relation(), relation.getType(), "(select * from " + relation.render()
                + " where " + batch.predicate(String.valueOf(eventTime).trim()) + ")"
                + subqueryAlias("_dbt_et_filter_subq_", relation));
    }

    /** The alias dbt gives a filtered input, where the engine needs one (Postgres); DuckDB's SQL goes without. */
    private String subqueryAlias(String prefix, RelationValue relation) {
        return session != null && session.dialect().subqueriesNeedAliases()
                ? " " + prefix + relation.relation().identifier() : "";
    }

    @Override
    public Object source(String sourceName, String tableName) {
        SourceNode s = linker.resolveSource(node, new SourceCall(sourceName, tableName, 0));
        return filtered(s, new RelationValue(s.relation(), "table", s.renderForSql()));
    }

    @Override
    public void config(Map<String, Object> values) {
        // config() was captured at parse time; at run time it renders to nothing
    }

    @Override
    public Object configValue(String key, Object defaultValue) {
        if (node == null) {
            return defaultValue;
        }
        String k = key.replace('_', '-').equals("pre-hook") || key.replace('_', '-').equals("post-hook")
                ? key.replace('_', '-') : key;
        Object v = node.config().get(k);
        return v == null ? defaultValue : v;
    }

    @Override
    public RelationValue thisRelation() {
        return node == null ? null : new RelationValue(node.relation(), "table").withQuoting(quoting);
    }

    @Override
    public String packageName() {
        return node == null ? null : node.packageName();
    }

    @Override
    public Object var(String name, Object defaultValue, boolean hasDefault) {
        return vars.scopedTo(node == null ? null : node.packageName()).get(name, defaultValue, hasDefault);
    }

    @Override
    public String varOrigin(String name) {
        return vars.scopedTo(node == null ? null : node.packageName()).origin(name);
    }

    @Override
    public boolean isIncremental() {
        if (batch != null) {
            return incrementalBatch;
        }
        return node != null && IncrementalMaterialization.isIncremental(node, session.findRelation(node.relation()),
                fullRefresh);
    }

    @Override
    public QueryResult runQuery(String sql) {
        return session.query(sql, -1);
    }

    @Override
    public RelationValue getRelation(String database, String schema, String identifier) {
        return session.findRelation(new Relation(database, schema, identifier))
                .map(r -> new RelationValue(r.relation(), r.kind().dbtName()).withQuoting(quoting))
                .orElse(null);
    }

    @Override
    public List<ColumnInfo> getColumns(RelationValue relation) {
        return new ArrayList<>(session.columns(relation.relation()));
    }

    @Override
    public Map<String, Object> target() {
        return target;
    }

    @Override
    public void log(String message, boolean info) {
        if (logger instanceof JinjaLog events) {
            events.log(message, info);
        } else if (info) {
            logger.accept(message);
        }
    }

    @Override
    public void warn(String message) {
        if (logger instanceof JinjaLog events) {
            events.warn(message);
        } else {
            logger.accept(message);
        }
    }

    @Override
    public void print(String message) {
        if (logger instanceof JinjaLog events) {
            events.print(message);
        } else {
            logger.accept(message);
        }
    }
}
