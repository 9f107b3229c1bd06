package dev.mallard.jinja.ast;

import java.util.List;
import java.util.function.Consumer;

/**
 * Visits every statement and expression of a template, outer nodes first and each node's parts
 * in Jinja2's field order (a for loop's filter after its body, a filter block's body before
 * its filters), so that the first occurrence of a name is the one Jinja2's compiler sees first.
 * Assignment targets and parameters are reported as names assigned, not as expressions read.
 */
public final class AstWalker {
    /** What a walk reports; each method does nothing unless overridden. */
    public interface Visitor {
        /** A statement, before its parts; false skips them. */
        default boolean enter(Stmt s) {
            return true;
        }

        /** An expression that is read (not an assignment target), before its parts. */
        default void expression(Expr e) {
        }

        /**
         * A name a statement assigns: a name in a {@code set}, {@code for} or {@code with}
         * target, or a macro or call block parameter (all of a list's parameters before their
         * defaults). A namespace target {@code ns.attr} assigns no name and reads none.
         */
        default void assigned(String name) {
        }
    }

    private final Visitor visitor;

    private AstWalker(Visitor visitor) {
        this.visitor = visitor;
    }

    /** Calls {@code onExpr} for every expression read in {@code body}, nested macros included. */
    public static void expressions(List<Stmt> body, Consumer<Expr> onExpr) {
        walk(body, new Visitor() {
            @Override
            public void expression(Expr e) {
                onExpr.accept(e);
            }
        });
    }

    /** Walks {@code body}, reporting to {@code visitor}. */
    public static void walk(List<Stmt> body, Visitor visitor) {
        new AstWalker(visitor).stmts(body);
    }

    private void stmts(List<Stmt> body) {
        for (Stmt s : body) {
            stmt(s);
        }
    }

    private void stmt(Stmt s) {
        if (!visitor.enter(s)) {
            return;
        }
        if (s instanceof Stmt.Print p) {
            expr(p.expr());
        } else if (s instanceof Stmt.If i) {
            expr(i.test());
            stmts(i.body());
            stmts(i.orelse());
        } else if (s instanceof Stmt.For f) {
            target(f.target());
            expr(f.iter());
            stmts(f.body());
            stmts(f.orelse());
            expr(f.filter());
        } else if (s instanceof Stmt.Macro m) {
            params(m.params());
            stmts(m.body());
        } else if (s instanceof Stmt.CallBlock c) {
            expr(c.call());
            params(c.params());
            stmts(c.body());
        } else if (s instanceof Stmt.Set set) {
            target(set.target());
            expr(set.value());
        } else if (s instanceof Stmt.SetBlock sb) {
            target(sb.target());
            sb.filters().forEach(this::expr);
            stmts(sb.body());
        } else if (s instanceof Stmt.FilterBlock fb) {
            stmts(fb.body());
            fb.filters().forEach(this::expr);
        } else if (s instanceof Stmt.With w) {
            w.targets().forEach(this::target);
            w.values().forEach(this::expr);
            stmts(w.body());
        } else if (s instanceof Stmt.Do d) {
            expr(d.expr());
        } else if (s instanceof Stmt.Scoped sc) {
            stmts(sc.body());
        } else if (s instanceof Stmt.Docs d) {
            stmts(d.body());
        } else if (s instanceof Stmt.Snapshot snap) {
            stmts(snap.body());
        }
    }

    private void params(List<Stmt.Param> params) {
        params.forEach(p -> visitor.assigned(p.name()));
        params.forEach(p -> expr(p.defaultValue()));
    }

    /** A name, a tuple of targets, or a namespace reference {@code ns.attr}, which holds no name node in Jinja2. */
    private void target(Expr target) {
        if (target instanceof Expr.Name n) {
            visitor.assigned(n.name());
        } else if (target instanceof Expr.TupleLit t) {
            t.items().forEach(this::target);
        }
    }

    private void args(Expr.Args a) {
        a.positional().forEach(this::expr);
        a.keywords().forEach(k -> expr(k.value()));
        expr(a.starArgs());
        expr(a.starKwargs());
    }

    private void expr(Expr e) {
        if (e == null) {
            return;
        }
        visitor.expression(e);
        if (e instanceof Expr.TupleLit t) {
            t.items().forEach(this::expr);
        } else if (e instanceof Expr.ListLit l) {
            l.items().forEach(this::expr);
        } else if (e instanceof Expr.DictLit d) {
            for (int i = 0; i < d.keys().size(); i++) {
                expr(d.keys().get(i));
                expr(d.values().get(i));
            }
        } else if (e instanceof Expr.GetAttr g) {
            expr(g.obj());
        } else if (e instanceof Expr.GetItem g) {
            expr(g.obj());
            expr(g.key());
        } else if (e instanceof Expr.Slice s) {
            expr(s.start());
            expr(s.stop());
            expr(s.step());
        } else if (e instanceof Expr.Call c) {
            expr(c.fn());
            args(c.args());
        } else if (e instanceof Expr.Filter f) {
            expr(f.input());
            args(f.args());
        } else if (e instanceof Expr.Test t) {
            expr(t.input());
            args(t.args());
        } else if (e instanceof Expr.Not n) {
            expr(n.operand());
        } else if (e instanceof Expr.Unary u) {
            expr(u.operand());
        } else if (e instanceof Expr.Binary b) {
            expr(b.left());
            expr(b.right());
        } else if (e instanceof Expr.Logical l) {
            expr(l.left());
            expr(l.right());
        } else if (e instanceof Expr.Compare c) {
            expr(c.first());
            c.rest().forEach(this::expr);
        } else if (e instanceof Expr.Cond c) {
            expr(c.test());
            expr(c.then());
            expr(c.otherwise());
        }
    }
}
