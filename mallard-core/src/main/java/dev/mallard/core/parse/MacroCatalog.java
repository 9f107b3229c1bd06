package dev.mallard.core.parse;

import dev.mallard.core.jinja.JinjaEngine;
import dev.mallard.core.jinja.TemplateFile;
import dev.mallard.core.manifest.MacroInfo;
import dev.mallard.core.manifest.ModelNode;
import dev.mallard.core.manifest.Node;
import dev.mallard.core.manifest.NodeId;
import dev.mallard.core.manifest.ResourceType;
import dev.mallard.core.manifest.TestNode;
import dev.mallard.jinja.ast.AstWalker;
import dev.mallard.jinja.ast.Expr;
import dev.mallard.jinja.ast.Stmt;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Every macro of every macro file (dbt's own library, the packages', the project's; an
 * overridden macro is kept under its own package, as dbt lists it), each with its own block
 * text as {@code macro_sql} and the macros it calls as {@code depends_on.macros}.
 * The calls are read statically from the Jinja parser's nodes, as dbt extracts them: a call
 * of a name that is a macro, {@code package.macro(...)}, and for
 * {@code adapter.dispatch('name', ...)} the implementation it reaches.
 */
final class MacroCatalog {
    /**
     * dbt macros Mallard implements in Java rather than in its macro library: a call of one is
     * recorded under dbt's id all the same, as dbt lists it (unless a project or package
     * defines a macro of that name).
     */
    private static final Set<String> NATIVE_DBT_MACROS = Set.of("is_incremental", "run_query", "statement");

    /** dbt renders these generic tests without their arguments, so they call no get_where_subquery. */
    private static final Set<String> TESTS_RENDERED_WITHOUT_ARGUMENTS = Set.of("not_null", "unique");

    private final JinjaEngine jinja;
    private final Set<String> namespaces;
    private final Map<String, MacroInfo> macros = new LinkedHashMap<>();

    private MacroCatalog(JinjaEngine jinja, Set<String> namespaces) {
        this.jinja = jinja;
        this.namespaces = namespaces;
    }

    /**
     * The macros of {@code files}, by unique id, in load order.
     *
     * @param packageOf the package a macro file belongs to
     * @param namespaces the names callable as {@code name.macro} (the project's and packages')
     */
    static Map<String, MacroInfo> of(JinjaEngine jinja, List<TemplateFile> files, Function<String, String> packageOf,
                                     Set<String> namespaces) {
        Set<String> all = new LinkedHashSet<>(namespaces);
        all.add("dbt");
        MacroCatalog catalog = new MacroCatalog(jinja, all);
        List<Stmt.Macro> defs = new ArrayList<>();
        List<String> packages = new ArrayList<>();
        for (TemplateFile file : files) {
            String pkg = packageOf.apply(file.path());
            Map<String, String> blocks = MacroBlocks.of(file.text());
            for (Stmt stmt : jinja.parseMacroFile(file).body()) {
                if (stmt instanceof Stmt.Macro m) {
                    String id = "macro." + pkg + "." + m.name();
                    catalog.macros.put(id, new MacroInfo(id, m.name(), pkg, file.path(), file.path(),
                            blocks.getOrDefault(m.name(), ""), List.of()));
                    defs.add(m);
                    packages.add(pkg);
                }
            }
        }
        // the calls are resolved once every macro is known, so a macro may call one defined after it
        List<MacroInfo> infos = new ArrayList<>(catalog.macros.values());
        Map<String, MacroInfo> out = new LinkedHashMap<>();
        for (int i = 0; i < infos.size(); i++) {
            MacroInfo info = infos.get(i);
            List<String> calls = catalog.calls(defs.get(i).body(), packages.get(i));
            calls.remove(info.uniqueId());
            out.put(info.uniqueId(), new MacroInfo(info.uniqueId(), info.name(), info.packageName(), info.path(),
                    info.originalFilePath(), info.macroSql(), calls));
        }
        return out;
    }

