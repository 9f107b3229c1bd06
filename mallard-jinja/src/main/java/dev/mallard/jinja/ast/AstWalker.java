package dev.mallard.jinja.ast;

import java.util.List;
import java.util.function.Consumer;

/** Visits every statement and expression of a template, outer nodes first. */
public final class AstWalker {
    private final Consumer<Stmt> onStmt;
    private final Consumer<Expr> onExpr;

    private AstWalker(Consumer<Stmt> onStmt, Consumer<Expr> onExpr) {
        this.onStmt = onStmt;
        this.onExpr = onExpr;
    }

    /** Calls {@code onExpr} for every expression of {@code body}, nested macros included. */
    public static void expressions(List<Stmt> body, Consumer<Expr> onExpr) {
        new AstWalker(s -> { }, onExpr).stmts(body);
    }

    /** Calls {@code onStmt} for every statement and {@code onExpr} for every expression. */
    public static void walk(List<Stmt> body, Consumer<Stmt> onStmt, Consumer<Expr> onExpr) {
        new AstWalker(onStmt, onExpr).stmts(body);
    }

    private void stmts(List<Stmt> body) {
        for (Stmt s : body) {
            stmt(s);
        }
    }

    private void stmt(Stmt s) {
        onStmt.accept(s);
        if (s instanceof Stmt.Print p) {
            expr(p.expr());
        } else if (s instanceof Stmt.If i) {
            expr(i.test());
            stmts(i.body());
            stmts(i.orelse());
        } else if (s instanceof Stmt.For f) {
            expr(f.target());
            expr(f.iter());
            expr(f.filter());
            stmts(f.body());
            stmts(f.orelse());
        } else if (s instanceof Stmt.Macro m) {
            params(m.params());
            stmts(m.body());
        } else if (s instanceof Stmt.CallBlock c) {
            expr(c.call());
            params(c.params());
            stmts(c.body());
        } else if (s instanceof Stmt.Set set) {
            expr(set.target());
            expr(set.value());
        } else if (s instanceof Stmt.SetBlock sb) {
            expr(sb.target());
            sb.filters().forEach(this::expr);
            stmts(sb.body());
        } else if (s instanceof Stmt.FilterBlock fb) {
            fb.filters().forEach(this::expr);
            stmts(fb.body());
        } else if (s instanceof Stmt.With w) {
            w.targets().forEach(this::expr);
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
        for (Stmt.Param p : params) {
            expr(p.defaultValue());
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
        onExpr.accept(e);
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
