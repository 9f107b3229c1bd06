package dev.mallard.jinja.eval;

import dev.mallard.jinja.Globals;
import dev.mallard.jinja.TemplateError;
import dev.mallard.jinja.ast.Expr;
import dev.mallard.jinja.ast.Pos;
import dev.mallard.jinja.ast.Stmt;
import dev.mallard.jinja.ast.TemplateAst;
import dev.mallard.jinja.lib.Filter;
import dev.mallard.jinja.lib.Library;
import dev.mallard.jinja.lib.Test;
import dev.mallard.jinja.value.Args;
import dev.mallard.jinja.value.CallSite;
import dev.mallard.jinja.value.Containers;
import dev.mallard.jinja.value.JinjaError;
import dev.mallard.jinja.value.MacroReturn;
import dev.mallard.jinja.value.MutableAttrs;
import dev.mallard.jinja.value.Py;
import dev.mallard.jinja.value.PyCallable;
import dev.mallard.jinja.value.Undefined;
import java.util.List;

/**
 * One render: runs a template's statements over a chain of scopes, with the library's
 * filters and tests and the host's globals. Not thread-safe; make one per render (cheap).
 */
public final class Renderer implements CallSite {
    private static final int MAX_MACRO_DEPTH = 250;

    final Library library;
    private final Globals globals;
    /**
     * Whether undefined values absorb attribute reads and calls here: dbt's parse-time capture
     * for the rendered node's own text (and the macros and call blocks it defines), never inside
     * a project macro, whose template dbt builds with Jinja's plain Undefined.
     */
    boolean lenient;
    private final Expressions expressions;
    private BlockListener listener;
    private OutermostCalls hostCalls = OutermostCalls.NONE;
    private int depth;
    String source;
    int line;
    /** True while evaluating an expression Jinja2 would have folded to a constant. */
    boolean folding;

    /** Told about dbt blocks that render in place (snapshots) as they are rendered. */
    public interface BlockListener {
        void snapshot(String name, String renderedBody, Pos pos);
    }

    public Renderer(Library library, Globals globals, boolean lenient) {
        this.library = library;
        this.globals = globals;
        this.lenient = lenient;
        this.expressions = new Expressions(this);
    }

    public Renderer listener(BlockListener listener) {
        this.listener = listener;
        return this;
    }

    public Renderer macroCalls(MacroCalls macroCalls) {
        this.hostCalls = new OutermostCalls(macroCalls);
        return this;
    }

    /** Renders a template to text. */
    public String render(TemplateAst template) {
        return run(template, false).text.toString();
    }

    /**
     * Renders as dbt's native environment does: a template that is one expression yields
     * that value (not its text); anything else yields the text.
     */
    public List<Object> renderItems(TemplateAst template) {
        return run(template, true).items;
    }

    /**
     * Renders as dbt renders YAML values (its native environment): see {@link NativeConcat}.
     */
    public Object renderNative(TemplateAst template) {
        return NativeConcat.of(renderItems(template), template.name());
    }

    private Out run(TemplateAst template, boolean nativeMode) {
        Out out = new Out(nativeMode);
        String saved = source;
        source = template.source();
        try {
            exec(template.body(), new Frame(null), out);
        } catch (LoopSignal s) {
            throw new TemplateError(TemplateError.Kind.RUNTIME, "'break' or 'continue' outside a loop",
                    template.name(), 1, 0, null, null);
        } catch (MacroReturn r) {
            throw new TemplateError(TemplateError.Kind.RUNTIME, "return() is only allowed inside a macro",
                    template.name(), 1, 0, null, null);
        } catch (StackOverflowError e) {
            throw new TemplateError(TemplateError.Kind.RUNTIME, "maximum recursion depth exceeded",
                    template.name(), 1, 0, null, null);
        } finally {
            source = saved;
        }
        return out;
    }

    /** Calls a value (a macro, a global, a bound method) from host code, e.g. a macro by name. */
    @Override
    public Object call(Object fn, Args args) {
        if (fn instanceof PyCallable c) {
            return hostCalls.call(c, this, args);
        }
        if (fn instanceof Undefined u) {
            if (lenient || u.lenient()) {
                return Undefined.name(u.name() instanceof String s ? s : "?", true);
            }
            throw u.error();
        }
        throw new JinjaError("'" + Py.typeName(fn) + "' object is not callable");
    }

    // ---- statements ----

    void exec(List<Stmt> body, Frame f, Out out) {
        for (int i = 0, n = body.size(); i < n; i++) {
            exec(body.get(i), f, out);
        }
    }

