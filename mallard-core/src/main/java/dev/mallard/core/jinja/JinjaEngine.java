package dev.mallard.core.jinja;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.jinja.Environment;
import dev.mallard.jinja.Globals;
import dev.mallard.jinja.TemplateError;
import dev.mallard.jinja.ast.Stmt;
import dev.mallard.jinja.ast.TemplateAst;
import dev.mallard.jinja.eval.MacroValue;
import dev.mallard.jinja.eval.Renderer;
import dev.mallard.jinja.lib.DbtNativeFilters;
import dev.mallard.jinja.lib.Library;
import dev.mallard.jinja.value.Args;
import dev.mallard.jinja.value.CallSite;
import dev.mallard.jinja.value.JinjaError;
import dev.mallard.jinja.value.Py;
import dev.mallard.jinja.value.PyCallable;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Mallard's Jinja engine ({@code mallard-jinja}) with dbt's context on top: the project's
 * macros (parsed once, shared by every render), dbt's functions and objects, and per render
 * the invocation's {@link DbtRuntime}. Thread-safe: each render gets its own renderer.
 */
public final class JinjaEngine {
    private static final Library LIBRARY = Library.standard();
    /** dbt's native rendering (YAML values) has its own as_bool/as_number/as_native/as_text. */
    private static final Library NATIVE_LIBRARY = nativeLibrary();

    /** Parsed templates are cached per engine, i.e. per project: a parse's ASTs serve its run. */
    private final Environment environment = new Environment(LIBRARY);

    private final Map<String, Object> macros = new HashMap<>();
    private final Map<String, String> macroFiles = new HashMap<>();
    /** The package that defined the macro the shared table holds under each name (null: unknown). */
    private final Map<String, String> macroPackages = new HashMap<>();
    /** Each package's own macros, for {@code pkg.macro} (the shared table lets the project override). */
    private final Map<String, Map<String, Object>> packageMacros = new HashMap<>();
    /** What a bare name finds after the node's own package, and each macro's unique id. */
    private final MacroTable table;
    private final Map<String, Object> statics = new HashMap<>();
    private final Map<String, Object> defaults;
    /** The root project's name (null when unknown): its nodes see the shared table first. */
    private final String rootPackage;
    private final String adapterType;
    private final Map<String, Object> quoting;

    public JinjaEngine(List<TemplateFile> macroSources) {
        this(macroSources, Set.of());
    }

    /**
     * An engine whose macros may also be called through package namespaces, e.g. the
     * project's own name and its installed packages ({@code dbt_utils.star(...)}).
     * Every syntax error of every macro file is reported at once, in the order given.
     */
    public JinjaEngine(List<TemplateFile> macroSources, Set<String> packageNames) {
        this(macroSources, List.of(), JinjaPackages.none(packageNames));
    }

    /**
     * A project's engine: parses its macro files and, to report every syntax error of the
     * project at once (in path order), its other templates too; they stay cached for the run.
     */
    public static JinjaEngine forProject(List<TemplateFile> macroSources, List<TemplateFile> templates,
                                         Set<String> packageNames) {
        return new JinjaEngine(macroSources, templates, JinjaPackages.none(packageNames));
    }

    /**
     * A project's engine, knowing which package each macro file belongs to: {@code pkg.macro}
     * finds that package's own macro even where the project defines one of the same name, a
     * package's node finds its package's macros first, and {@code adapter.dispatch} follows
     * the search orders.
     */
    public static JinjaEngine forProject(List<TemplateFile> macroSources, List<TemplateFile> templates,
                                         JinjaPackages packages) {
        return new JinjaEngine(macroSources, templates, packages);
    }

    /** The {@code quoting:} of dbt_project.yml, the quote policy of ref(), this and adapter relations. */
    public Map<String, Object> quoting() {
        return quoting;
    }

    /** The target's adapter type, as {@code adapter.type()} gives it. */
    public String adapterType() {
        return adapterType;
    }

