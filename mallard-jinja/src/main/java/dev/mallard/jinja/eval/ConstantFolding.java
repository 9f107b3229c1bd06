package dev.mallard.jinja.eval;

import dev.mallard.jinja.ast.Expr;
import dev.mallard.jinja.value.Py;

/**
 * Whether Jinja2's optimizer would fold an expression to a constant at compile time
 * (its {@code as_const}): literals and operators over literals, with {@code and}/{@code or}
 * and conditionals short-circuiting as Python does. Only needed where folding changes the
 * result (a constant subscript goes through getitem rather than Python's own slicing).
 */
final class ConstantFolding {
    /** Jinja2's filters that take the render context, which its optimizer never folds. */
    private static final java.util.Set<String> CONTEXT_FILTERS = java.util.Set.of("map", "select", "reject",
            "selectattr", "rejectattr", "random");
    private static final dev.mallard.jinja.lib.Library LIBRARY = dev.mallard.jinja.lib.Library.standard();

    private ConstantFolding() {
    }

    static boolean foldable(Expr e) {
        if (e == null || e instanceof Expr.Const) {
            return true;
        }
        if (e instanceof Expr.TupleLit t) {
            return t.items().stream().allMatch(ConstantFolding::foldable);
        }
        if (e instanceof Expr.ListLit l) {
            return l.items().stream().allMatch(ConstantFolding::foldable);
        }
        if (e instanceof Expr.DictLit d) {
            return d.keys().stream().allMatch(ConstantFolding::foldable)
                    && d.values().stream().allMatch(ConstantFolding::foldable);
        }
        if (e instanceof Expr.Unary u) {
            return foldable(u.operand());
        }
        if (e instanceof Expr.Not n) {
            return foldable(n.operand());
        }
        if (e instanceof Expr.Binary b) {
            return foldable(b.left()) && foldable(b.right());
        }
        if (e instanceof Expr.Compare c) {
            return foldable(c.first()) && c.rest().stream().allMatch(ConstantFolding::foldable);
        }
        if (e instanceof Expr.Logical l) {
            if (!foldable(l.left())) {
                return false;
            }
            Object left = value(l.left());
            if (left == Py.NOT_FOUND) {
                return false;
            }
            boolean decided = l.op().equals("and") ? !Py.truthy(left) : Py.truthy(left);
            return decided || foldable(l.right());
        }
        if (e instanceof Expr.Cond c) {
            if (!foldable(c.test())) {
                return false;
            }
            Object test = value(c.test());
            if (test == Py.NOT_FOUND) {
                return false;
            }
            return Py.truthy(test) ? foldable(c.then()) : c.otherwise() != null && foldable(c.otherwise());
        }
        if (e instanceof Expr.GetItem g) {
            return foldable(g.obj()) && foldable(g.key());
        }
        if (e instanceof Expr.Slice s) {
            return foldable(s.start()) && foldable(s.stop()) && foldable(s.step());
        }
        if (e instanceof Expr.GetAttr g) {
            return foldable(g.obj());
        }
        if (e instanceof Expr.Test t) {
            return foldable(t.input()) && foldable(t.args());
        }
        if (e instanceof Expr.Filter f) {
            return f.input() != null && !CONTEXT_FILTERS.contains(f.name()) && foldable(f.input())
                    && foldable(f.args());
        }
        return false;
    }

    /**
     * Jinja2's {@code has_safe_repr}: None, bool, int, float, range, str and Markup (not other str
     * subclasses), and tuples, lists, sets and dicts of those. Its compiler folds only such values.
     */
    static boolean hasSafeRepr(Object v) {
        if (v == null || v instanceof Boolean || v instanceof String || v instanceof dev.mallard.jinja.value.Markup
                || v instanceof dev.mallard.jinja.value.PyRange) {
            return true;
        }
        if (v instanceof Long || v instanceof Integer || v instanceof java.math.BigInteger || v instanceof Double) {
            return true;
        }
        if (v instanceof java.util.Map<?, ?> m) {
            return m.entrySet().stream().allMatch(en -> hasSafeRepr(en.getKey()) && hasSafeRepr(en.getValue()));
        }
        if (v instanceof java.util.List<?> || v instanceof java.util.Set<?>) {
            return ((java.util.Collection<?>) v).stream().allMatch(ConstantFolding::hasSafeRepr);
        }
        return false;
    }

    private static boolean foldable(Expr.Args a) {
        return a.starArgs() == null && a.starKwargs() == null
                && a.positional().stream().allMatch(ConstantFolding::foldable)
                && a.keywords().stream().allMatch(k -> foldable(k.value()));
    }

    /** The value of a foldable expression, or NOT_FOUND when computing it fails. */
    private static Object value(Expr e) {
        try {
            return new Renderer(LIBRARY, name -> Py.NOT_FOUND, false)
                    .eval(e, new Frame(null));
        } catch (RuntimeException ex) {
            return Py.NOT_FOUND;
        }
    }
}