    private void exec(Stmt s, Frame f, Out out) {
        if (s instanceof Stmt.Text t) {
            out.text(t.text());
        } else if (s instanceof Stmt.Print p) {
            if (out.items != null) {
                printNative(p.expr(), f, out);
            } else {
                out.value(print(p.expr(), f));
            }
        } else if (s instanceof Stmt.If i) {
            exec(Py.truthy(eval(i.test(), f)) ? i.body() : i.orelse(), f, out);
        } else if (s instanceof Stmt.For loop) {
            ForLoop.run(this, loop, eval(loop.iter(), f), f, out, 0);
        } else if (s instanceof Stmt.Set set) {
            assign(set.target(), eval(set.value(), f), f, set.pos());
        } else if (s instanceof Stmt.Macro m) {
            f.set(m.name(), new MacroValue(m, f, source, lenient));
        } else if (s instanceof Stmt.Do d) {
            eval(d.expr(), f);
        } else if (s instanceof Stmt.CallBlock c) {
            execCallBlock(c, f, out);
        } else if (s instanceof Stmt.SetBlock sb) {
            Out body = new Out(false);
            exec(sb.body(), new Frame(f), body);
            assign(sb.target(), applyFilters(sb.filters(), body.text.toString(), f), f, sb.pos());
        } else if (s instanceof Stmt.FilterBlock fb) {
            Out body = new Out(false);
            exec(fb.body(), f, body);
            out.value(applyFilters(fb.filters(), body.text.toString(), f));
        } else if (s instanceof Stmt.With w) {
            Frame inner = new Frame(f);
            for (int i = 0; i < w.targets().size(); i++) {
                assign(w.targets().get(i), eval(w.values().get(i), f), inner, w.pos());
            }
            exec(w.body(), inner, out);
        } else if (s instanceof Stmt.Break) {
            throw LoopSignal.BREAK;
        } else if (s instanceof Stmt.Continue) {
            throw LoopSignal.CONTINUE;
        } else if (s instanceof Stmt.Scoped sc) {
            exec(sc.body(), new Frame(f), out);
        } else if (s instanceof Stmt.Snapshot snap) {
            Out body = new Out(false);
            exec(snap.body(), f, body);
            String sql = body.text.toString();
            if (listener != null) {
                listener.snapshot(snap.name(), sql, snap.pos());
            }
            out.text(sql);
        } else if (s instanceof Stmt.Docs) {
            return;
        } else {
            throw new IllegalStateException("unknown statement " + s.getClass().getSimpleName());
        }
    }

    /**
     * A printed expression. Jinja2 folds an all-constant one at compile time with getitem
     * semantics for subscripts (see {@link ConstantFolding}); the rest is evaluated as usual.
     */
    private Object print(Expr e, Frame f) {
        if (e instanceof Expr.Name || e instanceof Expr.Const || !ConstantFolding.foldable(e)) {
            return eval(e, f);
        }
        folding = true;
        try {
            return eval(e, f);
        } catch (TemplateError err) {
            folding = false;
            return eval(e, f);
        } finally {
            folding = false;
        }
    }

    /**
     * A printed expression in native mode. Jinja2's native code generator emits an expression it
     * folded at compile time as the constant's text, so {@code {{ 1 + 1 }}} renders the string
     * "2" while {@code {{ x + 1 }}} renders the number; a value without a safe repr (a
     * {@code as_number} marker) is not folded.
     */
    private void printNative(Expr e, Frame f, Out out) {
        if (e instanceof Expr.Name || !ConstantFolding.foldable(e)) {
            out.value(eval(e, f));
            return;
        }
        folding = true;
        Object v;
        try {
            v = eval(e, f);
        } catch (TemplateError err) {
            folding = false;
            out.value(eval(e, f));
            return;
        } finally {
            folding = false;
        }
        if (ConstantFolding.hasSafeRepr(v)) {
            out.text(Py.str(v));
        } else {
            out.value(v);
        }
    }

    private Object applyFilters(List<Expr.Filter> filters, Object value, Frame f) {
        Object v = value;
        for (Expr.Filter filter : filters) {
            v = expressions.filter(filter, v, f);
        }
        return v;
    }

