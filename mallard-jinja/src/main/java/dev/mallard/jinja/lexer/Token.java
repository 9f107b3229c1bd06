package dev.mallard.jinja.lexer;

import dev.mallard.jinja.TemplateError;

/**
 * One token: its type, its value (the name, the decoded string, a {@code Long}/{@code BigInteger},
 * a {@code Double}, the text of template data, or the {@link TemplateError} of an ERROR token),
 * where it starts and ends in the normalised source, and its 1-based line and column.
 */
public record Token(TokenType type, Object value, int offset, int end, int line, int column) {

    /** Whether this is the name {@code name}. */
    public boolean isName(String name) {
        return type == TokenType.NAME && name.equals(value);
    }

    /** The value as text: the name, string or data. */
    public String text() {
        return (String) value;
    }

    /** How Jinja2 describes this token in a message: a name by itself, anything else by its type. */
    public String describe() {
        return type == TokenType.NAME ? (String) value : type.description();
    }
}
