package dev.mallard.jinja.parser;

import dev.mallard.jinja.ast.Expr;
import dev.mallard.jinja.ast.Pos;
import dev.mallard.jinja.ast.Stmt;
import dev.mallard.jinja.lexer.Token;
import dev.mallard.jinja.lexer.TokenStream;
import dev.mallard.jinja.lexer.TokenType;

import java.util.List;

/**
 * dbt's block tags: {@code test} and {@code materialization} (macros with dbt's names),
 * {@code docs} (kept with its raw text) and {@code snapshot}.
 */
final class DbtTagParser {
    private final Parser parser;
    private final TokenStream s;

    DbtTagParser(Parser parser, TokenStream stream) {
        this.parser = parser;
        this.s = stream;
    }

    /** Parses the tag named {@code tag} into {@code out}; false when it is not a dbt tag. */
    boolean parse(String tag, Pos pos, List<Stmt> out) {
        switch (tag) {
            case "test" -> out.add(parseTest(pos));
            case "materialization" -> out.add(parseMaterialization(pos));
            case "docs" -> out.add(parseDocs(pos));
            case "snapshot" -> out.add(parseSnapshot(pos));
            default -> {
                return false;
            }
        }
        return true;
    }

    /** {@code {% test name(params) %}} is the macro {@code test_<name>}. */
    private Stmt parseTest(Pos pos) {
        s.next();
        String name = parser.targets().parseName().name();
        List<Stmt.Param> params = parser.statements().parseSignature();
        List<Stmt> body = parser.parseStatements(true, "endtest");
        return StatementParser.macro(pos, "test_" + name, params, body, Stmt.Macro.Kind.TEST);
    }

    /**
     * {@code {% materialization name[, default | , adapter='x'][, supported_languages=[...]] %}} is the
     * macro {@code materialization_<name>_<adapter>}, adapter "default" unless given.
     */
    private Stmt parseMaterialization(Pos pos) {
        s.next();
        String name = parser.targets().parseName().name();
        String adapter = "default";
        while (s.skipIf(TokenType.COMMA)) {
            Token argToken = s.current();
            String arg = parser.targets().parseName().name();
            switch (arg) {
                case "default" -> {
                }
                case "adapter" -> {
                    s.expect(TokenType.ASSIGN);
                    Expr value = parser.exprs().parseExpression();
                    if (!(value instanceof Expr.Const c)) {
                        throw s.error("materialization '" + name + "': the adapter must be a literal", value.pos());
                    }
                    adapter = pythonStr(c.value());
                }
                case "supported_languages" -> {
                    s.expect(TokenType.ASSIGN);
                    parser.exprs().parseExpression();
                }
                default -> throw s.error("materialization '" + name + "' received unknown argument '" + arg + "'.",
                        argToken);
            }
        }
        List<Stmt> body = parser.parseStatements(true, "endmaterialization");
        return StatementParser.macro(pos, "materialization_" + name + "_" + adapter, List.of(), body,
                Stmt.Macro.Kind.MATERIALIZATION);
    }

    private static String pythonStr(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        return value.toString();
    }

    /** {@code {% docs name %}}: the body is kept both parsed and as the exact text between the tags. */
    private Stmt parseDocs(Pos pos) {
        s.next();
        String name = parser.targets().parseName().name();
        Parser.Body body = parser.parseBody(true, "enddocs");
        String raw = s.source().substring(body.start(), body.end());
        return new Stmt.Docs(pos, name, raw, body.stmts());
    }

    private Stmt parseSnapshot(Pos pos) {
        s.next();
        String name = parser.targets().parseName().name();
        Parser.Body body = parser.parseBody(true, "endsnapshot");
        String raw = s.source().substring(body.start(), body.end());
        int bodyLine = 1 + (int) s.source().substring(0, body.start()).chars().filter(c -> c == '\n').count();
        return new Stmt.Snapshot(pos, name, raw, bodyLine, body.stmts());
    }
}
