package dev.mallard.core.exec;

import dev.mallard.core.engine.ColumnInfo;
import dev.mallard.core.engine.EngineSession;
import dev.mallard.core.engine.Relation;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.graph.Linker;
import dev.mallard.core.javamodel.JavaModels;
import dev.mallard.core.jinja.JinjaEngine;
import dev.mallard.core.jinja.TemplateFile;
import dev.mallard.core.manifest.ModelNode;
import dev.mallard.core.materialize.BatchWindow;
import dev.mallard.core.materialize.EventTimeWindow;
import dev.mallard.core.materialize.MaterializationContext;
import dev.mallard.core.manifest.Node;
import dev.mallard.core.manifest.RefCall;
import dev.mallard.core.manifest.SourceCall;
import dev.mallard.core.manifest.TestNode;
import dev.mallard.core.manifest.UnitTestNode;
import dev.mallard.core.manifest.ResourceType;
import dev.mallard.core.parse.Checksums;
import dev.mallard.core.parse.Vars;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** Renders a node's SQL with execute=true and injects ephemeral models as CTEs. */
public final class NodeCompiler {

    private final JinjaEngine jinja;
    private final Linker linker;
    private final Vars vars;
    private final Map<String, Object> target;
    private final Map<String, Object> globals;
    private final Deferral deferral;
    private final boolean fullRefresh;
    private final EventTimeWindow eventTimeWindow;
    private final BatchWindow batch;
    private final boolean incrementalBatch;
    /** --empty: refs and sources render as a select of no rows. */
    private boolean emptyInputs;
    /** Compiles and runs Java models; null when this compiler has none to build. */
    private JavaModels javaModels;
    /** Told each ephemeral model's own compiled code (its own ephemerals injected) as a node reading it compiles. */
    private BiConsumer<ModelNode, String> ephemeralCompiled = (model, sql) -> { };

    public NodeCompiler(JinjaEngine jinja, Linker linker, Vars vars, Map<String, Object> target,
                        Map<String, Object> globals) {
        this(jinja, linker, vars, target, globals, null, false, null, null, false);
    }

    private NodeCompiler(JinjaEngine jinja, Linker linker, Vars vars, Map<String, Object> target,
                         Map<String, Object> globals, Deferral deferral, boolean fullRefresh,
                         EventTimeWindow eventTimeWindow, BatchWindow batch, boolean incrementalBatch) {
        this.eventTimeWindow = eventTimeWindow;
        this.batch = batch;
        this.incrementalBatch = incrementalBatch;
        this.deferral = deferral;
        this.fullRefresh = fullRefresh;
        this.jinja = jinja;
        this.linker = linker;
        this.vars = vars;
        this.target = target;
        this.globals = globals;
    }

    /** The same compiler, with refs to nodes missing from this target resolved by {@code deferral} (--defer). */
    public NodeCompiler withDeferral(Deferral newDeferral) {
        return keepEmpty(new NodeCompiler(jinja, linker, vars, target, globals, newDeferral, fullRefresh, eventTimeWindow,
                batch, incrementalBatch));
    }

    /** The same compiler for a run with or without --full-refresh (is_incremental() depends on it). */
    public NodeCompiler withFullRefresh(boolean newFullRefresh) {
        return keepEmpty(new NodeCompiler(jinja, linker, vars, target, globals, deferral, newFullRefresh, eventTimeWindow,
                batch, incrementalBatch));
    }

    /** The same compiler for a run with --event-time-start/--event-time-end (null: without). */
    public NodeCompiler withEventTimeWindow(EventTimeWindow window) {
        return keepEmpty(new NodeCompiler(jinja, linker, vars, target, globals, deferral, fullRefresh, window, batch,
                incrementalBatch));
    }

