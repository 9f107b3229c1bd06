package dev.mallard.jinja.lexer;

import dev.mallard.jinja.TemplateError;
import dev.mallard.jinja.ast.Pos;

import java.util.List;

/**
 * The parser's view of the tokens: a current token, one token of look-ahead, and Jinja2's
 * {@code expect}/{@code skip_if} with its error messages. Reaching an ERROR token throws its error.
 */
public final class TokenStream {
    private final String file;
    private final String source;
    private final List<Token> tokens;
    private int index;

    TokenStream(String file, String source, List<Token> tokens) {
        this.file = file;
        this.source = source;
        this.tokens = tokens;
        check(tokens.get(0));
    }

    /** The template's name, as errors report it. */
    public String file() {
        return file;
    }

    /** The normalised source text the token offsets refer to. */
    public String source() {
        return source;
    }

    public Token current() {
        return tokens.get(index);
    }

    /** Moves one token ahead and returns the token that was current. */
    public Token next() {
        Token old = tokens.get(index);
        if (old.type() != TokenType.EOF) {
            index++;
            check(tokens.get(index));
        }
        return old;
    }

    /** The token after the current one. */
    public Token look() {
        Token cur = tokens.get(index);
        if (cur.type() == TokenType.EOF) {
            return cur;
        }
        Token next = tokens.get(index + 1);
        check(next);
        return next;
    }

    public boolean is(TokenType type) {
        return tokens.get(index).type() == type;
    }

    public boolean isName(String name) {
        return tokens.get(index).isName(name);
    }

    public boolean skipIf(TokenType type) {
        if (is(type)) {
            next();
            return true;
        }
        return false;
    }

    public boolean skipIfName(String name) {
        if (isName(name)) {
            next();
            return true;
        }
        return false;
    }

    /** The current token if it has {@code type} (and moves on), else Jinja2's "expected token" error. */
    public Token expect(TokenType type) {
        if (!is(type)) {
            throw expected(type.description());
        }
        return next();
    }

    /** The current token if it is the name {@code name} (and moves on), else an error. */
    public Token expectName(String name) {
        if (!isName(name)) {
            throw expected(name);
        }
        return next();
    }

    private TemplateError expected(String what) {
        Token cur = current();
        if (cur.type() == TokenType.EOF) {
            return error("unexpected end of template, expected '" + what + "'.", cur);
        }
        return error("expected token '" + what + "', got '" + cur.describe() + "'", cur);
    }

    /** A syntax error at {@code token}. */
    public TemplateError error(String message, Token token) {
        return error(message, token.line(), token.column());
    }

    /** A syntax error at {@code pos}. */
    public TemplateError error(String message, Pos pos) {
        return error(message, pos.line(), pos.column());
    }

    private TemplateError error(String message, int line, int column) {
        return new TemplateError(TemplateError.Kind.SYNTAX, message, file, line, column,
                TemplateError.lineOf(source, line), null);
    }

    /** The position of {@code token} in this template. */
    public Pos pos(Token token) {
        return new Pos(file, token.line(), token.column());
    }

    private static void check(Token token) {
        if (token.type() == TokenType.ERROR) {
            throw (TemplateError) token.value();
        }
    }
}
