package dev.mallard.jinja.parser;

import dev.mallard.jinja.ast.Expr;
import dev.mallard.jinja.ast.Pos;
import dev.mallard.jinja.ast.Stmt;
import dev.mallard.jinja.lexer.Token;
import dev.mallard.jinja.lexer.TokenStream;
import dev.mallard.jinja.lexer.TokenType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Jinja2's own tags plus those of the {@code do} and {@code loopcontrols} extensions. Each
 * statement's position is its {@code {%}.
 */
final class StatementParser {
    private final Parser parser;
    private final TokenStream s;

    StatementParser(Parser parser, TokenStream stream) {
        this.parser = parser;
        this.s = stream;
    }

    /** Parses the tag named {@code tag} into {@code out}; false when it is not one of these tags. */
    boolean parse(String tag, Pos pos, List<Stmt> out) {
        switch (tag) {
            case "for" -> out.add(parseFor(pos));
            case "if" -> out.add(parseIf(pos));
            case "block" -> out.add(parseBlock(pos));
            case "print" -> parsePrint(pos, out);
            case "macro" -> out.add(parseMacro(pos));
            case "set" -> out.add(parseSet(pos));
            case "with" -> out.add(parseWith(pos));
            case "autoescape" -> out.add(parseAutoescape(pos));
            case "call" -> out.add(parseCallBlock(pos));
            case "filter" -> out.add(parseFilterBlock(pos));
            case "do" -> {
                s.next();
                out.add(new Stmt.Do(pos, parser.exprs().parseTuple(true)));
            }
            case "break" -> {
                s.next();
                out.add(new Stmt.Break(pos));
            }
            case "continue" -> {
                s.next();
                out.add(new Stmt.Continue(pos));
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private Stmt parseFor(Pos pos) {
        s.next();
        Expr target = parser.targets().parse(false);
        s.expectName("in");
        Expr iter = parser.exprs().parseTuple(false);
        Expr filter = s.skipIfName("if") ? parser.exprs().parseExpression() : null;
        boolean recursive = s.skipIfName("recursive");
        List<Stmt> body = parser.parseStatements(false, "endfor", "else");
        List<Stmt> orelse = List.of();
        if (!s.next().isName("endfor")) {
            orelse = parser.parseStatements(true, "endfor");
        }
        return new Stmt.For(pos, target, iter, filter, recursive, body, orelse);
    }

    private Stmt parseIf(Pos pos) {
        s.next();
        List<Pos> positions = new ArrayList<>();
        List<Expr> tests = new ArrayList<>();
        List<List<Stmt>> bodies = new ArrayList<>();
        List<Stmt> orelse = List.of();
        Pos branchPos = pos;
        while (true) {
            positions.add(branchPos);
            tests.add(parser.exprs().parseTuple(false));
            bodies.add(parser.parseStatements(false, "elif", "else", "endif"));
            branchPos = s.pos(parser.lastBlockBegin());
            Token token = s.next();
            if (token.isName("elif")) {
                continue;
            }
            if (token.isName("else")) {
                orelse = parser.parseStatements(true, "endif");
            }
            break;
        }
        Stmt.If result = null;
        for (int i = tests.size() - 1; i >= 0; i--) {
            result = new Stmt.If(positions.get(i), tests.get(i), bodies.get(i), result == null ? orelse : List.of(result));
        }
        return result;
    }

    private Stmt parseBlock(Pos pos) {
        s.next();
        String name = s.expect(TokenType.NAME).text();
        s.skipIfName("scoped");
        boolean required = s.skipIfName("required");
        if (s.is(TokenType.SUB)) {
            throw s.error("Block names in Jinja have to be valid Python identifiers and may not contain hyphens,"
                    + " use an underscore instead.", s.current());
        }
        List<Stmt> body = parser.parseStatements(true, "endblock");
        if (required) {
            for (Stmt stmt : body) {
                if (!(stmt instanceof Stmt.Text text) || !isSpace(text.text())) {
                    throw s.error("Required blocks can only contain comments or whitespace", s.current());
                }
            }
        }
        s.skipIfName(name);
        return new Stmt.Scoped(pos, "block", name, body);
    }

    /** Python's {@code str.isspace()}: non-empty and all whitespace. */
    private static boolean isSpace(String text) {
        return !text.isEmpty() && text.chars().allMatch(dev.mallard.jinja.lexer.PythonChars::isSpace);
    }

    private void parsePrint(Pos pos, List<Stmt> out) {
        s.next();
        boolean first = true;
        while (!s.is(TokenType.BLOCK_END)) {
            if (!first) {
                s.expect(TokenType.COMMA);
            }
            out.add(new Stmt.Print(pos, parser.exprs().parseExpression()));
            first = false;
        }
    }

    private Stmt parseMacro(Pos pos) {
        s.next();
        String name = parser.targets().parseName().name();
        List<Stmt.Param> params = parseSignature();
        List<Stmt> body = parser.parseStatements(true, "endmacro");
        return macro(pos, name, params, body, Stmt.Macro.Kind.MACRO);
    }

    /** A macro with Jinja2's verdict on whether its body reads caller, varargs and kwargs. */
    static Stmt.Macro macro(Pos pos, String name, List<Stmt.Param> params, List<Stmt> body, Stmt.Macro.Kind kind) {
        SpecialNames uses = SpecialNames.of(body, params);
        return new Stmt.Macro(pos, name, params, body, kind, uses.caller(), uses.varargs(), uses.kwargs());
    }

    /**
     * {@code (a, b: Type[Param] = default, ...)}: no trailing comma, defaults only at the end.
     * Type annotations are dbt's (dbt_common's parser); they are checked for syntax and dropped.
     */
    List<Stmt.Param> parseSignature() {
        List<Stmt.Param> params = new ArrayList<>();
        Set<String> names = new HashSet<>();
        boolean defaults = false;
        s.expect(TokenType.LPAREN);
        while (!s.is(TokenType.RPAREN)) {
            if (!params.isEmpty()) {
                s.expect(TokenType.COMMA);
            }
            Expr.Name param = parser.targets().parseName();
            String name = param.name();
            if (!names.add(name)) {
                parser.pythonError(PythonError.SYMBOL_TABLE, "duplicate argument '" + name + "' in function definition",
                        param.pos());
            }
            if (s.skipIf(TokenType.COLON)) {
                parseTypeName();
            }
            Expr defaultValue = null;
            if (s.skipIf(TokenType.ASSIGN)) {
                defaultValue = parser.exprs().parseExpression();
                defaults = true;
            } else if (defaults) {
                throw s.error("non-default argument follows default argument", s.current());
            }
            params.add(new Stmt.Param(name, defaultValue));
        }
        s.expect(TokenType.RPAREN);
        return params;
    }

    /** {@code Name} or {@code Name[Type, ...]}. */
    private void parseTypeName() {
        s.expect(TokenType.NAME);
        if (s.skipIf(TokenType.LBRACKET)) {
            parser.enter();
            boolean first = true;
            while (!s.is(TokenType.RBRACKET)) {
                if (!first) {
                    s.expect(TokenType.COMMA);
                }
                parseTypeName();
                first = false;
            }
            s.expect(TokenType.RBRACKET);
            parser.leave(1);
        }
    }

    private Stmt parseCallBlock(Pos pos) {
        Token tag = s.next();
        List<Stmt.Param> params = s.is(TokenType.LPAREN) ? parseSignature() : List.of();
        Expr call = parser.exprs().parseExpression();
        if (!(call instanceof Expr.Call c)) {
            throw s.error("expected call", tag);
        }
        List<Stmt> body = parser.parseStatements(true, "endcall");
        SpecialNames uses = SpecialNames.of(body, params);
        return new Stmt.CallBlock(pos, c, params, body, uses.varargs(), uses.kwargs());
    }

    private Stmt parseFilterBlock(Pos pos) {
        s.next();
        List<Expr.Filter> filters = parser.exprs().trailers().parseFilterList(true);
        return new Stmt.FilterBlock(pos, filters, parser.parseStatements(true, "endfilter"));
    }

    private Stmt parseSet(Pos pos) {
        s.next();
        Expr target = parser.targets().parse(true);
        if (s.skipIf(TokenType.ASSIGN)) {
            return new Stmt.Set(pos, target, parser.exprs().parseTuple(true));
        }
        List<Expr.Filter> filters = parser.exprs().trailers().parseFilterList(false);
        return new Stmt.SetBlock(pos, target, filters, parser.parseStatements(true, "endset"));
    }

    private Stmt parseWith(Pos pos) {
        s.next();
        List<Expr> targets = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        while (!s.is(TokenType.BLOCK_END)) {
            if (!targets.isEmpty()) {
                s.expect(TokenType.COMMA);
            }
            targets.add(parser.targets().parse(false));
            s.expect(TokenType.ASSIGN);
            values.add(parser.exprs().parseExpression());
        }
        return new Stmt.With(pos, targets, values, parser.parseStatements(true, "endwith"));
    }

    /** dbt has no escaping, so the autoescape setting is parsed and dropped. */
    private Stmt parseAutoescape(Pos pos) {
        s.next();
        parser.exprs().parseExpression();
        return new Stmt.Scoped(pos, "autoescape", null, parser.parseStatements(true, "endautoescape"));
    }
}