    private void execCallBlock(Stmt.CallBlock c, Frame f, Out out) {
        Stmt.Macro callerDef = new Stmt.Macro(c.pos(), "caller", c.params(), c.body(), Stmt.Macro.Kind.MACRO,
                false, c.usesVarargs(), c.usesKwargs());
        MacroValue caller = new MacroValue(callerDef, f, source, lenient);
        Expr.Call call = c.call();
        Object fn = eval(call.fn(), f);
        Args args = expressions.args(call.args(), f, caller);
        try {
            out.value(call(fn, args));
        } catch (TemplateError e) {
            throw fn instanceof MacroValue m ? e.passedThrough(m.name(), call.pos()) : e;
        } catch (JinjaError e) {
            throw locate(e, call.pos());
        }
    }

    void assign(Expr target, Object value, Frame f, Pos pos) {
        if (target instanceof Expr.Name n) {
            f.set(n.name(), value);
        } else if (target instanceof Expr.TupleLit t) {
            List<Object> values;
            try {
                values = Containers.toList(value);
            } catch (JinjaError e) {
                throw locate(new JinjaError("cannot unpack non-iterable " + Py.typeName(value) + " object"), pos);
            }
            int want = t.items().size();
            if (values.size() > want) {
                throw locate(new JinjaError("too many values to unpack (expected " + want + ")"), pos);
            }
            if (values.size() < want) {
                throw locate(new JinjaError("not enough values to unpack (expected " + want + ", got "
                        + values.size() + ")"), pos);
            }
            for (int i = 0; i < want; i++) {
                assign(t.items().get(i), values.get(i), f, pos);
            }
        } else if (target instanceof Expr.GetAttr ga && ga.obj() instanceof Expr.Name) {
            Object obj = eval(ga.obj(), f);
            if (!(obj instanceof MutableAttrs m)) {
                throw locate(new JinjaError("cannot assign attribute on non-namespace object"), pos);
            }
            m.setAttr(ga.attr(), value);
        } else {
            throw locate(new JinjaError("can't assign to " + target.getClass().getSimpleName()), pos);
        }
    }

    // ---- macros ----

    Object invokeMacro(MacroValue macro, Args args) {
        Stmt.Macro def = macro.def;
        if (++depth > MAX_MACRO_DEPTH) {
            depth--;
            throw new JinjaError("maximum recursion depth exceeded while calling macro '" + def.name() + "'");
        }
        String savedSource = source;
        boolean savedLenient = lenient;
        source = macro.source;
        lenient = macro.lenient;
        try {
            Frame frame = new Frame(macro.closure);
            MacroArguments.bind(this, def, args, frame);
            Out out = new Out(false);
            exec(def.body(), frame, out);
            return out.text.toString();
        } catch (MacroReturn r) {
            return r.value();
        } finally {
            source = savedSource;
            lenient = savedLenient;
            depth--;
        }
    }

    // ---- expressions and errors ----

    Object eval(Expr e, Frame f) {
        return expressions.eval(e, f);
    }

    Object lookupName(String name, Frame f) {
        Object v = f == null ? Py.NOT_FOUND : f.lookup(name);
        if (v != Py.NOT_FOUND) {
            return v;
        }
        v = globals.get(name);
        return v != Py.NOT_FOUND ? v : Undefined.name(name, lenient);
    }

    TemplateError locate(RuntimeException e, Pos pos) {
        if (e instanceof TemplateError t) {
            return t;
        }
        // a failure without a message is a bug of ours or the host's; never show a Java class name
        String message = e.getMessage() == null || e.getMessage().isBlank()
                ? "internal error while rendering (run with --debug for details)" : e.getMessage();
        return new TemplateError(TemplateError.Kind.RUNTIME, message, pos.file(), pos.line(), pos.column(),
                TemplateError.lineOf(source, pos.line()), e instanceof JinjaError ? null : e);
    }

    // ---- CallSite ----

    @Override
    public Object filter(String name, Object value, Args args) {
        Filter filter = library.filter(name);
        if (filter == null) {
            throw new JinjaError("No filter named '" + name + "'.");
        }
        return filter.apply(this, value, args);
    }

    @Override
    public boolean test(String name, Object value, Args args) {
        Test test = library.test(name);
        if (test == null) {
            throw new JinjaError("No test named '" + name + "'.");
        }
        return test.test(this, value, args);
    }

    @Override
    public int line() {
        return line;
    }

    @Override
    public Object lookup(String name) {
        return lookupName(name, null);
    }

    @Override
    public boolean lenientUndefined() {
        return lenient;
    }

    @Override
    public Object getAttr(Object obj, String name) {
        return Access.getAttr(obj, name, lenient);
    }

    @Override
    public Object getItem(Object obj, Object key) {
        return Access.getItem(obj, key, lenient);
    }
}
