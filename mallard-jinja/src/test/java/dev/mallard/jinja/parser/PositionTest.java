package dev.mallard.jinja.parser;

import dev.mallard.jinja.ast.Expr;
import dev.mallard.jinja.ast.Pos;
import dev.mallard.jinja.ast.Stmt;
import dev.mallard.jinja.ast.TemplateAst;
import dev.mallard.jinja.lexer.Lexer;
import dev.mallard.jinja.lexer.Token;
import dev.mallard.jinja.lexer.TokenStream;
import dev.mallard.jinja.lexer.TokenType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Tokens and nodes know the file, 1-based line and column (in characters) where they start. */
class PositionTest {

    private static String tokens(String source) {
        TokenStream stream = Lexer.tokenize("t", source);
        List<String> out = new ArrayList<>();
        while (!stream.is(TokenType.EOF)) {
            Token t = stream.next();
            out.add(t.describe() + "@" + t.line() + ":" + t.column());
        }
        return String.join(" ", out);
    }

    @Test
    void tokensCarryLineAndColumn() {
        assertEquals("template data / text@1:1 begin of print statement@2:3 x@2:6 .@3:2 y@3:3 end of print statement@3:5",
                tokens("ab\n  {{ x\n\t.y }}"));
        assertEquals("begin of statement block@1:1 if@1:4 a@1:7 end of statement block@1:9 template data / text@4:1",
                tokens("{% if a -%}\n\n  \nb"));
        // A character outside the BMP counts as one column, as Python counts.
        assertEquals("template data / text@1:1 begin of print statement@1:4 x@1:7 end of print statement@1:9",
                tokens("\uD83E\uDD86 a{{ x }}"));
    }

    @Test
    void nodesStartAtTheirFirstTokenAndTrailersAtTheirOwn() {
        TemplateAst ast = Parser.parse("models/m.sql", "select\n  {{ a + b.c|f(1) }}\n{% if x %}{% elif y %}{% endif %}");
        assertEquals("models/m.sql", ast.name());
        Stmt.Print print = (Stmt.Print) ast.body().get(1);
        assertEquals(new Pos("models/m.sql", 2, 3), print.pos());
        Expr.Binary plus = (Expr.Binary) print.expr();
        assertEquals(new Pos("models/m.sql", 2, 6), plus.pos());
        Expr.Filter filter = (Expr.Filter) plus.right();
        assertEquals(14, filter.pos().column());
        assertEquals(11, ((Expr.GetAttr) filter.input()).pos().column());
        assertEquals(16, filter.args().positional().get(0).pos().column());
        Stmt.If outer = (Stmt.If) ast.body().get(3);
        assertEquals(new Pos("models/m.sql", 3, 1), outer.pos());
        assertEquals(new Pos("models/m.sql", 3, 11), outer.orelse().get(0).pos());
    }

    @Test
    void sourceIsKeptAsGiven() {
        assertEquals("a\r\n", Parser.parse("t", "a\r\n").source());
    }
}
