package dev.mallard.jinja.eval;

import dev.mallard.jinja.TemplateError;
import dev.mallard.jinja.ast.Expr;
import dev.mallard.jinja.value.Args;
import dev.mallard.jinja.value.Arithmetic;
import dev.mallard.jinja.value.Containers;
import dev.mallard.jinja.value.JinjaError;
import dev.mallard.jinja.value.Py;
import dev.mallard.jinja.value.PyTuple;
import dev.mallard.jinja.value.Undefined;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Evaluates expression nodes with Python's semantics; errors are placed at the innermost node. */
final class Expressions {
    private final Renderer r;

    Expressions(Renderer r) {
        this.r = r;
    }

    Object eval(Expr e, Frame f) {
        if (e instanceof Expr.Const c) {
            return c.value();
        }
        if (e instanceof Expr.Name n) {
            return r.lookupName(n.name(), f);
        }
        try {
            return evalCompound(e, f);
        } catch (TemplateError | LoopSignal | dev.mallard.jinja.value.MacroReturn pass) {
            throw pass;
        } catch (StackOverflowError so) {
            throw r.locate(new JinjaError("maximum recursion depth exceeded"), e.pos());
        } catch (RuntimeException err) {
            throw r.locate(err, e.pos());
        }
    }

    private Object evalCompound(Expr e, Frame f) {
        if (e instanceof Expr.GetAttr ga) {
            Object obj = eval(ga.obj(), f);
            if (obj instanceof Undefined u && !r.lenient && !u.lenient()) {
                throw r.locate(u.error(), start(ga.obj()));
            }
            return Access.getAttr(obj, ga.attr(), r.lenient);
        }
        if (e instanceof Expr.Call c) {
            Object fn = eval(c.fn(), f);
            if (fn instanceof Undefined u && !r.lenient && !u.lenient()) {
                throw r.locate(u.error(), start(c.fn()));
            }
            Args a = args(c.args(), f, null);
            r.line = c.pos().line();
            if (fn instanceof MacroValue m) {
                try {
                    return r.call(fn, a);
                } catch (TemplateError err) {
                    throw err.passedThrough(m.name(), c.pos());
                }
            }
            return r.call(fn, a);
        }
        if (e instanceof Expr.Filter fl) {
            return filter(fl, eval(fl.input(), f), f);
        }
        if (e instanceof Expr.Binary b) {
            return binary(b.op(), eval(b.left(), f), eval(b.right(), f));
        }
        if (e instanceof Expr.Compare c) {
            return compare(c, f);
        }
        if (e instanceof Expr.Logical l) {
            Object left = eval(l.left(), f);
            if (l.op().equals("and")) {
                return Py.truthy(left) ? eval(l.right(), f) : left;
            }
            return Py.truthy(left) ? left : eval(l.right(), f);
        }
        if (e instanceof Expr.Not n) {
            return !Py.truthy(eval(n.operand(), f));
        }
        if (e instanceof Expr.GetItem gi) {
            Object obj = eval(gi.obj(), f);
            if (gi.key() instanceof Expr.Slice s) {
                Object start = part(s.start(), f);
                Object stop = part(s.stop(), f);
                Object step = part(s.step(), f);
                try {
                    return Access.slice(obj, start, stop, step, r.lenient);
                } catch (JinjaError err) {
                    // Jinja2's optimizer folds an all-constant subscript through getitem, which
                    // turns Python's TypeError into an Undefined; at run time slices raise
                    if (r.folding && !(err instanceof dev.mallard.jinja.value.UndefinedError)
                            && !err.getMessage().startsWith("slice step")) {
                        return Undefined.member(obj, "slice", r.lenient);
                    }
                    throw err;
                }
            }
            return Access.getItem(obj, eval(gi.key(), f), r.lenient);
        }
        if (e instanceof Expr.ListLit l) {
            List<Object> out = new ArrayList<>(l.items().size());
            for (Expr item : l.items()) {
                out.add(eval(item, f));
            }
            return out;
        }
        if (e instanceof Expr.DictLit d) {
            Map<Object, Object> out = new LinkedHashMap<>();
            for (int i = 0; i < d.keys().size(); i++) {
                Object key = eval(d.keys().get(i), f);
                Object value = eval(d.values().get(i), f);
                Object existing = Containers.dictKey(out, key);
                out.put(existing == Py.NOT_FOUND ? key : existing, value);
            }
            return out;
        }
        if (e instanceof Expr.TupleLit t) {
            Object[] items = new Object[t.items().size()];
            for (int i = 0; i < items.length; i++) {
                items[i] = eval(t.items().get(i), f);
            }
            return PyTuple.of(items);
        }
        if (e instanceof Expr.Cond c) {
            if (Py.truthy(eval(c.test(), f))) {
                return eval(c.then(), f);
            }
            if (c.otherwise() == null) {
                return Undefined.hint("the inline if-expression on line " + c.pos().line()
                        + " evaluated to false and no else section was defined.", r.lenient);
            }
            return eval(c.otherwise(), f);
        }
        if (e instanceof Expr.Test t) {
            return r.test(t.name(), eval(t.input(), f), args(t.args(), f, null));
        }
        if (e instanceof Expr.Unary u) {
            Object v = eval(u.operand(), f);
            return u.op().equals("-") ? Arithmetic.neg(v) : Arithmetic.pos(v);
        }
        if (e instanceof Expr.Slice) {
            throw new JinjaError("a slice is only allowed inside []");
        }
        throw new IllegalStateException("unknown expression " + e.getClass().getSimpleName());
    }

