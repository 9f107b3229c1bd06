package dev.mallard.core.parse;

import dev.mallard.core.manifest.RefCall;
import dev.mallard.core.manifest.SourceCall;
import dev.mallard.jinja.TemplateError;
import dev.mallard.jinja.ast.AstWalker;
import dev.mallard.jinja.ast.Expr;
import dev.mallard.jinja.ast.Stmt;
import dev.mallard.jinja.ast.TemplateAst;
import dev.mallard.jinja.parser.Parser;
import java.util.ArrayList;
import java.util.List;

/**
 * The ref() and source() calls written as Jinja in YAML values ({@code to: ref('customers')},
 * unit test inputs) and the functions a template calls, read from the Jinja parser's nodes.
 */
final class JinjaCalls {
    private JinjaCalls() {
    }

    /** The literal-argument ref() and source() calls of an expression. */
    record Found(List<RefCall> refs, List<SourceCall> sources) {
        Found {
            refs = List.copyOf(refs);
            sources = List.copyOf(sources);
        }
    }

    /** Every {@code ref('x')} / {@code source('s', 't')} with literal arguments in {@code text}; empty if it is not Jinja. */
    static Found in(String text) {
        Expr expr = expression(text);
        List<RefCall> refs = new ArrayList<>();
        List<SourceCall> sources = new ArrayList<>();
        if (expr != null) {
            AstWalker.expressions(List.of(new Stmt.Print(expr.pos(), expr)), e -> {
                RefCall ref = versionedRef(e);
                if (ref != null) {
                    refs.add(ref);
                }
                List<String> args = literalCall(e, "source");
                if (args != null && args.size() == 2) {
                    sources.add(new SourceCall(args.get(0), args.get(1), 0));
                }
            });
        }
        return new Found(refs, sources);
    }

    /**
     * The string arguments of {@code text} when the whole of it is one call of {@code function}
     * with literal string arguments ({@code ref('a')}, {@code source('s', 't')}); else null.
     */
    static List<String> wholeCall(String text, String function) {
        if (text == null) {
            return null;
        }
        // most values (column names, literals) are no call at all: only parse what may be one
        int i = 0;
        while (i < text.length() && (Character.isWhitespace(text.charAt(i)) || text.charAt(i) == '(')) {
            i++;
        }
        if (!text.startsWith(function, i)) {
            return null;
        }
        return literalCall(expression(text), function);
    }

    /** The ref of {@code text} when the whole of it is one literal {@code ref(...)} call (with v= or version=); else null. */
    static RefCall wholeRef(String text) {
        // most values (column names, literals) are no call at all: only parse what may be one
        return text == null || !text.stripLeading().startsWith("ref") ? null : versionedRef(expression(text));
    }

    /** Whether the template calls {@code function} anywhere (a parse that fails counts as no). */
    static boolean calls(String path, String template, String function) {
        TemplateAst ast;
        try {
            ast = Parser.parse(path, template);
        } catch (TemplateError e) {
            return false;
        }
        boolean[] found = {false};
        AstWalker.expressions(ast.body(), e -> {
            if (e instanceof Expr.Call c && c.fn() instanceof Expr.Name n && n.name().equals(function)) {
                found[0] = true;
            }
        });
        return found[0];
    }

    private static Expr expression(String text) {
        if (text == null) {
            return null;
        }
        try {
            TemplateAst ast = Parser.parse("<yaml>", "{{ " + text + " }}");
            if (ast.body().size() == 1 && ast.body().get(0) instanceof Stmt.Print p) {
                return p.expr();
            }
        } catch (TemplateError e) {
            return null;
        }
        return null;
    }

    /** {@code ref('m')}, {@code ref('p', 'm')}, also with a literal {@code v=} or {@code version=}; else null. */
    private static RefCall versionedRef(Expr e) {
        if (!(e instanceof Expr.Call c) || c.args().keywords().size() != 1) {
            List<String> args = literalCall(e, "ref");
            return args == null || args.isEmpty() || args.size() > 2 ? null
                    : args.size() == 1 ? new RefCall(null, args.get(0), 0) : new RefCall(args.get(0), args.get(1), 0);
        }
        Expr.Kwarg k = c.args().keywords().get(0);
        if (!(k.name().equals("v") || k.name().equals("version")) || !(k.value() instanceof Expr.Const version)) {
            return null;
        }
        List<String> args = literalCall(new Expr.Call(c.pos(), c.fn(), new Expr.Args(c.args().positional(), List.of(),
                null, null)), "ref");
        return args == null || args.isEmpty() || args.size() > 2 ? null
                : new RefCall(args.size() == 1 ? null : args.get(0), args.get(args.size() - 1), 0, version.value());
    }

    private static List<String> literalCall(Expr e, String function) {
        if (!(e instanceof Expr.Call c) || !(c.fn() instanceof Expr.Name n) || !n.name().equals(function)
                || !c.args().keywords().isEmpty() || c.args().starArgs() != null || c.args().starKwargs() != null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (Expr arg : c.args().positional()) {
            if (!(arg instanceof Expr.Const k) || !(k.value() instanceof String s)) {
                return null;
            }
            out.add(s);
        }
        return out;
    }
}
