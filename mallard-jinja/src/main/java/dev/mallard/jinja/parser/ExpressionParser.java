package dev.mallard.jinja.parser;

import dev.mallard.jinja.ast.Expr;
import dev.mallard.jinja.ast.Pos;
import dev.mallard.jinja.lexer.Token;
import dev.mallard.jinja.lexer.TokenStream;
import dev.mallard.jinja.lexer.TokenType;

import java.util.ArrayList;
import java.util.List;

/**
 * Jinja2 3.1's expression grammar, loosest first: conditional, {@code or}, {@code and},
 * {@code not}, comparison chain, {@code + -}, {@code ~}, {@code * / // %}, {@code **} (left
 * associative, as Jinja2 loops), unary {@code - +}, then primaries with their postfix,
 * filter and test trailers ({@link TrailerParser}).
 */
final class ExpressionParser {
    private final Parser parser;
    private final TokenStream s;
    private final TrailerParser trailers;

    ExpressionParser(Parser parser, TokenStream stream) {
        this.parser = parser;
        this.s = stream;
        this.trailers = new TrailerParser(parser, stream, this);
    }

    TrailerParser trailers() {
        return trailers;
    }

    Expr parseExpression() {
        return parseExpression(true);
    }

    Expr parseExpression(boolean withCondexpr) {
        parser.enter();
        Expr expr = withCondexpr ? parseCondexpr() : parseOr();
        parser.leave(1);
        return expr;
    }

    private Expr parseCondexpr() {
        Token start = s.current();
        Expr expr = parseOr();
        int levels = 0;
        while (s.skipIfName("if")) {
            parser.enter();
            levels++;
            Expr test = parseOr();
            Expr otherwise = s.skipIfName("else") ? parseCondexpr() : null;
            expr = new Expr.Cond(s.pos(start), test, expr, otherwise);
        }
        parser.leave(levels);
        return expr;
    }

    private Expr parseOr() {
        Token start = s.current();
        Expr left = parseAnd();
        int levels = 0;
        while (s.skipIfName("or")) {
            parser.enter();
            levels++;
            left = new Expr.Logical(s.pos(start), "or", left, parseAnd());
        }
        parser.leave(levels);
        return left;
    }

    private Expr parseAnd() {
        Token start = s.current();
        Expr left = parseNot();
        int levels = 0;
        while (s.skipIfName("and")) {
            parser.enter();
            levels++;
            left = new Expr.Logical(s.pos(start), "and", left, parseNot());
        }
        parser.leave(levels);
        return left;
    }

    private Expr parseNot() {
        if (s.isName("not")) {
            Token notToken = s.next();
            parser.enter();
            Expr not = new Expr.Not(s.pos(notToken), parseNot());
            parser.leave(1);
            return not;
        }
        return parseCompare();
    }

    private Expr parseCompare() {
        Token start = s.current();
        Expr first = parseMath1();
        List<String> ops = null;
        List<Expr> rest = null;
        while (true) {
            String op = compareOperator(s.current().type());
            if (op != null) {
                s.next();
            } else if (s.skipIfName("in")) {
                op = "in";
            } else if (s.isName("not") && s.look().isName("in")) {
                s.next();
                s.next();
                op = "not in";
            } else {
                break;
            }
            if (ops == null) {
                ops = new ArrayList<>(2);
                rest = new ArrayList<>(2);
            }
            ops.add(op);
            rest.add(parseMath1());
        }
        return ops == null ? first : new Expr.Compare(s.pos(start), first, ops, rest);
    }

    private static String compareOperator(TokenType type) {
        return switch (type) {
            case EQ, NE, LT, LTEQ, GT, GTEQ -> type.description();
            default -> null;
        };
    }

    private Expr parseMath1() {
        Token start = s.current();
        Expr left = parseConcat();
        int levels = 0;
        while (s.is(TokenType.ADD) || s.is(TokenType.SUB)) {
            parser.enter();
            levels++;
            String op = s.next().type().description();
            left = new Expr.Binary(s.pos(start), op, left, parseConcat());
        }
        parser.leave(levels);
        return left;
    }

    private Expr parseConcat() {
        Token start = s.current();
        Expr left = parseMath2();
        int levels = 0;
        while (s.skipIf(TokenType.TILDE)) {
            parser.enter();
            levels++;
            left = new Expr.Binary(s.pos(start), "~", left, parseMath2());
        }
        parser.leave(levels);
        return left;
    }

    private Expr parseMath2() {
        Token start = s.current();
        Expr left = parsePow();
        int levels = 0;
        while (true) {
            TokenType type = s.current().type();
            if (type != TokenType.MUL && type != TokenType.DIV && type != TokenType.FLOORDIV
                    && type != TokenType.MOD) {
                parser.leave(levels);
                return left;
            }
            parser.enter();
            levels++;
            s.next();
            left = new Expr.Binary(s.pos(start), type.description(), left, parsePow());
        }
    }

    private Expr parsePow() {
        Token start = s.current();
        Expr left = parseUnary(true);
        int levels = 0;
        while (s.skipIf(TokenType.POW)) {
            parser.enter();
            levels++;
            left = new Expr.Binary(s.pos(start), "**", left, parseUnary(true));
        }
        parser.leave(levels);
        return left;
    }

