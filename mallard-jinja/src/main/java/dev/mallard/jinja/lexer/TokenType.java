package dev.mallard.jinja.lexer;

/** The kinds of token Jinja2's lexer produces, each with the words its error messages use. */
public enum TokenType {
    ADD("+"), SUB("-"), DIV("/"), FLOORDIV("//"), MUL("*"), MOD("%"), POW("**"), TILDE("~"),
    LBRACKET("["), RBRACKET("]"), LPAREN("("), RPAREN(")"), LBRACE("{"), RBRACE("}"),
    EQ("=="), NE("!="), GT(">"), GTEQ(">="), LT("<"), LTEQ("<="),
    ASSIGN("="), DOT("."), COLON(":"), PIPE("|"), COMMA(","), SEMICOLON(";"),
    NAME("name"), STRING("string"), INTEGER("integer"), FLOAT("float"),
    DATA("template data / text"),
    BLOCK_BEGIN("begin of statement block"), BLOCK_END("end of statement block"),
    VARIABLE_BEGIN("begin of print statement"), VARIABLE_END("end of print statement"),
    EOF("end of template"),
    /** A lexing failure; the stream throws its error when the parser reaches it. */
    ERROR("error");

    private final String description;

    TokenType(String description) {
        this.description = description;
    }

    /** How Jinja2 names this kind of token in a message: the operator itself, or words. */
    public String description() {
        return description;
    }
}