    private JinjaEngine(List<TemplateFile> macroSources, List<TemplateFile> templates, JinjaPackages packages) {
        this.rootPackage = packages.root();
        this.table = new MacroTable(rootPackage);
        this.adapterType = packages.adapterType();
        this.quoting = packages.quoting();
        List<TemplateError> errors = new ArrayList<>();
        MacroNames names = new MacroNames();
        for (TemplateFile file : macroSources) {
            try {
                defineMacros(file, packages.packageOf().apply(file.path()), names);
            } catch (TemplateError e) {
                errors.add(e);
            }
        }
        templates.parallelStream().forEach(file -> {
            try {
                environment.parse(file.path(), file.text());
            } catch (TemplateError e) {
                synchronized (errors) {
                    errors.add(e);
                }
            }
        });
        if (!errors.isEmpty()) {
            errors.sort(java.util.Comparator.comparing(TemplateError::file).thenComparingInt(TemplateError::line));
            throw TemplateErrors.syntax(errors);
        }
        names.requireUnique();
        Map<String, Object> shared = Collections.unmodifiableMap(macros);
        statics.putAll(DbtFunctions.all());
        PyCallable plainVar = (PyCallable) statics.get("var");
        statics.put("var", (PyCallable) (site, a) -> renderedVar(site, a, plainVar.call(site, a)));
        statics.putAll(DataFunctions.all());
        // dbt's builtins: the context's own functions, which a project macro of the same name
        // (e.g. an overriding ref) calls as builtins.ref(...)
        Map<String, Object> builtins = new LinkedHashMap<>();
        for (String name : List.of("ref", "source", "config", "var", "env_var", "log", "print", "return",
                "is_incremental", "run_query")) {
            builtins.put(name, statics.get(name));
        }
        statics.put("builtins", Collections.unmodifiableMap(builtins));
        statics.put("statement", new StatementMacro());
        statics.put("load_result", StatementMacro.loadResultFunction());
        for (String name : List.of("statement", "run_query", "is_incremental")) {
            table.defineBuiltin(name, statics.get(name));
        }
        statics.put("adapter", new AdapterObject(new Dispatcher(shared, packageMacros, packages.root(),
                packages.dispatch(), adapterType), packages.flags(), adapterType, quoting));
        statics.put("exceptions", new ExceptionsObject());
        statics.put("modules", new ModulesObject());
        statics.put("api", new ApiObject(quoting));
        Map<String, Object> dbtNatives = new HashMap<>();
        for (String name : List.of("is_incremental", "run_query", "statement", "load_result")) {
            dbtNatives.put(name, statics.get(name));
        }
        statics.put("dbt", new MacroNamespace("dbt", packageMacros.getOrDefault("dbt", Map.of()), shared,
                dbtNatives));
        for (String name : packages.names()) {
            statics.put(name, new MacroNamespace(name, packageMacros.getOrDefault(name, Map.of()), shared));
        }
        this.defaults = Map.of(
                "dbt_version", dev.mallard.core.artifacts.ArtifactMetadata.DBT_VERSION,
                "run_started_at", PyDatetime.of(ZonedDateTime.now(java.time.ZoneOffset.UTC)),
                "invocation_id", dev.mallard.core.events.Invocation.id());
    }

    /** dbt's {@code run_started_at} of an invocation started at {@code instant}: an aware datetime in UTC. */
    public static Object runStartedAt(java.time.Instant instant) {
        return PyDatetime.of(instant.atZone(java.time.ZoneOffset.UTC));
    }

    private static Library nativeLibrary() {
        Library lib = Library.standard();
        DbtNativeFilters.register(lib);
        return lib;
    }

    private void defineMacros(TemplateFile file, String packageName, MacroNames names) {
        TemplateAst ast = environment.parse(file.path(), MacroFileText.blocksOnly(file.text()));
        for (Stmt stmt : ast.body()) {
            if (stmt instanceof Stmt.Macro m) {
                if (packageName != null && !packageName.equals("dbt")) {
                    names.add(packageName, m.name(), m.pos());
                }
                MacroValue macro = MacroValue.global(m, ast.source());
                table.define(packageName, m.name(), macro);
                macros.put(m.name(), macro);
                macroFiles.put(m.name(), file.path());
                if (packageName != null) {
                    macroPackages.put(m.name(), packageName);
                } else {
                    macroPackages.remove(m.name());
                }
                if (packageName != null) {
                    packageMacros.computeIfAbsent(packageName, k -> new HashMap<>()).put(m.name(), macro);
                }
            }
        }
    }

