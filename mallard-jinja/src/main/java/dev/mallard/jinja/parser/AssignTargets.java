package dev.mallard.jinja.parser;

import dev.mallard.jinja.ast.Expr;
import dev.mallard.jinja.ast.Pos;
import dev.mallard.jinja.lexer.Token;
import dev.mallard.jinja.lexer.TokenStream;
import dev.mallard.jinja.lexer.TokenType;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Jinja2's assignment targets: a name, a tuple of names ({@code a, b} or {@code (a, b)}), or
 * with {@code set} a namespace attribute {@code ns.attr} (a {@link Expr.GetAttr} here). Anything
 * else fails with "can't assign to '<node>'", naming the node as Jinja2 does.
 */
final class AssignTargets {
    private static final Set<String> CONSTANT_NAMES = Set.of("true", "false", "none", "True", "False", "None");

    private final TokenStream s;
    private final ExpressionParser exprs;
    /** The GetAttr nodes that are namespace references, as opposed to {@code (a.b)} in parentheses. */
    private final Set<Expr> namespaceRefs = Collections.newSetFromMap(new IdentityHashMap<>());

    AssignTargets(TokenStream stream, ExpressionParser exprs) {
        this.s = stream;
        this.exprs = exprs;
    }

    Expr namespaceRef(Pos pos, String namespace, String attr) {
        Expr ref = new Expr.GetAttr(pos, new Expr.Name(pos, namespace), attr);
        namespaceRefs.add(ref);
        return ref;
    }

    /** A plain name (macro names and parameters, dbt tag names). */
    Expr.Name parseName() {
        Token token = s.expect(TokenType.NAME);
        Expr.Name name = new Expr.Name(s.pos(token), token.text());
        if (CONSTANT_NAMES.contains(name.name())) {
            throw s.error("can't assign to 'name'", token);
        }
        return name;
    }

    /** A name or tuple of names, or with {@code withNamespace} also {@code ns.attr}. */
    Expr parse(boolean withNamespace) {
        Expr target = exprs.parseTuple(true, true, false, withNamespace, s.pos(s.current()));
        if (!canAssign(target)) {
            throw s.error("can't assign to '" + jinjaNodeName(target) + "'", target.pos());
        }
        return target;
    }

    private boolean canAssign(Expr target) {
        if (target instanceof Expr.Name name) {
            return !CONSTANT_NAMES.contains(name.name());
        }
        if (target instanceof Expr.TupleLit tuple) {
            return tuple.items().stream().allMatch(this::canAssign);
        }
        return namespaceRefs.contains(target);
    }

    /** The lower-cased class name Jinja2 gives this kind of node. */
    static String jinjaNodeName(Expr e) {
        if (e instanceof Expr.Binary b) {
            return switch (b.op()) {
                case "+" -> "add";
                case "-" -> "sub";
                case "*" -> "mul";
                case "/" -> "div";
                case "//" -> "floordiv";
                case "%" -> "mod";
                case "**" -> "pow";
                default -> "concat";
            };
        }
        if (e instanceof Expr.Unary u) {
            return u.op().equals("-") ? "neg" : "pos";
        }
        if (e instanceof Expr.Logical l) {
            return l.op();
        }
        if (e instanceof Expr.Cond) {
            return "condexpr";
        }
        if (e instanceof Expr.TupleLit) {
            return "tuple";
        }
        if (e instanceof Expr.ListLit) {
            return "list";
        }
        if (e instanceof Expr.DictLit) {
            return "dict";
        }
        return e.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }
}
