package dev.mallard.jinja.parser;

import dev.mallard.jinja.ast.Expr;
import dev.mallard.jinja.ast.Stmt;
import dev.mallard.jinja.lexer.PythonChars;

import java.math.BigDecimal;
import java.util.List;

/**
 * Prints a parse tree as an s-expression, compact enough to write expected trees by hand:
 * {@code (+ a (* b 2))}, {@code (filter abs (neg 1))}, {@code (. x attr)}, {@code ([] x 0)}.
 * Strings print as Python's repr; an absent part prints as {@code _}.
 */
final class AstPrinter {
    private AstPrinter() {
    }

    static String print(List<Stmt> body) {
        StringBuilder sb = new StringBuilder();
        for (Stmt stmt : body) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(print(stmt));
        }
        return sb.toString();
    }

    private static String list(List<Stmt> body) {
        return "(" + print(body) + ")";
    }

    static String print(Stmt stmt) {
        if (stmt instanceof Stmt.Text t) {
            return "(text " + PythonChars.repr(t.text()) + ")";
        } else if (stmt instanceof Stmt.Print p) {
            return "(print " + print(p.expr()) + ")";
        } else if (stmt instanceof Stmt.If i) {
            return "(if " + print(i.test()) + " " + list(i.body()) + " " + list(i.orelse()) + ")";
        } else if (stmt instanceof Stmt.For f) {
            return "(for " + print(f.target()) + " " + print(f.iter()) + " " + print(f.filter()) + " "
                    + (f.recursive() ? "recursive " : "") + list(f.body()) + " " + list(f.orelse()) + ")";
        } else if (stmt instanceof Stmt.Macro m) {
            return "(macro " + m.name() + " " + params(m.params()) + " " + list(m.body())
                    + (m.usesCaller() ? " caller" : "") + (m.usesVarargs() ? " varargs" : "")
                    + (m.usesKwargs() ? " kwargs" : "") + ")";
        } else if (stmt instanceof Stmt.CallBlock c) {
            return "(callblock " + print(c.call()) + " " + params(c.params()) + " " + list(c.body())
                    + (c.usesVarargs() ? " varargs" : "") + (c.usesKwargs() ? " kwargs" : "") + ")";
        } else if (stmt instanceof Stmt.Set s) {
            return "(set " + print(s.target()) + " " + print(s.value()) + ")";
        } else if (stmt instanceof Stmt.SetBlock s) {
            return "(setblock " + print(s.target()) + " " + exprs(List.copyOf(s.filters())) + " " + list(s.body()) + ")";
        } else if (stmt instanceof Stmt.FilterBlock f) {
            return "(filterblock " + exprs(List.copyOf(f.filters())) + " " + list(f.body()) + ")";
        } else if (stmt instanceof Stmt.With w) {
            return "(with " + exprs(w.targets()) + " " + exprs(w.values()) + " " + list(w.body()) + ")";
        } else if (stmt instanceof Stmt.Do d) {
            return "(do " + print(d.expr()) + ")";
        } else if (stmt instanceof Stmt.Break) {
            return "(break)";
        } else if (stmt instanceof Stmt.Continue) {
            return "(continue)";
        } else if (stmt instanceof Stmt.Scoped s) {
            return "(" + s.tag() + (s.name() == null ? "" : " " + s.name()) + " " + list(s.body()) + ")";
        } else if (stmt instanceof Stmt.Docs d) {
            return "(docs " + d.name() + " " + PythonChars.repr(d.source()) + " " + list(d.body()) + ")";
        } else if (stmt instanceof Stmt.Snapshot s) {
            return "(snapshot " + s.name() + " " + list(s.body()) + ")";
        }
        throw new IllegalArgumentException(stmt.toString());
    }

    private static String params(List<Stmt.Param> params) {
        StringBuilder sb = new StringBuilder("(");
        for (Stmt.Param p : params) {
            if (sb.length() > 1) {
                sb.append(' ');
            }
            sb.append(p.name());
            if (p.defaultValue() != null) {
                sb.append('=').append(print(p.defaultValue()));
            }
        }
        return sb.append(')').toString();
    }

    private static String exprs(List<Expr> items) {
        StringBuilder sb = new StringBuilder("(");
        for (Expr e : items) {
            if (sb.length() > 1) {
                sb.append(' ');
            }
            sb.append(print(e));
        }
        return sb.append(')').toString();
    }

    static String print(Expr e) {
        if (e == null) {
            return "_";
        } else if (e instanceof Expr.Const c) {
            return constant(c.value());
        } else if (e instanceof Expr.Name n) {
            return n.name();
        } else if (e instanceof Expr.TupleLit t) {
            return "(tuple" + items(t.items()) + ")";
        } else if (e instanceof Expr.ListLit l) {
            return "(list" + items(l.items()) + ")";
        } else if (e instanceof Expr.DictLit d) {
            StringBuilder sb = new StringBuilder("(dict");
            for (int i = 0; i < d.keys().size(); i++) {
                sb.append(' ').append(print(d.keys().get(i))).append(' ').append(print(d.values().get(i)));
            }
            return sb.append(')').toString();
        } else if (e instanceof Expr.GetAttr g) {
            return "(. " + print(g.obj()) + " " + g.attr() + ")";
        } else if (e instanceof Expr.GetItem g) {
            return "([] " + print(g.obj()) + " " + print(g.key()) + ")";
        } else if (e instanceof Expr.Slice s) {
            return "(slice " + print(s.start()) + " " + print(s.stop()) + " " + print(s.step()) + ")";
        } else if (e instanceof Expr.Call c) {
            return "(call " + print(c.fn()) + args(c.args()) + ")";
        } else if (e instanceof Expr.Filter f) {
            return "(filter " + f.name() + " " + print(f.input()) + args(f.args()) + ")";
        } else if (e instanceof Expr.Test t) {
            return "(test " + t.name() + " " + print(t.input()) + args(t.args()) + ")";
        } else if (e instanceof Expr.Not n) {
            return "(not " + print(n.operand()) + ")";
        } else if (e instanceof Expr.Unary u) {
            return "(" + (u.op().equals("-") ? "neg" : "pos") + " " + print(u.operand()) + ")";
        } else if (e instanceof Expr.Binary b) {
            return "(" + b.op() + " " + print(b.left()) + " " + print(b.right()) + ")";
        } else if (e instanceof Expr.Logical l) {
            return "(" + l.op() + " " + print(l.left()) + " " + print(l.right()) + ")";
        } else if (e instanceof Expr.Compare c) {
            StringBuilder sb = new StringBuilder("(cmp ").append(print(c.first()));
            for (int i = 0; i < c.ops().size(); i++) {
                sb.append(' ').append(c.ops().get(i).replace(' ', '_')).append(' ').append(print(c.rest().get(i)));
            }
            return sb.append(')').toString();
        } else if (e instanceof Expr.Cond c) {
            return "(if " + print(c.test()) + " " + print(c.then()) + " " + print(c.otherwise()) + ")";
        }
        throw new IllegalArgumentException(e.toString());
    }

    private static String items(List<Expr> items) {
        StringBuilder sb = new StringBuilder();
        for (Expr e : items) {
            sb.append(' ').append(print(e));
        }
        return sb.toString();
    }

    private static String args(Expr.Args args) {
        StringBuilder sb = new StringBuilder(items(args.positional()));
        for (Expr.Kwarg k : args.keywords()) {
            sb.append(' ').append(k.name()).append('=').append(print(k.value()));
        }
        if (args.starArgs() != null) {
            sb.append(" *").append(print(args.starArgs()));
        }
        if (args.starKwargs() != null) {
            sb.append(" **").append(print(args.starKwargs()));
        }
        return sb.toString();
    }

    private static String constant(Object value) {
        if (value == null) {
            return "None";
        } else if (value instanceof Boolean b) {
            return b ? "True" : "False";
        } else if (value instanceof String s) {
            return PythonChars.repr(s);
        } else if (value instanceof Double d) {
            return d.isInfinite() ? "f:inf" : "f:" + new BigDecimal(d).toPlainString();
        }
        return value.getClass().getSimpleName().charAt(0) + ":" + value;
    }
}