    /** The same compiler for a run with --empty (refs and sources read no rows) or without. */
    public NodeCompiler withEmptyInputs(boolean empty) {
        NodeCompiler c = new NodeCompiler(jinja, linker, vars, target, globals, deferral, fullRefresh, eventTimeWindow,
                batch, incrementalBatch);
        c.emptyInputs = empty;
        c.javaModels = javaModels;
        c.ephemeralCompiled = ephemeralCompiled;
        return c;
    }

    /** The window --event-time-start/--event-time-end give, or null. */
    public EventTimeWindow eventTimeWindow() {
        return eventTimeWindow;
    }

    /** A compiler rendering one batch of a microbatch model; {@code incremental} is what is_incremental() returns. */
    public NodeCompiler forBatch(BatchWindow newBatch, boolean incremental) {
        return keepEmpty(new NodeCompiler(jinja, linker, vars, target, globals, deferral, fullRefresh, eventTimeWindow,
                newBatch, incremental));
    }

    private NodeCompiler keepEmpty(NodeCompiler c) {
        c.emptyInputs = emptyInputs;
        c.javaModels = javaModels;
        c.ephemeralCompiled = ephemeralCompiled;
        return c;
    }

    /**
     * The same compiler, telling {@code listener} the compiled code of each ephemeral model a compiled node reads
     * (dbt writes it to target/compiled as it compiles the first such node). Called from the compiling thread.
     */
    public NodeCompiler withCompiledEphemerals(BiConsumer<ModelNode, String> listener) {
        NodeCompiler c = keepEmpty(new NodeCompiler(jinja, linker, vars, target, globals, deferral, fullRefresh,
                eventTimeWindow, batch, incrementalBatch));
        c.ephemeralCompiled = listener;
        return c;
    }

    /** The same compiler, building Java models with {@code models}. */
    public NodeCompiler withJavaModels(JavaModels models) {
        NodeCompiler c = keepEmpty(new NodeCompiler(jinja, linker, vars, target, globals, deferral, fullRefresh,
                eventTimeWindow, batch, incrementalBatch));
        c.javaModels = models;
        return c;
    }

    /** The Java models this compiler builds with (null: none). */
    public JavaModels javaModels() {
        return javaModels;
    }

    /** Whether --full-refresh was given. */
    public boolean fullRefresh() {
        return fullRefresh;
    }

    /** Compiled SQL of a model or analysis, ephemeral CTEs included. */
    public String compile(ModelNode model, EngineSession session, Consumer<String> logger) {
        if ("python".equals(model.language())) {
            // parsed into the DAG (PythonModelReader), but there is no Python in Mallard to run it
            throw new MallardException(ErrorCode.PROJECT, "Python model '" + model.name() + "' cannot run: Mallard"
                    + " runs SQL and Java models, not Python", model.originalFilePath(), 0,
                    "rewrite it as a SQL model (or a Java model), or disable it (config: enabled: false)", null);
        }
        Map<String, String> ctes = new LinkedHashMap<>();
        if (JavaModels.isJava(model)) {
            // a Java model's "compiled code" is the query it returns, or the select over the rows it wrote
            ExecRuntime rt = new ExecRuntime(model, linker, vars, target, session, logger, deferral, fullRefresh,
                    batch, incrementalBatch).withEmptyInputs(emptyInputs)
                .withQuoting(jinja.quoting());
            String sql = javaModels().run(model, rt, logger, model.id().value());
            List<String> visiting = new ArrayList<>(List.of(model.name()));
            addEphemerals(rt, session, logger, ctes, visiting);
            return CteInjection.inject(sql, ctes);
        }
        String sql = renderWithEphemerals(model, model.rawCode(), session, logger, ctes, new ArrayList<>());
        return CteInjection.inject(sql, ctes);
    }