    /**
     * Bindings that apply a unit test's {@code overrides: macros:} as dbt does: a call of an
     * overridden macro returns the given value whatever its arguments, for {@code pkg.macro}
     * through the package's namespace (so the package's own macros see it too), for a bare
     * name through the global one. {@code is_incremental} is the runtime's, and a name that
     * is neither a macro nor a context member is ignored, as dbt ignores it.
     */
    public Map<String, Object> macroOverrides(Map<String, Object> overrides) {
        return MacroOverrides.bindings(macros, statics, overrides);
    }

    public boolean hasMacro(String name) {
        return macros.containsKey(name)
                || name.indexOf('.') > 0 && macros.containsKey(name.substring(name.lastIndexOf('.') + 1));
    }

    /** The file a project macro was defined in, or null. */
    public String macroFile(String name) {
        return macroFiles.get(name);
    }

    /** The package whose macro unqualified calls of {@code name} reach ("dbt" for dbt's), or null. */
    public String macroPackage(String name) {
        return macroPackages.get(name);
    }

    public Set<String> macroNames() {
        return Set.copyOf(macros.keySet());
    }

    /** Parses a macro file as dbt does: its top-level blocks only (see {@link MacroFileText}). */
    public TemplateAst parseMacroFile(TemplateFile file) {
        return parse(new TemplateFile(file.path(), MacroFileText.blocksOnly(file.text())));
    }

    /** Parses a template (cached) without rendering it; a syntax error is a MallardException. */
    public TemplateAst parse(TemplateFile template) {
        try {
            return environment.parse(template.path(), template.text());
        } catch (TemplateError e) {
            throw TemplateErrors.syntax(List.of(e));
        }
    }

    /** Renders a template with the dbt context bound to {@code runtime}. */
    public String render(TemplateFile template, DbtRuntime runtime, Map<String, Object> extra) {
        return renderForResult(template, runtime, extra).output();
    }

    /** Renders a template and also reports what its tags declared (snapshot blocks). */
    public Rendered renderForResult(TemplateFile template, DbtRuntime runtime, Map<String, Object> extra) {
        TemplateAst ast = parse(template);
        List<Rendered.SnapshotBlock> snapshots = new ArrayList<>(1);
        Renderer renderer = renderer(runtime, extra).listener((name, sql, pos) ->
                snapshots.add(new Rendered.SnapshotBlock(name, sql, pos.line())));
        try {
            return new Rendered(renderer.render(ast), snapshots);
        } catch (TemplateError e) {
            throw TemplateErrors.toMallard(e, macroFiles);
        }
    }

    /**
     * Renders a YAML value as dbt does (natively): {@code "{{ 4 }}"} is the number 4,
     * {@code "{{ 'true' | as_bool }}"} the boolean true; other templates give their text.
     */
    public Object renderNative(TemplateFile template, DbtRuntime runtime, Map<String, Object> extra) {
        TemplateAst ast = parse(template);
        try {
            return renderer(runtime, extra, NATIVE_LIBRARY).renderNative(ast);
        } catch (TemplateError e) {
            throw TemplateErrors.toMallard(e, macroFiles);
        }
    }

    /** A macro by name; {@code package.macro} (a package's generic test) is that package's own, else the shared one. */
    private Object findMacro(String name) {
        Object macro = macros.get(name);
        if (macro == null && name.indexOf('.') > 0) {
            String pkg = name.substring(0, name.lastIndexOf('.'));
            String bare = name.substring(name.lastIndexOf('.') + 1);
            macro = packageMacros.getOrDefault(pkg, Map.of()).get(bare);
            if (macro == null) {
                macro = macros.get(bare);
            }
        }
        return macro;
    }

    /** The parameter names of the macro callMacro would call, or null when it reads kwargs (takes any) or is none. */
    public List<String> macroParameters(String name) {
        return findMacro(name) instanceof MacroValue m && !m.definition().usesKwargs()
                ? m.definition().params().stream().map(p -> p.name()).toList() : null;
    }

