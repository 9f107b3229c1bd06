package dev.mallard.jinja.parser;

import dev.mallard.jinja.ast.Expr;
import dev.mallard.jinja.ast.Stmt;

import java.util.List;

/**
 * Whether a macro body reads {@code caller}, {@code varargs} or {@code kwargs}, decided as
 * Jinja2's {@code find_undeclared} does: walking the body in Jinja2's field order (into nested
 * macros and call blocks, not into {@code block}s), a name counts when its first occurrence is
 * a read; an assignment or parameter of that name seen first hides it. A macro parameter named
 * {@code varargs} or {@code kwargs} switches that one off, as Jinja2's compiler does.
 */
record SpecialNames(boolean caller, boolean varargs, boolean kwargs) {

    static SpecialNames of(List<Stmt> body, List<Stmt.Param> params) {
        Walk walk = new Walk();
        walk.stmts(body);
        boolean varargsParam = params.stream().anyMatch(p -> p.name().equals("varargs"));
        boolean kwargsParam = params.stream().anyMatch(p -> p.name().equals("kwargs"));
        return new SpecialNames(walk.caller == Boolean.TRUE, walk.varargs == Boolean.TRUE && !varargsParam,
                walk.kwargs == Boolean.TRUE && !kwargsParam);
    }

    /** First occurrence of each special name: TRUE read, FALSE assigned, null not seen yet. */
    private static final class Walk {
        private Boolean caller;
        private Boolean varargs;
        private Boolean kwargs;

        private boolean done() {
            return caller != null && varargs != null && kwargs != null;
        }

        private void name(String name, boolean read) {
            switch (name) {
                case "caller" -> caller = caller == null ? read : caller;
                case "varargs" -> varargs = varargs == null ? read : varargs;
                case "kwargs" -> kwargs = kwargs == null ? read : kwargs;
                default -> {
                }
            }
        }

        void stmts(List<Stmt> body) {
            for (Stmt stmt : body) {
                if (done()) {
                    return;
                }
                stmt(stmt);
            }
        }

        private void stmt(Stmt stmt) {
            if (stmt instanceof Stmt.Print p) {
                expr(p.expr());
            } else if (stmt instanceof Stmt.If i) {
                expr(i.test());
                stmts(i.body());
                stmts(i.orelse());
            } else if (stmt instanceof Stmt.For f) {
                target(f.target());
                expr(f.iter());
                stmts(f.body());
                stmts(f.orelse());
                expr(f.filter());
            } else if (stmt instanceof Stmt.Macro m) {
                params(m.params());
                stmts(m.body());
            } else if (stmt instanceof Stmt.CallBlock c) {
                expr(c.call());
                params(c.params());
                stmts(c.body());
            } else if (stmt instanceof Stmt.Set set) {
                target(set.target());
                expr(set.value());
            } else if (stmt instanceof Stmt.SetBlock set) {
                target(set.target());
                filters(set.filters());
                stmts(set.body());
            } else if (stmt instanceof Stmt.FilterBlock f) {
                stmts(f.body());
                filters(f.filters());
            } else if (stmt instanceof Stmt.With w) {
                w.targets().forEach(this::target);
                w.values().forEach(this::expr);
                stmts(w.body());
            } else if (stmt instanceof Stmt.Do d) {
                expr(d.expr());
            } else if (stmt instanceof Stmt.Scoped scoped) {
                if (!scoped.tag().equals("block")) {
                    stmts(scoped.body());
                }
            } else if (stmt instanceof Stmt.Docs docs) {
                stmts(docs.body());
            } else if (stmt instanceof Stmt.Snapshot snapshot) {
                stmts(snapshot.body());
            }
        }

        /** Jinja2 visits all parameter names, then all defaults. */
        private void params(List<Stmt.Param> params) {
            params.forEach(p -> name(p.name(), false));
            params.forEach(p -> expr(p.defaultValue()));
        }

        private void filters(List<Expr.Filter> filters) {
            filters.forEach(this::expr);
        }

        /** Assigned names hide; a namespace reference {@code ns.attr} holds no name node in Jinja2. */
        private void target(Expr target) {
            if (target instanceof Expr.Name n) {
                name(n.name(), false);
            } else if (target instanceof Expr.TupleLit t) {
                t.items().forEach(this::target);
            }
        }

        private void args(Expr.Args args) {
            args.positional().forEach(this::expr);
            args.keywords().forEach(k -> expr(k.value()));
            expr(args.starArgs());
            expr(args.starKwargs());
        }

        private void expr(Expr e) {
            if (e == null || done()) {
                return;
            }
            if (e instanceof Expr.Name n) {
                name(n.name(), true);
            } else if (e instanceof Expr.TupleLit t) {
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
            } else if (e instanceof Expr.Slice sl) {
                expr(sl.start());
                expr(sl.stop());
                expr(sl.step());
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
}