    /** Where an expression starts in the source: its leftmost token (for carets under names). */
    static dev.mallard.jinja.ast.Pos start(Expr e) {
        Expr cur = e;
        while (true) {
            if (cur instanceof Expr.GetAttr g) {
                cur = g.obj();
            } else if (cur instanceof Expr.GetItem g) {
                cur = g.obj();
            } else if (cur instanceof Expr.Call c) {
                cur = c.fn();
            } else if (cur instanceof Expr.Filter fl && fl.input() != null) {
                cur = fl.input();
            } else {
                return cur.pos();
            }
        }
    }

    private Object part(Expr e, Frame f) {
        return e == null ? null : eval(e, f);
    }

    Object filter(Expr.Filter fl, Object input, Frame f) {
        try {
            return r.filter(fl.name(), input, args(fl.args(), f, null));
        } catch (TemplateError | LoopSignal pass) {
            throw pass;
        } catch (RuntimeException err) {
            throw r.locate(err, fl.pos());
        }
    }

    /** Evaluates call arguments; {@code caller}, when given, is passed as the keyword {@code caller}. */
    Args args(Expr.Args a, Frame f, Object caller) {
        if (a.positional().isEmpty() && a.keywords().isEmpty() && a.starArgs() == null && a.starKwargs() == null
                && caller == null) {
            return Args.EMPTY;
        }
        List<Object> pos = new ArrayList<>(a.positional().size());
        for (Expr p : a.positional()) {
            pos.add(eval(p, f));
        }
        if (a.starArgs() != null) {
            pos.addAll(Containers.toList(eval(a.starArgs(), f)));
        }
        Map<String, Object> named = new LinkedHashMap<>();
        for (Expr.Kwarg k : a.keywords()) {
            named.put(k.name(), eval(k.value(), f));
        }
        if (a.starKwargs() != null) {
            Object kw = eval(a.starKwargs(), f);
            if (!(kw instanceof Map<?, ?> m)) {
                throw r.locate(new JinjaError("argument after ** must be a mapping, not " + Py.typeName(kw)),
                        a.starKwargs().pos());
            }
            for (Map.Entry<?, ?> en : m.entrySet()) {
                if (!(en.getKey() instanceof String key)) {
                    throw r.locate(new JinjaError("keywords must be strings"), a.starKwargs().pos());
                }
                named.put(key, en.getValue());
            }
        }
        if (caller != null) {
            named.put("caller", caller);
        }
        return Args.of(pos, named);
    }

    static Object binary(String op, Object left, Object right) {
        switch (op) {
            case "+":
                return Arithmetic.add(left, right);
            case "-":
                return Arithmetic.sub(left, right);
            case "*":
                return Arithmetic.mul(left, right);
            case "/":
                return Arithmetic.truediv(left, right);
            case "//":
                return Arithmetic.floordiv(left, right);
            case "%":
                return Arithmetic.mod(left, right);
            case "**":
                return Arithmetic.pow(left, right);
            case "~":
                return Py.str(left) + Py.str(right);
            default:
                throw new IllegalStateException("unknown operator " + op);
        }
    }

    private Object compare(Expr.Compare c, Frame f) {
        Object left = eval(c.first(), f);
        for (int i = 0; i < c.ops().size(); i++) {
            Object right = eval(c.rest().get(i), f);
            if (!compareOne(c.ops().get(i), left, right)) {
                return false;
            }
            left = right;
        }
        return true;
    }

    static boolean compareOne(String op, Object a, Object b) {
        switch (op) {
            case "==":
                return Py.eq(a, b);
            case "!=":
                return !Py.eq(a, b);
            case "<":
                return Py.compare(a, b, op) < 0;
            case "<=":
                return Py.compare(a, b, op) <= 0;
            case ">":
                return Py.compare(a, b, op) > 0;
            case ">=":
                return Py.compare(a, b, op) >= 0;
            case "in":
                return Containers.contains(b, a);
            case "not in":
                return !Containers.contains(b, a);
            default:
                throw new IllegalStateException("unknown comparison " + op);
        }
    }
}
