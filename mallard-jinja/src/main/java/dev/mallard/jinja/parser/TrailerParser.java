package dev.mallard.jinja.parser;

import dev.mallard.jinja.ast.Expr;
import dev.mallard.jinja.ast.Pos;
import dev.mallard.jinja.lexer.Token;
import dev.mallard.jinja.lexer.TokenStream;
import dev.mallard.jinja.lexer.TokenType;

import java.util.ArrayList;
import java.util.List;

/**
 * What follows a primary: {@code .name}, {@code .0}, {@code [subscript]}, {@code (call args)},
 * then {@code | filter} and {@code is test} chains. A node's position is the token that
 * introduces it ({@code .}, {@code [}, {@code (}, the filter's name, {@code is}), as Jinja2
 * reports their lines.
 */
final class TrailerParser {
    private final Parser parser;
    private final TokenStream s;
    private final ExpressionParser exprs;

    TrailerParser(Parser parser, TokenStream stream, ExpressionParser exprs) {
        this.parser = parser;
        this.s = stream;
        this.exprs = exprs;
    }

    Expr parsePostfix(Expr node) {
        int levels = 0;
        while (true) {
            TokenType type = s.current().type();
            if (type != TokenType.DOT && type != TokenType.LBRACKET && type != TokenType.LPAREN) {
                parser.leave(levels);
                return node;
            }
            parser.enter();
            levels++;
            node = type == TokenType.LPAREN ? parseCall(node) : parseSubscript(node);
        }
    }

    Expr parseFilterExpr(Expr node) {
        int levels = 0;
        while (true) {
            parser.enter();
            levels++;
            if (s.is(TokenType.PIPE)) {
                node = parseFilter(node, false);
            } else if (s.isName("is")) {
                node = parseTest(node);
            } else if (s.is(TokenType.LPAREN)) {
                node = parseCall(node);
            } else {
                parser.leave(levels);
                return node;
            }
        }
    }

    private Expr parseSubscript(Expr node) {
        Token token = s.next();
        Pos pos = s.pos(token);
        if (token.type() == TokenType.DOT) {
            Token attr = s.next();
            if (attr.type() == TokenType.NAME) {
                return new Expr.GetAttr(pos, node, attr.text());
            }
            if (attr.type() != TokenType.INTEGER) {
                throw s.error("expected name or number", attr);
            }
            return new Expr.GetItem(pos, node, new Expr.Const(s.pos(attr), attr.value()));
        }
        List<Expr> args = new ArrayList<>(1);
        while (!s.is(TokenType.RBRACKET)) {
            if (!args.isEmpty()) {
                s.expect(TokenType.COMMA);
            }
            args.add(parseSubscribed(args.isEmpty()));
        }
        s.expect(TokenType.RBRACKET);
        return new Expr.GetItem(pos, node, args.size() == 1 ? args.get(0) : new Expr.TupleLit(pos, args));
    }

    /** An item or a {@code start:stop:step} slice (each part optional). */
    private Expr parseSubscribed(boolean first) {
        Token start = s.current();
        Expr lower = null;
        if (s.is(TokenType.COLON)) {
            s.next();
        } else {
            Expr node = exprs.parseExpression();
            if (!s.is(TokenType.COLON)) {
                return node;
            }
            s.next();
            lower = node;
        }
        Expr upper = null;
        if (!s.is(TokenType.COLON) && !s.is(TokenType.RBRACKET) && !s.is(TokenType.COMMA)) {
            upper = exprs.parseExpression();
        }
        Expr step = null;
        if (s.skipIf(TokenType.COLON) && !s.is(TokenType.RBRACKET) && !s.is(TokenType.COMMA)) {
            step = exprs.parseExpression();
        }
        Expr.Slice slice = new Expr.Slice(s.pos(start), lower, upper, step);
        if (!first || s.is(TokenType.COMMA)) {
            // Jinja2 emits a slice inside a tuple as Python source that does not compile.
            parser.pythonError(PythonError.SYNTAX, "invalid syntax", slice.pos());
        }
        return slice;
    }

    private Expr parseCall(Expr node) {
        Token open = s.current();
        return new Expr.Call(s.pos(open), node, parseCallArgs());
    }

