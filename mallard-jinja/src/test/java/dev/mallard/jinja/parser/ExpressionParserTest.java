package dev.mallard.jinja.parser;

import dev.mallard.jinja.ast.Expr;
import dev.mallard.jinja.ast.Stmt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Expressions parse with Jinja2 3.1's precedence, trailers and literals. */
class ExpressionParserTest {

    static String expr(String source) {
        Stmt.Print print = (Stmt.Print) Parser.parse("t.sql", "{{ " + source + " }}").body().get(0);
        return AstPrinter.print(print.expr());
    }

    static Object constant(String source) {
        Stmt.Print print = (Stmt.Print) Parser.parse("t.sql", "{{ " + source + " }}").body().get(0);
        return ((Expr.Const) print.expr()).value();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '`', value = {
        "1 + 2 * 3 => (+ L:1 (* L:2 L:3))",
        "1 - 2 - 3 => (- (- L:1 L:2) L:3)",
        "2 ** 3 ** 2 => (** (** L:2 L:3) L:2)",
        "-2 ** 2 => (** (neg L:2) L:2)",
        "-1|abs => (filter abs (neg L:1))",
        "-x.y|f => (filter f (neg (. x y)))",
        "- - x => (neg (neg x))",
        "+x => (pos x)",
        "a ~ b ~ c => (~ (~ a b) c)",
        "a ~ b + c => (+ (~ a b) c)",
        "a + b ~ c => (+ a (~ b c))",
        "a * b ~ c => (~ (* a b) c)",
        "a // b % c / d => (/ (% (// a b) c) d)",
        "not a and b => (and (not a) b)",
        "a or b and c => (or a (and b c))",
        "not a == b => (not (cmp a == b))",
        "a < b <= c != d => (cmp a < b <= c != d)",
        "a not in b in c => (cmp a not_in b in c)",
        "not a in b => (not (cmp a in b))",
        "a if b => (if b a _)",
        "a if b else c if d else e => (if b a (if d c e))",
        "a if b if c => (if c (if b a _) _)",
        "a + b|f => (+ a (filter f b))",
        "a ** b|f => (** a (filter f b))",
        "a + b is defined => (+ a (test defined b))",
        "x is not defined => (not (test defined x))",
        "x is defined and y => (and (test defined x) y)",
        "x is divisibleby 3 => (test divisibleby x L:3)",
        "x is sameas none => (test sameas x None)",
        "x is in [1, 2] => (test in x (list L:1 L:2))",
        "x is eq y.z => (test eq x (. y z))",
        "x is t(1)(2) => (call (test t x L:1) L:2)",
        "x|f.g(1, a=2) => (filter f.g x L:1 a=L:2)",
        "x|f(1)(2) => (call (filter f x L:1) L:2)",
        "x|f|g => (filter g (filter f x))",
    })
    void precedenceAndTrailersFollowJinja2(String source, String tree) {
        assertEquals(tree, expr(source));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '`', value = {
        "x.y.z => (. (. x y) z)",
        "x.0 => ([] x L:0)",
        "x.1.2 => ([] ([] x L:1) L:2)",
        "x['a'] => ([] x 'a')",
        "x[1:2] => ([] x (slice L:1 L:2 _))",
        "x[::2] => ([] x (slice _ _ L:2))",
        "x[:] => ([] x (slice _ _ _))",
        "x[1, 2] => ([] x (tuple L:1 L:2))",
        "x[] => ([] x (tuple))",
        "f(a).b[c](d) => (call ([] (. (call f a) b) c) d)",
        "f(1, 2,) => (call f L:1 L:2)",
        "f(a=1, b=2,) => (call f a=L:1 b=L:2)",
        "f(1, *a, **kw) => (call f L:1 *a **kw)",
        "f(a=1, *b) => (call f a=L:1 *b)",
        "f(**kw) => (call f **kw)",
        "loop.index => (. loop index)",
    })
    void postfixAndCalls(String source, String tree) {
        assertEquals(tree, expr(source));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '`', value = {
        "[] => (list)",
        "[1, 2,] => (list L:1 L:2)",
        "{} => (dict)",
        "{'a': 1,} => (dict 'a' L:1)",
        "{k.lower(): 1} => (dict (call (. k lower)) L:1)",
        "() => (tuple)",
        "(1) => L:1",
        "(1,) => (tuple L:1)",
        "(1, 2,) => (tuple L:1 L:2)",
        "a, b => (tuple a b)",
        "a, => (tuple a)",
        "'ab' \"cd\" 'ef' => 'abcdef'",
        "true => True",
        "False => False",
        "none => None",
        "None => None",
        "TRUE => TRUE",
    })
    void literals(String source, String tree) {
        assertEquals(tree, expr(source));
    }

    @Test
    void numbersAreLongBigIntegerOrDouble() {
        assertEquals(5L, constant("0b101"));
        assertEquals(15L, constant("0o17"));
        assertEquals(255L, constant("0x_fF"));
        assertEquals(1000L, constant("1_000"));
        assertEquals(Long.MAX_VALUE, constant("9223372036854775807"));
        assertEquals(new BigInteger("9223372036854775808"), constant("9223372036854775808"));
        assertEquals(1000.5, constant("1_000.5"));
        assertEquals(1000.0, constant("1e3"));
        assertEquals(0.001, constant("1E-3"));
        assertEquals("([] L:1 L:5)", expr("1.5.5").replace("f:1.5", "L:1"));
        assertEquals("(. L:1 e5)", expr("1.e5"));
    }

    @Test
    void stringsDecodeEscapesAsPython() {
        assertEquals("\n\t\\'\"", constant("'\\n\\t\\\\\\'\\\"'"));
        assertEquals("\\d", constant("'\\d'"));
        assertEquals("AAA", constant("'\\x41\\u0041\\101'"));
        assertEquals("a", constant("'\\N{LATIN SMALL LETTER A}'"));
        assertEquals("ab", constant("'a\\\nb'"));
        assertEquals("é\\xe9", constant("'é\\é'"));
        assertEquals("}}", constant("'}}'"));
        assertEquals("it's", constant("\"it's\""));
    }
}
