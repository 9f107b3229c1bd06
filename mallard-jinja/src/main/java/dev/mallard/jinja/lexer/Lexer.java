package dev.mallard.jinja.lexer;

import dev.mallard.jinja.TemplateError;

import java.util.ArrayList;
import java.util.List;

/**
 * Jinja2 3.1's lexer with dbt's settings: {@code {{ }}}, {@code {% %}}, {@code {# #}} with
 * {@code -}/{@code +} whitespace control, {@code {% raw %}}, no line statements, no
 * trim_blocks/lstrip_blocks. A hand-written scanner that follows Jinja2's regular expressions
 * rule by rule. A lexing error becomes an ERROR token, so that, as in Jinja2, it surfaces only
 * when the parser gets that far.
 */
public final class Lexer {
    private final String file;
    private final SourceText source;
    private final String src;
    private final int len;
    private final List<Token> tokens;
    /** Closing brackets still expected inside the current tag, innermost last. */
    private final StringBuilder brackets = new StringBuilder();
    private final TagScanner tags;

    private Lexer(String file, String source) {
        this.file = file;
        this.source = SourceText.of(source);
        this.src = this.source.text();
        this.len = src.length();
        this.tokens = new ArrayList<>(16 + len / 4);
        this.tags = new TagScanner(this, src);
    }

    /** Tokenises {@code source}; errors are reported against {@code file}. */
    public static TokenStream tokenize(String file, String source) {
        Lexer lexer = new Lexer(file, source);
        lexer.run();
        return new TokenStream(file, lexer.source.text(), lexer.tokens);
    }

    private void run() {
        try {
            int pos = 0;
            while (pos < len) {
                pos = root(pos);
            }
        } catch (Stop stop) {
            return;
        }
        Token last = tokens.isEmpty() ? null : tokens.get(tokens.size() - 1);
        // Jinja2's end-of-template token carries the line of the last real token.
        tokens.add(new Token(TokenType.EOF, null, len, len, last == null ? 1 : last.line(),
                last == null ? 1 : last.column()));
    }

    /** Template text up to the next tag, then the tag. */
    private int root(int pos) {
        int i = pos;
        char kind;
        while (true) {
            i = src.indexOf('{', i);
            if (i < 0 || i + 1 >= len) {
                data(pos, len, false);
                return len;
            }
            kind = src.charAt(i + 1);
            if (kind == '{' || kind == '%' || kind == '#') {
                break;
            }
            i++;
        }
        int p = i + 2;
        char sign = p < len ? src.charAt(p) : 0;
        if (sign == '-' || sign == '+') {
            p++;
        }
        int rawBody = kind == '%' ? rawBegin(i) : -1;
        data(pos, i, sign == '-');
        if (rawBody >= 0) {
            return raw(i, rawBody);
        }
        if (kind == '#') {
            return comment(i, p);
        }
        add(kind == '{' ? TokenType.VARIABLE_BEGIN : TokenType.BLOCK_BEGIN, null, i, p);
        return tag(kind == '{', p);
    }

    private void data(int from, int to, boolean stripTrailing) {
        if (to > from) {
            String text = src.substring(from, to);
            if (stripTrailing) {
                text = PythonChars.rstrip(text);
            }
            if (!text.isEmpty()) {
                add(TokenType.DATA, text, from, from + text.length());
            }
        }
    }

    /** {@code {%[-+]\s*raw\s*(-%}\s*|%})} at {@code i}: the offset after it, or -1. */
    private int rawBegin(int i) {
        int p = skipSign(i + 2);
        p = skipSpace(p);
        if (!src.startsWith("raw", p)) {
            return -1;
        }
        p = skipSpace(p + 3);
        if (src.startsWith("-%}", p)) {
            return skipSpace(p + 3);
        }
        return src.startsWith("%}", p) ? p + 2 : -1;
    }

    private int raw(int tagStart, int body) {
        for (int j = src.indexOf("{%", body); j >= 0; j = src.indexOf("{%", j + 1)) {
            int end = rawEnd(j);
            if (end >= 0) {
                data(body, j, src.charAt(j + 2) == '-');
                return end;
            }
        }
        if (body < len) {
            throw error("Missing end of raw directive", tagStart);
        }
        return len;
    }