    /** A sign binds tighter than filters: {@code -1|abs} filters {@code -1}. */
    Expr parseUnary(boolean withFilter) {
        Token token = s.current();
        Expr node;
        if (token.type() == TokenType.SUB || token.type() == TokenType.ADD) {
            s.next();
            parser.enter();
            node = new Expr.Unary(s.pos(token), token.type().description(), parseUnary(false));
            parser.leave(1);
        } else {
            node = parsePrimary(false);
        }
        node = trailers.parsePostfix(node);
        return withFilter ? trailers.parseFilterExpr(node) : node;
    }

    /** A name, literal, parenthesised expression, list or dict; with a namespace, also {@code ns.attr}. */
    Expr parsePrimary(boolean withNamespace) {
        Token token = s.current();
        Pos pos = s.pos(token);
        switch (token.type()) {
            case NAME -> {
                s.next();
                String name = token.text();
                switch (name) {
                    case "true", "True" -> {
                        return new Expr.Const(pos, Boolean.TRUE);
                    }
                    case "false", "False" -> {
                        return new Expr.Const(pos, Boolean.FALSE);
                    }
                    case "none", "None" -> {
                        return new Expr.Const(pos, null);
                    }
                    default -> {
                        if (withNamespace && s.is(TokenType.DOT)) {
                            s.next();
                            String attr = s.expect(TokenType.NAME).text();
                            return parser.targets().namespaceRef(pos, name, attr);
                        }
                        return new Expr.Name(pos, name);
                    }
                }
            }
            case STRING -> {
                s.next();
                if (!s.is(TokenType.STRING)) {
                    return new Expr.Const(pos, token.value());
                }
                StringBuilder sb = new StringBuilder(token.text());
                while (s.is(TokenType.STRING)) {
                    sb.append(s.next().text());
                }
                return new Expr.Const(pos, sb.toString());
            }
            case INTEGER, FLOAT -> {
                s.next();
                return new Expr.Const(pos, token.value());
            }
            case LPAREN -> {
                s.next();
                Expr node = parseTuple(false, true, true, false, pos);
                s.expect(TokenType.RPAREN);
                return node;
            }
            case LBRACKET -> {
                return parseList();
            }
            case LBRACE -> {
                return parseDict();
            }
            default -> throw s.error("unexpected '" + token.describe() + "'", token);
        }
    }

    /** {@code parseTuple} with Jinja2's defaults: full expressions, no parentheses. */
    Expr parseTuple(boolean withCondexpr) {
        return parseTuple(false, withCondexpr, false, false, s.pos(s.current()));
    }

    /**
     * Like an expression, but commas make a tuple. {@code simplified} parses only primaries
     * (assignment targets). An empty tuple needs explicit parentheses.
     */
    Expr parseTuple(boolean simplified, boolean withCondexpr, boolean explicitParentheses, boolean withNamespace,
                    Pos pos) {
        List<Expr> items = new ArrayList<>(2);
        boolean isTuple = false;
        while (true) {
            if (!items.isEmpty()) {
                s.expect(TokenType.COMMA);
            }
            // Jinja2 3.1 ignores the extra end rules it is given (for's "in", "recursive"), so do we.
            if (isTupleEnd()) {
                break;
            }
            items.add(simplified ? parsePrimary(withNamespace) : parseExpression(withCondexpr));
            if (s.is(TokenType.COMMA)) {
                isTuple = true;
            } else {
                break;
            }
        }
        if (!isTuple) {
            if (!items.isEmpty()) {
                return items.get(0);
            }
            if (!explicitParentheses) {
                throw s.error("Expected an expression, got '" + s.current().describe() + "'", s.current());
            }
        }
        return new Expr.TupleLit(pos, items);
    }

    private boolean isTupleEnd() {
        TokenType type = s.current().type();
        return type == TokenType.VARIABLE_END || type == TokenType.BLOCK_END || type == TokenType.RPAREN;
    }

    private Expr parseList() {
        Token open = s.expect(TokenType.LBRACKET);
        List<Expr> items = new ArrayList<>();
        while (!s.is(TokenType.RBRACKET)) {
            if (!items.isEmpty()) {
                s.expect(TokenType.COMMA);
            }
            if (s.is(TokenType.RBRACKET)) {
                break;
            }
            items.add(parseExpression());
        }
        s.expect(TokenType.RBRACKET);
        return new Expr.ListLit(s.pos(open), items);
    }

    private Expr parseDict() {
        Token open = s.expect(TokenType.LBRACE);
        List<Expr> keys = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        while (!s.is(TokenType.RBRACE)) {
            if (!keys.isEmpty()) {
                s.expect(TokenType.COMMA);
            }
            if (s.is(TokenType.RBRACE)) {
                break;
            }
            keys.add(parseExpression());
            s.expect(TokenType.COLON);
            values.add(parseExpression());
        }
        s.expect(TokenType.RBRACE);
        return new Expr.DictLit(s.pos(open), keys, values);
    }
}