    /** Renders free SQL (hooks, operations) in the context of a node (or none). */
    public String renderSql(String template, String file, Node node, EngineSession session, Consumer<String> logger,
                            Map<String, Object> extra) {
        ExecRuntime rt = new ExecRuntime(node, linker, vars, target, session, logger, deferral, fullRefresh,
                batch, incrementalBatch).withEmptyInputs(emptyInputs)
                .withQuoting(jinja.quoting());
        Map<String, Object> bindings = new LinkedHashMap<>(globals);
        if (node != null) {
            // a hook sees its node as {{ model }}, as in dbt (create_latest_version_view reads model.version)
            bindings.put("model", modelContext(node));
        }
        bindings.putAll(extra);
        return jinja.render(new TemplateFile(file, template), rt, bindings);
    }

    /**
     * The {@code model} a node's templates see: its name, id and file, for a version its version
     * fields, and every other field of its manifest entry (read from the flat graph when asked for).
     */
    @SuppressWarnings("unchecked")
    private Map<String, Object> modelContext(Node node) {
        Map<String, Object> model = new ModelContext(() -> globals.get("graph") instanceof Map<?, ?> graph
                && graph.get("nodes") instanceof Map<?, ?> nodes && nodes.get(node.id().value()) instanceof Map<?, ?> e
                ? (Map<String, Object>) e : null);
        model.put("name", node.name());
        model.put("unique_id", node.id().value());
        model.put("original_file_path", node.originalFilePath());
        if (node instanceof ModelNode m && m.resourceType() == dev.mallard.core.manifest.ResourceType.MODEL) {
            model.put("version", m.version() == null ? null : m.version().v());
            model.put("latest_version", m.version() == null ? null : m.version().latest());
            model.put("deprecation_date", m.deprecationDate());
        }
        return model;
    }

    public Object callMacro(String name, List<Object> args, Map<String, Object> kwargs, EngineSession session,
                            Consumer<String> logger) {
        ExecRuntime rt = new ExecRuntime(null, linker, vars, target, session, logger, deferral, fullRefresh,
                batch, incrementalBatch).withEmptyInputs(emptyInputs)
                .withQuoting(jinja.quoting());
        return jinja.callMacro(name, args, kwargs, rt, globals);
    }

    /** Whether the project or a package defines a macro of this name (which then overrides dbt's own). */
    public boolean definesOwnMacro(String name) {
        return jinja.hasMacro(name) && !"dbt".equals(jinja.macroPackage(name));
    }

    /**
     * The macro of the project's or a package's own materialization {@code name}, or null
     * when Mallard's built-in one applies. As dbt: the adapter's own (e.g. DuckDB's) before the
     * default, and a built-in materialization is replaced only by the root project's adapter-specific one.
     */
    public String materializationMacro(String name) {
        String specific = "materialization_" + name + "_" + jinja.adapterType();
        String fallback = "materialization_" + name + "_default";
        if (CustomMaterialization.BUILT_IN.contains(name)) {
            return jinja.hasMacro(specific) && linker.projectName().equals(jinja.macroPackage(specific))
                    ? specific : null;
        }
        return jinja.hasMacro(specific) ? specific : jinja.hasMacro(fallback) ? fallback : null;
    }

    /**
     * Runs a custom materialization's macro for a node with dbt's context: {@code this},
     * {@code config}, {@code model}, {@code sql}/{@code compiled_code}, {@code pre_hooks} and
     * {@code post_hooks} (rendered, for run_hooks), and statements on the node's session.
     * It must return {@code {'relations': [...]}}, as dbt requires.
     */
    public String runMaterialization(String macro, MaterializationContext ctx, Consumer<String> logger) {
        Node node = ctx.node();
        ExecRuntime rt = new ExecRuntime(node, linker, vars, target, ctx.session(), logger, deferral, fullRefresh,
                batch, incrementalBatch).withEmptyInputs(emptyInputs)
                .withQuoting(jinja.quoting());
        Map<String, Object> bindings = new LinkedHashMap<>(globals);
        Map<String, Object> model = modelContext(node);
        model.put("resource_type", node.resourceType().dbtName());
        model.put("package_name", node.packageName());
        bindings.put("model", model);
        bindings.put("sql", ctx.compiledSql());
        bindings.put("compiled_code", ctx.compiledSql());
        bindings.put("pre_hooks", hookEntries(node, "pre-hook", ctx));
        bindings.put("post_hooks", hookEntries(node, "post-hook", ctx));
        Object result = jinja.callMacro(macro, List.of(), Map.of(), rt, bindings);
        if (!(result instanceof Map<?, ?> map) || !map.containsKey("relations")) {
            throw new MallardException(ErrorCode.JINJA, "materialization '" + node.config().materialized()
                    + "' of " + node.resourceType().dbtName() + " '" + node.name() + "' returned no {'relations': [...]}"
                    + " (its macro must end with return({'relations': [this]}))", node.originalFilePath(), 0);
        }
        return "OK";
    }