    /** Calls a project macro by name, returning its return() value or its rendered text. */
    public Object callMacro(String name, List<Object> args, Map<String, Object> kwargs, DbtRuntime runtime,
                            Map<String, Object> extra) {
        Object macro = findMacro(name);
        if (macro == null) {
            throw new MallardException(ErrorCode.JINJA, "macro '" + name + "' is not defined");
        }
        Renderer renderer = renderer(runtime, extra);
        try {
            return renderer.call(macro, Args.of(new ArrayList<>(args), new LinkedHashMap<>(kwargs)));
        } catch (TemplateError e) {
            throw TemplateErrors.toMallard(e.passedThrough(name, null), macroFiles);
        } catch (JinjaError e) {
            // raised binding the arguments, before the macro's body ran
            throw new MallardException(ErrorCode.JINJA, e.getMessage(), macroFile(name), 0);
        }
    }

    /**
     * A var's value as dbt returns it: a string is rendered when it is read, in the reading
     * node's context, so {@code vars: {orders: "{{ source('shop', 'orders') }}"}} gives the
     * source's relation and makes the source a dependency of the node. dbt renders it with
     * Jinja's plain Undefined even while parsing: a call of an undefined name fails the parse,
     * as in dbt, and the error names the var and the file it is set in.
     */
    private Object renderedVar(CallSite site, Args args, Object value) {
        if (value instanceof String s && (s.contains("{{") || s.contains("{%"))) {
            DbtRuntime runtime = DbtFunctions.runtime(site);
            String name = Py.str(args.get(0, "name", null));
            String origin = runtime.varOrigin(name);
            TemplateFile template = new TemplateFile("var '" + name + "' in " + (origin == null ? "dbt_project.yml"
                    : origin), s);
            TemplateAst ast = parse(template);
            try {
                return renderer(runtime, null, LIBRARY, false).render(ast);
            } catch (TemplateError e) {
                // no file of its own: the render reading the var places it at the var() call (file and line)
                MallardException inner = TemplateErrors.toMallard(e, macroFiles);
                String where = inner.file() + (inner.line() > 0 ? ":" + inner.line()
                        + (inner.column() > 0 ? ":" + inner.column() : "") : "");
                throw new MallardException(inner.code(), where + ": " + inner.getMessage(), null, 0, inner.hint(), inner);
            }
        }
        return value;
    }

    private Renderer renderer(DbtRuntime runtime, Map<String, Object> extra) {
        return renderer(runtime, extra, LIBRARY);
    }

    private Renderer renderer(DbtRuntime runtime, Map<String, Object> extra, Library library) {
        // dbt parses with an Undefined that absorbs calls and attribute reads (capture_macros)
        return renderer(runtime, extra, library, !runtime.execute());
    }

    private Renderer renderer(DbtRuntime runtime, Map<String, Object> extra, Library library, boolean lenient) {
        Map<String, Object> bindings = new HashMap<>(defaults);
        bindings.put(DbtFunctions.RUNTIME_KEY, runtime);
        bindings.put(StatementMacro.STATEMENTS_KEY, new HashMap<String, Object>());
        bindings.put("execute", runtime.execute());
        bindings.put("target", runtime.target());
        RelationValue self = runtime.thisRelation();
        if (self != null) {
            bindings.put("this", self);
        }
        if (extra != null) {
            bindings.putAll(extra);
        }
        if (!runtime.execute()) {
            // dbt's graph is empty while it parses
            bindings.putIfAbsent("graph", new HashMap<String, Object>());
        }
        Map<String, Object> builtins = environment.library().globals();
        // a package's node calls its package's macros first, as dbt's local namespace
        String pkg = runtime.packageName();
        Map<String, Object> local = pkg == null || pkg.equals(rootPackage) ? null : packageMacros.get(pkg);
        Globals globals = name -> {
            Object v = bindings.get(name);
            if (v != null || bindings.containsKey(name)) {
                return v;
            }
            if (local != null) {
                v = local.get(name);
                if (v != null) {
                    return v;
                }
            }
            v = rootPackage == null ? macros.get(name) : table.find(name);
            if (v != null) {
                return v;
            }
            v = statics.get(name);
            if (v != null) {
                return v;
            }
            v = builtins.get(name);
            return v != null ? v : Py.NOT_FOUND;
        };
        return new Renderer(library, globals, lenient).macroCalls(table.callsReportedTo(runtime));
    }
}