    /**
     * The unique ids of the macros a template's own code calls (not those its macros call in
     * turn), as dbt records a node's {@code depends_on.macros}; empty when it cannot be parsed.
     */
    static List<String> calledBy(JinjaEngine jinja, Map<String, MacroInfo> macros, String path, String text,
                                 Set<String> namespaces) {
        Set<String> all = new LinkedHashSet<>(namespaces);
        all.add("dbt");
        MacroCatalog catalog = new MacroCatalog(jinja, all);
        catalog.macros.putAll(macros);
        try {
            return catalog.calls(jinja.parse(new TemplateFile(path, text)).body(), null);
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /**
     * Each node's {@code depends_on.macros}: for a model, analysis, snapshot or singular test
     * the macros its code calls; for a generic test its test macro.
     */
    static Map<NodeId, List<String>> nodeCalls(JinjaEngine jinja, Map<String, MacroInfo> macros,
                                               Iterable<Node> nodes, Set<String> namespaces,
                                               Map<NodeId, List<String>> known) {
        Map<NodeId, List<String>> out = new LinkedHashMap<>();
        MacroCatalog catalog = new MacroCatalog(jinja, namespaces);
        catalog.macros.putAll(macros);
        for (Node node : nodes) {
            List<String> calls = List.of();
            if (known.containsKey(node.id())) {
                calls = known.get(node.id());
            } else if (node instanceof TestNode t && t.isGeneric()) {
                String ns = t.metadata().namespace();
                String name = "test_" + t.metadata().name();
                String id = ns == null ? catalog.resolve(name, node.packageName()) : "macro." + ns + "." + name;
                calls = id != null && macros.containsKey(id) ? List.of(id) : List.of();
                // dbt renders a generic test's arguments with `model: get_where_subquery(...)`
                String where = catalog.resolve("get_where_subquery", node.packageName());
                boolean bare = (ns == null || "dbt".equals(ns))
                        && TESTS_RENDERED_WITHOUT_ARGUMENTS.contains(t.metadata().name());
                if (!calls.isEmpty() && !bare && where != null) {
                    calls = List.of(id, where);
                }
            } else if (node instanceof TestNode t) {
                calls = calledBy(jinja, macros, t.originalFilePath(), t.rawCode(), namespaces);
            } else if (node instanceof ModelNode m) {
                String path = m.resourceType() == ResourceType.SNAPSHOT ? m.originalFilePath() + "#" + m.name()
                        : m.originalFilePath();
                calls = calledBy(jinja, macros, path, m.rawCode(), namespaces);
            }
            if (node instanceof ModelNode m) {
                calls = withHookCalls(jinja, macros, m, calls, namespaces);
            }
            if (!calls.isEmpty()) {
                out.put(node.id(), List.copyOf(calls));
            }
        }
        return out;
    }

    /**
     * dbt renders a node's hooks while parsing: the macros they call follow the body's, pre-hooks
     * then post-hooks in the node's hook order, each macro once.
     */
    private static List<String> withHookCalls(JinjaEngine jinja, Map<String, MacroInfo> macros, ModelNode m,
                                              List<String> bodyCalls, Set<String> namespaces) {
        List<String> hooks = new java.util.ArrayList<>(m.config().preHooks());
        hooks.addAll(m.config().postHooks());
        if (hooks.stream().noneMatch(h -> h.contains("{{") || h.contains("{%"))) {
            return bodyCalls;
        }
        Set<String> all = new LinkedHashSet<>(bodyCalls);
        for (String hook : hooks) {
            all.addAll(calledBy(jinja, macros, m.originalFilePath(), hook, namespaces));
        }
        return List.copyOf(all);
    }

    /** The macro unqualified calls of {@code name} reach, as a unique id, or null. */
    String resolve(String name, String callerPackage) {
        // a package's macros call the package's own macros first
        if (callerPackage != null && macros.containsKey("macro." + callerPackage + "." + name)) {
            return "macro." + callerPackage + "." + name;
        }
        String pkg = jinja.macroPackage(name);
        String id = pkg == null ? null : "macro." + pkg + "." + name;
        if (id != null && macros.containsKey(id)) {
            return id;
        }
        return pkg == null && NATIVE_DBT_MACROS.contains(name) ? "macro.dbt." + name : null;
    }

    private List<String> calls(List<Stmt> body, String callerPackage) {
        Set<String> found = new LinkedHashSet<>();
        AstWalker.walk(body, new AstWalker.Visitor() {
            @Override
            public void expression(Expr e) {
                if (!(e instanceof Expr.Call c)) {
                    return;
                }
                if (c.fn() instanceof Expr.Name n) {
                    add(found, resolve(n.name(), callerPackage));
                } else if (c.fn() instanceof Expr.GetAttr g && g.obj() instanceof Expr.Name ns) {
                    if (namespaces.contains(ns.name())) {
                        String id = "macro." + ns.name() + "." + g.attr();
                        boolean nativeDbt = "dbt".equals(ns.name()) && NATIVE_DBT_MACROS.contains(g.attr());
                        add(found, macros.containsKey(id) || nativeDbt ? id : null);
                    } else if ("adapter".equals(ns.name()) && "dispatch".equals(g.attr())) {
                        dispatched(c, callerPackage, found);
                    }
                }
            }
        });
        return new ArrayList<>(found);
    }

    /** {@code adapter.dispatch('name', 'package')}: the adapter's implementation, else the default one. */
    private void dispatched(Expr.Call c, String callerPackage, Set<String> found) {
        Expr first = !c.args().positional().isEmpty() ? c.args().positional().get(0)
                : c.args().keywords().stream().filter(k -> k.name().equals("macro_name")).map(Expr.Kwarg::value)
                        .findFirst().orElse(null);
        if (!(first instanceof Expr.Const k) || !(k.value() instanceof String name)) {
            return;
        }
        String namespace = null;
        Expr second = c.args().positional().size() > 1 ? c.args().positional().get(1)
                : c.args().keywords().stream().filter(kw -> kw.name().equals("macro_namespace"))
                        .map(Expr.Kwarg::value).findFirst().orElse(null);
        if (second instanceof Expr.Const ns && ns.value() instanceof String s) {
            namespace = s;
        }
        // dbt lists the implementation the call reaches: the adapter's when there is one, else the default
        for (String prefix : List.of(jinja.adapterType() + "__", "default__")) {
            String id = namespace == null ? null : "macro." + namespace + "." + prefix + name;
            String reached = id != null && macros.containsKey(id) ? id : resolve(prefix + name, callerPackage);
            if (reached != null) {
                found.add(reached);
                return;
            }
        }
    }

    private static void add(Set<String> found, String id) {
        if (id != null) {
            found.add(id);
        }
    }
}