    private static List<Object> hookEntries(Node node, String key, MaterializationContext ctx) {
        List<Object> out = new ArrayList<>();
        for (boolean inside : new boolean[] {false, true}) {
            for (String hook : node.config().hooks(key, inside)) {
                out.add(new LinkedHashMap<>(Map.of("sql", ctx.renderHook(hook), "transaction", inside)));
            }
        }
        return out;
    }

    /** Compiled SQL of a data test: a singular test's file, or a generic test's macro call. */
    public String compileTest(TestNode test, EngineSession session, Consumer<String> logger) {
        Map<String, String> ctes = new LinkedHashMap<>();
        if (!test.isGeneric()) {
            String sql = renderWithEphemerals(test, test.rawCode(), session, logger, ctes, new ArrayList<>());
            return CteInjection.inject(sql, ctes);
        }
        ExecRuntime rt = new ExecRuntime(test, linker, vars, target, session, logger, deferral, fullRefresh,
                batch, incrementalBatch).withEmptyInputs(emptyInputs)
                .withQuoting(jinja.quoting());
        Map<String, Object> bindings = new LinkedHashMap<>(globals);
        bindings.put("model", Map.of("name", test.name(), "unique_id", test.id().value(),
                "original_file_path", test.originalFilePath()));
        Map<String, Object> kwargs = GenericTestArguments.kwargs(jinja, test, rt, bindings);
        String macro = (test.metadata().namespace() == null ? "" : test.metadata().namespace() + ".")
                + "test_" + test.metadata().name();
        String sql = String.valueOf(jinja.callMacro(macro, List.of(), kwargs, rt, bindings));
        addEphemerals(rt, session, logger, ctes, new ArrayList<>());
        return CteInjection.inject(sql, ctes);
    }