    /** {@code {%[-+]\s*endraw\s*(+%}|-%}\s*|%})} at {@code j}: the offset after it, or -1. */
    private int rawEnd(int j) {
        int p = skipSpace(skipSign(j + 2));
        if (!src.startsWith("endraw", p)) {
            return -1;
        }
        p = skipSpace(p + 6);
        if (src.startsWith("+%}", p)) {
            return p + 3;
        }
        if (src.startsWith("-%}", p)) {
            return skipSpace(p + 3);
        }
        return src.startsWith("%}", p) ? p + 2 : -1;
    }

    private int comment(int tagStart, int body) {
        int close = src.indexOf("#}", body);
        if (close < 0) {
            if (body < len) {
                throw error("Missing end of comment tag", tagStart);
            }
            return len;
        }
        return close > body && src.charAt(close - 1) == '-' ? skipSpace(close + 2) : close + 2;
    }

    /** The tokens of a {@code {{ }}} or {@code {% %}} tag, through its end marker. */
    private int tag(boolean variable, int start) {
        int p = start;
        while (p < len) {
            if (brackets.length() == 0) {
                int end = tagEnd(variable, p);
                if (end >= 0) {
                    return end;
                }
            }
            char c = src.charAt(p);
            if (PythonChars.isSpace(c)) {
                p = skipSpace(p + 1);
            } else {
                p = tags.token(p);
            }
        }
        return len;
    }

    private int tagEnd(boolean variable, int p) {
        if (variable) {
            if (src.startsWith("-}}", p)) {
                add(TokenType.VARIABLE_END, null, p, p + 3);
                return skipSpace(p + 3);
            }
            if (src.startsWith("}}", p)) {
                add(TokenType.VARIABLE_END, null, p, p + 2);
                return p + 2;
            }
            return -1;
        }
        if (src.startsWith("+%}", p)) {
            add(TokenType.BLOCK_END, null, p, p + 3);
            return p + 3;
        }
        if (src.startsWith("-%}", p)) {
            add(TokenType.BLOCK_END, null, p, p + 3);
            return skipSpace(p + 3);
        }
        if (src.startsWith("%}", p)) {
            add(TokenType.BLOCK_END, null, p, p + 2);
            return p + 2;
        }
        return -1;
    }

    /** Tracks brackets as Jinja2 does: a closer must match the innermost opener. */
    void bracket(char c, int offset) {
        switch (c) {
            case '(' -> brackets.append(')');
            case '[' -> brackets.append(']');
            case '{' -> brackets.append('}');
            default -> {
                int n = brackets.length();
                if (n == 0) {
                    throw error("unexpected '" + c + "'", offset);
                }
                char expected = brackets.charAt(n - 1);
                brackets.setLength(n - 1);
                if (expected != c) {
                    throw error("unexpected '" + c + "', expected '" + expected + "'", offset);
                }
            }
        }
    }

    private int skipSign(int p) {
        return p < len && (src.charAt(p) == '-' || src.charAt(p) == '+') ? p + 1 : p;
    }

    private int skipSpace(int p) {
        while (p < len && PythonChars.isSpace(src.charAt(p))) {
            p++;
        }
        return p;
    }

    void add(TokenType type, Object value, int offset, int end) {
        tokens.add(new Token(type, value, offset, end, source.lineAt(offset), source.columnAt(offset)));
    }

    /** Records an ERROR token at {@code offset} and returns the signal that ends lexing. */
    Stop error(String message, int offset) {
        int line = source.lineAt(offset);
        int column = source.columnAt(offset);
        TemplateError error = new TemplateError(TemplateError.Kind.SYNTAX, message, file, line, column,
                TemplateError.lineOf(src, line), null);
        tokens.add(new Token(TokenType.ERROR, error, offset, offset, line, column));
        return new Stop();
    }

    int codePointIndex(int offset) {
        return source.codePointIndex(offset);
    }

    /** Ends lexing after an ERROR token was recorded. */
    static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }
}
