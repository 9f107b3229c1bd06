package dev.mallard.jinja.parser;

import dev.mallard.jinja.TemplateError;
import dev.mallard.jinja.ast.Pos;
import dev.mallard.jinja.ast.Stmt;
import dev.mallard.jinja.ast.TemplateAst;
import dev.mallard.jinja.lexer.Lexer;
import dev.mallard.jinja.lexer.PythonChars;
import dev.mallard.jinja.lexer.Token;
import dev.mallard.jinja.lexer.TokenStream;
import dev.mallard.jinja.lexer.TokenType;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Parses a template as Python's Jinja2 3.1 does in dbt's environment (the {@code do} and
 * {@code loopcontrols} extensions plus dbt's {@code test}, {@code materialization}, {@code docs}
 * and {@code snapshot} tags), including the checks Jinja2 makes when it compiles a template.
 * Syntax errors use Jinja2's words.
 */
public final class Parser {
    /** How deep expressions and blocks may nest before the template is refused. */
    static final int MAX_DEPTH = 500;
    /** Jinja2 tags that need a template loader, which dbt's environment does not have. */
    private static final Set<String> LOADING_TAGS = Set.of("extends", "include", "import", "from");

    private final TokenStream s;
    private final ExpressionParser exprs;
    private final AssignTargets targets;
    private final StatementParser statements;
    private final DbtTagParser dbtTags;
    private final List<String> tagStack = new ArrayList<>();
    private final List<String[]> endTokenStack = new ArrayList<>();
    private final List<PythonError> pythonErrors = new ArrayList<>();
    private Token lastBlockBegin;
    private int depth;

    private Parser(TokenStream stream) {
        this.s = stream;
        this.exprs = new ExpressionParser(this, stream);
        this.targets = new AssignTargets(stream, exprs);
        this.statements = new StatementParser(this, stream);
        this.dbtTags = new DbtTagParser(this, stream);
    }

    /**
     * Parses {@code source}, the template called {@code name}.
     *
     * @throws TemplateError of kind SYNTAX, with the file, 1-based line and column
     */
    public static TemplateAst parse(String name, String source) {
        Objects.requireNonNull(source, "source");
        TokenStream stream = Lexer.tokenize(name, source);
        Parser parser = new Parser(stream);
        List<Stmt> body;
        try {
            body = parser.subparse(null);
        } catch (StackOverflowError e) {
            throw stream.error("template nests too deeply", stream.current());
        }
        new CompileChecks(stream, parser.pythonErrors).check(body);
        return new TemplateAst(name, source, body);
    }

    ExpressionParser exprs() {
        return exprs;
    }

    AssignTargets targets() {
        return targets;
    }

    StatementParser statements() {
        return statements;
    }

    /** The {@code {%} of the tag read last: after a body, that of its end tag. */
    Token lastBlockBegin() {
        return lastBlockBegin;
    }

    /** Template text, output and statements until one of {@code endTokens} (tag names) or the end. */
    List<Stmt> subparse(String[] endTokens) {
        List<Stmt> body = new ArrayList<>();
        enter();
        if (endTokens != null) {
            endTokenStack.add(endTokens);
        }
        try {
            while (true) {
                Token token = s.current();
                switch (token.type()) {
                    case EOF -> {
                        return body;
                    }
                    case DATA -> {
                        body.add(new Stmt.Text(s.pos(token), token.text()));
                        s.next();
                    }
                    case VARIABLE_BEGIN -> {
                        s.next();
                        body.add(new Stmt.Print(s.pos(token), exprs.parseTuple(true)));
                        s.expect(TokenType.VARIABLE_END);
                    }
                    case BLOCK_BEGIN -> {
                        s.next();
                        lastBlockBegin = token;
                        if (endTokens != null && isAnyName(endTokens)) {
                            return body;
                        }
                        parseStatement(s.pos(token), body);
                        s.expect(TokenType.BLOCK_END);
                    }
                    default -> throw s.error("unexpected '" + token.describe() + "'", token);
                }
            }
        } finally {
            if (endTokens != null) {
                endTokenStack.remove(endTokenStack.size() - 1);
            }
            leave(1);
        }
    }