    /**
     * Compiled SQL of a unit test: its model rendered with every given input as a fixture
     * CTE. Fixtures of dict and csv rows take the column types of the real input relation,
     * which must therefore exist in the database, as in dbt.
     */
    public String compileUnitTest(UnitTestNode test, EngineSession session, Consumer<String> logger) {
        ModelNode model = (ModelNode) linker.resolveRef(test, test.refs().get(0));
        ExecRuntime base = new ExecRuntime(model, linker, vars, target, session, logger)
                .withQuoting(jinja.quoting());
        UnitTestRuntime rt = new UnitTestRuntime(test, model, linker, base, vars);
        Map<String, String> ctes = new LinkedHashMap<>();
        for (UnitTestNode.Fixture given : test.given()) {
            String cte = UnitTestRuntime.cteName(given, model);
            if (given.format() == UnitTestNode.Format.SQL) {
                ctes.putIfAbsent(cte, given.sql());
                continue;
            }
            Relation input = inputRelation(given, model);
            String inputName = cte.substring(ExecRuntime.CTE_PREFIX.length());
            List<ColumnInfo> columns = session.columns(input);
            if (columns.isEmpty()) {
                throw new MallardException(ErrorCode.SQL, "unit test '" + test.name() + "': not able to get the columns "
                        + "of " + given.inputText() + " from relation " + input.render()
                        + " because the relation doesn't exist", test.originalFilePath(), 0,
                        "a unit test takes the column types of its inputs from the database, as dbt does: build "
                        + (given.input() instanceof UnitTestNode.ThisInput ? "model '" + model.name() + "'" : given.inputText())
                        + " first (e.g. mallard run)", null);
            }
            ctes.putIfAbsent(cte, "\n-- Fixture for " + inputName + "\n"
                    + UnitTestFixtures.inputSql(given.rows(), columns, "'" + inputName + "'"));
        }
        if (JavaModels.isJava(model)) {
            // the model's own queries must see the fixtures too, so they become the session's temporary views
            for (Map.Entry<String, String> cte : ctes.entrySet()) {
                session.execute("CREATE OR REPLACE TEMPORARY VIEW " + Relation.quote(cte.getKey()) + " AS (\n"
                        + stripTrailingSemicolon(cte.getValue()) + "\n)");
            }
            return javaModels().run(model, rt, logger, test.id().value());
        }
        Map<String, Object> bindings = new LinkedHashMap<>(globals);
        bindings.put("model", UnitTestModelContext.of(test, model, linker));
        bindings.putAll(jinja.macroOverrides(test.overrides().macros()));
        String sql = StrippedSource.output(model.rawCode(),
                jinja.render(new TemplateFile(model.originalFilePath(), model.rawCode()), rt, bindings));
        return CteInjection.inject(sql, ctes);
    }

    private Relation inputRelation(UnitTestNode.Fixture given, ModelNode model) {
        if (given.input() instanceof UnitTestNode.RefInput r) {
            return linker.resolveRef(model, r.call()).relation();
        }
        if (given.input() instanceof UnitTestNode.SourceInput s) {
            return linker.resolveSource(model, new SourceCall(s.sourceName(), s.tableName(), 0)).relation();
        }
        return model.relation();
    }

    private String renderWithEphemerals(Node node, String rawCode, EngineSession session, Consumer<String> logger,
                                        Map<String, String> ctes, List<String> visiting) {
        ExecRuntime rt = new ExecRuntime(node, linker, vars, target, session, logger, deferral, fullRefresh,
                batch, incrementalBatch).withEmptyInputs(emptyInputs)
                .withQuoting(jinja.quoting());
        Map<String, Object> bindings = new LinkedHashMap<>(globals);
        Map<String, Object> model = modelContext(node);
        if (batch != null) {
            model.put("batch", batch.context());
        }
        bindings.put("model", model);
        String sql = jinja.render(new TemplateFile(node.originalFilePath(), rawCode), rt, bindings);
        if (StrippedSource.applies(node)) {
            sql = StrippedSource.output(rawCode, sql);
        }
        visiting.add(node.name());
        addEphemerals(rt, session, logger, ctes, visiting);
        return sql;
    }

    private void addEphemerals(ExecRuntime rt, EngineSession session, Consumer<String> logger,
                               Map<String, String> ctes, List<String> visiting) {
        for (ModelNode eph : rt.ephemerals) {
            String cteName = ExecRuntime.CTE_PREFIX + eph.name();
            if (ctes.containsKey(cteName) || visiting.contains(eph.name())) {
                continue;
            }
            // an ephemeral's own ephemerals come first, so every CTE is defined before use
            Map<String, String> own = new LinkedHashMap<>();
            String inner = renderWithEphemerals(eph, eph.rawCode(), session, logger, own, new ArrayList<>(visiting));
            ephemeralCompiled.accept(eph, CteInjection.inject(inner, own));
            own.forEach(ctes::putIfAbsent);
            ctes.put(cteName, inner);
        }
    }

    static String stripTrailingSemicolon(String sql) {
        String s = sql.stripTrailing();
        while (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).stripTrailing();
        }
        return s;
    }
}