    /**
     * Positional, {@code name=value}, {@code *args} and {@code **kwargs} arguments; a trailing
     * comma is fine, positional arguments after keywords or {@code *}/{@code **} are not.
     */
    Expr.Args parseCallArgs() {
        Token open = s.expect(TokenType.LPAREN);
        List<Expr> positional = new ArrayList<>();
        List<Expr.Kwarg> keywords = new ArrayList<>();
        Expr starArgs = null;
        Expr starKwargs = null;
        boolean requireComma = false;
        while (!s.is(TokenType.RPAREN)) {
            if (requireComma) {
                s.expect(TokenType.COMMA);
                if (s.is(TokenType.RPAREN)) {
                    break;
                }
            }
            if (s.is(TokenType.MUL)) {
                ensure(starArgs == null && starKwargs == null, open);
                s.next();
                starArgs = exprs.parseExpression();
            } else if (s.is(TokenType.POW)) {
                ensure(starKwargs == null, open);
                s.next();
                starKwargs = exprs.parseExpression();
            } else if (s.is(TokenType.NAME) && s.look().type() == TokenType.ASSIGN) {
                ensure(starKwargs == null, open);
                Token keyToken = s.next();
                String key = keyToken.text();
                s.next();
                if (keywords.stream().anyMatch(k -> k.name().equals(key))) {
                    parser.pythonError(PythonError.COMPILER, "keyword argument repeated: " + key, s.pos(keyToken));
                }
                keywords.add(new Expr.Kwarg(key, exprs.parseExpression()));
            } else {
                ensure(starArgs == null && starKwargs == null && keywords.isEmpty(), open);
                positional.add(exprs.parseExpression());
            }
            requireComma = true;
        }
        s.expect(TokenType.RPAREN);
        if (positional.isEmpty() && keywords.isEmpty() && starArgs == null && starKwargs == null) {
            return Expr.Args.NONE;
        }
        return new Expr.Args(positional, keywords, starArgs, starKwargs);
    }

    private void ensure(boolean ok, Token open) {
        if (!ok) {
            throw s.error("invalid syntax for function call expression", open);
        }
    }

    /**
     * {@code | name(args) | ...}; with {@code startInline} the first filter has no pipe (the
     * filter tag). Returns {@code node} when there is no filter.
     */
    Expr parseFilter(Expr node, boolean startInline) {
        int levels = 0;
        while (s.is(TokenType.PIPE) || startInline) {
            parser.enter();
            levels++;
            if (!startInline) {
                s.next();
            }
            Token name = s.expect(TokenType.NAME);
            String fullName = dottedName(name.text());
            Expr.Args args = s.is(TokenType.LPAREN) ? parseCallArgs() : Expr.Args.NONE;
            node = new Expr.Filter(s.pos(name), node, fullName, args);
            startInline = false;
        }
        parser.leave(levels);
        return node;
    }

    /** The filters of a filter tag or block set, innermost first, each with a null input. */
    List<Expr.Filter> parseFilterList(boolean startInline) {
        List<Expr.Filter> filters = new ArrayList<>();
        for (Expr f = parseFilter(null, startInline); f != null; f = ((Expr.Filter) f).input()) {
            Expr.Filter filter = (Expr.Filter) f;
            filters.add(0, new Expr.Filter(filter.pos(), null, filter.name(), filter.args()));
        }
        return filters;
    }

    /**
     * {@code is [not] name}, with arguments in parentheses or, as Jinja2 allows, one bare
     * argument: a primary with postfix ({@code is divisibleby 3}, {@code is sameas none}).
     */
    private Expr parseTest(Expr node) {
        Token is = s.next();
        Pos pos = s.pos(is);
        boolean negated = s.skipIfName("not");
        String name = dottedName(s.expect(TokenType.NAME).text());
        Expr.Args args = Expr.Args.NONE;
        if (s.is(TokenType.LPAREN)) {
            args = parseCallArgs();
        } else if (startsBareArgument(s.current())) {
            if (s.isName("is")) {
                throw s.error("You cannot chain multiple tests with is", s.current());
            }
            Expr arg = parsePostfix(exprs.parsePrimary(false));
            args = new Expr.Args(List.of(arg), List.of(), null, null);
        }
        Expr test = new Expr.Test(pos, node, name, args);
        return negated ? new Expr.Not(pos, test) : test;
    }

    private static boolean startsBareArgument(Token token) {
        return switch (token.type()) {
            case NAME -> !token.isName("else") && !token.isName("or") && !token.isName("and");
            case STRING, INTEGER, FLOAT, LPAREN, LBRACKET, LBRACE -> true;
            default -> false;
        };
    }

    private String dottedName(String first) {
        if (!s.is(TokenType.DOT)) {
            return first;
        }
        StringBuilder name = new StringBuilder(first);
        while (s.skipIf(TokenType.DOT)) {
            name.append('.').append(s.expect(TokenType.NAME).text());
        }
        return name.toString();
    }
}