    private boolean isAnyName(String[] names) {
        for (String name : names) {
            if (s.isName(name)) {
                return true;
            }
        }
        return false;
    }

    private void parseStatement(Pos pos, List<Stmt> out) {
        Token token = s.current();
        if (token.type() != TokenType.NAME) {
            throw s.error("tag name expected", token);
        }
        String tag = token.text();
        if (LOADING_TAGS.contains(tag)) {
            throw s.error("Encountered unsupported tag '" + tag + "': dbt templates cannot load other templates", token);
        }
        tagStack.add(tag);
        boolean known = false;
        try {
            known = statements.parse(tag, pos, out) || dbtTags.parse(tag, pos, out);
        } finally {
            tagStack.remove(tagStack.size() - 1);
        }
        if (!known) {
            throw unknownTagOrEnd(tag, endTokenStack, token);
        }
    }

    /** The statements of a block body, from the current tag's end to one of {@code endTokens}. */
    List<Stmt> parseStatements(boolean dropNeedle, String... endTokens) {
        return parseBody(dropNeedle, endTokens).stmts();
    }

    /**
     * Like {@link #parseStatements} but also says where the body's text starts and ends: after
     * the opening tag's {@code %}}, before the end tag's {@code {%}.
     */
    Body parseBody(boolean dropNeedle, String... endTokens) {
        s.skipIf(TokenType.COLON);
        Token tagEnd = s.expect(TokenType.BLOCK_END);
        List<Stmt> body = subparse(endTokens);
        if (s.is(TokenType.EOF)) {
            List<String[]> stack = new ArrayList<>(endTokenStack);
            stack.add(endTokens);
            throw unknownTagOrEnd(null, stack, s.current());
        }
        int end = lastBlockBegin.offset();
        if (dropNeedle) {
            s.next();
        }
        return new Body(body, tagEnd.end(), end);
    }

    /** A block body and the offsets of its source text. */
    record Body(List<Stmt> stmts, int start, int end) {
    }

    private TemplateError unknownTagOrEnd(String name, List<String[]> stack, Token at) {
        Set<String> expected = new LinkedHashSet<>();
        for (String[] names : stack) {
            expected.addAll(List.of(names));
        }
        StringBuilder msg = new StringBuilder(name == null
                ? "Unexpected end of template."
                : "Encountered unknown tag " + PythonChars.repr(name) + ".");
        if (!stack.isEmpty()) {
            List<String> looking = new ArrayList<>();
            for (String n : stack.get(stack.size() - 1)) {
                looking.add(PythonChars.repr(n));
            }
            String currentlyLooking = String.join(" or ", looking);
            if (name != null && expected.contains(name)) {
                msg.append(" You probably made a nesting mistake. Jinja is expecting this tag, but currently"
                        + " looking for ").append(currentlyLooking).append('.');
            } else {
                msg.append(" Jinja was looking for the following tags: ").append(currentlyLooking).append('.');
            }
        }
        if (!tagStack.isEmpty()) {
            msg.append(" The innermost block that needs to be closed is ")
                    .append(PythonChars.repr(tagStack.get(tagStack.size() - 1))).append('.');
        }
        return s.error(msg.toString(), at);
    }

    /** Remembers an error Jinja2 would only hit when Python compiles the generated code. */
    void pythonError(int stage, String message, Pos pos) {
        pythonErrors.add(new PythonError(stage, s.error(message, pos)));
    }

    /**
     * One level deeper in the tree being built (a nested expression or block, or one more link
     * of an operator or trailer chain). The limit keeps deep input from overflowing the stack
     * here or when the tree is walked. A failed parse is abandoned, so no unwinding is needed.
     */
    void enter() {
        if (depth >= MAX_DEPTH) {
            throw s.error("template nests too deeply (more than " + MAX_DEPTH + " levels)", s.current());
        }
        depth++;
    }

    void leave(int levels) {
        depth -= levels;
    }
}
