package dev.mallard.jinja.parser;

import dev.mallard.jinja.TemplateError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A template that is not Jinja2 fails with Jinja2's message, the file, line, column and line text. */
class SyntaxErrorTest {

    static TemplateError error(String template) {
        return assertThrows(TemplateError.class, () -> Parser.parse("models/m.sql", template));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '`', value = {
        "`{{ a }\\n}`            => 1:6  => unexpected '}'",
        "`{{ a b }}`             => 1:6  => expected token 'end of print statement', got 'b'",
        "`x\\n{{ a\\n`           => 2:4  => unexpected end of template, expected 'end of print statement'.",
        "`{{ a\\n + }}`          => 2:4  => unexpected 'end of print statement'",
        "`{{ }}`                 => 1:4  => Expected an expression, got 'end of print statement'",
        "`{% foo %}`             => 1:4  => Encountered unknown tag 'foo'.",
        "`{% %}`                 => 1:4  => tag name expected",
        "`{% for x in y %}\\n{% endif %}` => 2:4 => `Encountered unknown tag 'endif'. Jinja was looking for the following tags: 'endfor' or 'else'. The innermost block that needs to be closed is 'for'.`",
        "`{% if a %}{% for x in y %}{% endif %}` => 1:30 => `Encountered unknown tag 'endif'. You probably made a nesting mistake. Jinja is expecting this tag, but currently looking for 'endfor' or 'else'. The innermost block that needs to be closed is 'for'.`",
        // As in Jinja2, the end of the template is reported where the last token starts.
        "`{% for x in y %}\\nabc` => 1:17 => `Unexpected end of template. Jinja was looking for the following tags: 'endfor' or 'else'. The innermost block that needs to be closed is 'for'.`",
        "`{% if (a %}`           => 1:11 => unexpected '}', expected ')'",
        "`{{ a ? }}`             => 1:6  => unexpected char '?' at 5",
        "`{{ 'abc }}`            => 1:4  => unexpected char \"'\" at 3",
        "`{{ x² }}`              => 1:4  => Invalid character in identifier",
        "`{{ '\\x4' }}`          => 1:4  => truncated \\xXX escape",
        "`{# abc`                => 1:1  => Missing end of comment tag",
        "`{% raw %}abc`          => 1:1  => Missing end of raw directive",
        "`{{ 1. }}`              => 1:7  => expected name or number",
        "`{{ f(a=1, 2) }}`       => 1:5  => invalid syntax for function call expression",
        "`{{ f(**a, *b) }}`      => 1:5  => invalid syntax for function call expression",
        "`{% macro m(a,) %}{% endmacro %}` => 1:14 => expected token 'name', got ')'",
        "`{% macro m(a=1, b) %}{% endmacro %}` => 1:18 => non-default argument follows default argument",
        "`{% call foo %}{% endcall %}` => 1:4 => expected call",
        "`{% set 1 = 2 %}`       => 1:8  => can't assign to 'const'",
        "`{% for a.b in c %}{% endfor %}` => 1:9 => expected token 'in', got '.'",
        "`{{ x is defined is y }}` => 1:17 => You cannot chain multiple tests with is",
        "`{% block b-c %}{% endblock %}` => 1:11 => `Block names in Jinja have to be valid Python identifiers and may not contain hyphens, use an underscore instead.`",
        "`{% materialization m, colour='red' %}{% endmaterialization %}` => 1:23 => materialization 'm' received unknown argument 'colour'.",
    })
    void jinja2sMessageAtTheOffendingToken(String template, String position, String message) {
        TemplateError e = error(template.replace("\\n", "\n"));
        assertEquals(message, e.getMessage());
        assertEquals(position, e.line() + ":" + e.column());
        assertEquals("models/m.sql", e.file());
        assertEquals(TemplateError.Kind.SYNTAX, e.kind());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '`', value = {
        "`{% break %}`                                                    => 'break' outside loop",
        "`{% for x in y %}{% else %}{% continue %}{% endfor %}`           => 'continue' not properly in loop",
        "`{% for x in y %}{% macro m() %}{% break %}{% endmacro %}{% endfor %}` => 'break' outside loop",
        "`{% for x in y %}{% set loop = 1 %}{% endfor %}`                 => Can't assign to special loop variable in for-loop target",
        "`{% block b %}{% endblock %}{% block b %}{% endblock %}`         => block 'b' defined twice",
        "`{% macro m(caller) %}{{ caller() }}{% endmacro %}`              => `When defining macros or call blocks the special \"caller\" argument must be omitted or be given a default.`",
        "`{% macro m(a, a) %}{% endmacro %}`                              => duplicate argument 'a' in function definition",
        "`{{ f(a=1, a=2) }}`                                              => keyword argument repeated: a",
    })
    void errorsJinja2RaisesWhenCompiling(String template, String message) {
        assertEquals(message, error(template).getMessage());
    }

    @Test
    void loopControlsInsideLoopsAndFilterBlocksAreFine() {
        Parser.parse("t", "{% for x in y %}{% filter upper %}{% if x %}{% break %}{% endif %}{% endfilter %}{% endfor %}");
    }

    @Test
    void templatesCannotLoadOtherTemplates() {
        for (String tag : new String[] {"extends 'a'", "include 'a'", "import 'a' as b", "from 'a' import b"}) {
            String name = tag.substring(0, tag.indexOf(' '));
            TemplateError e = error("x\n  {% " + tag + " %}");
            assertEquals("Encountered unsupported tag '" + name + "': dbt templates cannot load other templates",
                    e.getMessage());
            assertEquals("2:6", e.line() + ":" + e.column());
            assertEquals("  {% " + tag + " %}", e.sourceLine());
        }
    }

    @Test
    void describeShowsTheLineAndACaret() {
        assertEquals("models/m.sql:2:13: expected token 'end of print statement', got 'b'\n"
                + "  select {{ a b }}\n"
                + "              ^", error("x\r\nselect {{ a b }}\r\n").describe());
    }

    @Test
    void deepNestingIsRefusedNotOverflowed() {
        for (String open : new String[] {"(", "[", "-", "not ", "f(", "{'a': ", "x if y else "}) {
            TemplateError e = error("{{ " + open.repeat(5000) + "1 }}");
            assertTrue(e.getMessage().startsWith("template nests too deeply"), e.getMessage());
        }
        assertTrue(error("{{ 1" + " ~ 1".repeat(5000) + " }}").getMessage().startsWith("template nests too deeply"));
        assertTrue(error("{{ x" + "|f".repeat(5000) + " }}").getMessage().startsWith("template nests too deeply"));
        assertTrue(error("{% if a %}".repeat(2000)).getMessage().startsWith("template nests too deeply"));
        Parser.parse("t", "{{ " + "(".repeat(100) + "1" + ")".repeat(100) + " }}");
    }

    /** Random bytes of template syntax give a TemplateError with a position, never another exception. */
    @Test
    void garbageFailsCleanly() {
        String[] pieces = {"{{", "}}", "{%", "%}", "{#", "#}", "-", "+", "(", ")", "[", "]", "{", "}", "'", "\"", "\\",
            "if", "for", "in", "endif", "endfor", "macro", "set", "=", ",", ":", ".", "|", "is", "not", "x", "1", "2.5",
            "0x", "1e", "_", " ", "\n", "\r", "raw", "endraw", "é", "\uD83E\uDD86", "\u0000", "*", "**", "~", "!"};
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = 1 + random.nextInt(20);
            for (int k = 0; k < n; k++) {
                sb.append(pieces[random.nextInt(pieces.length)]);
            }
            String template = sb.toString();
            try {
                Parser.parse("t", template);
            } catch (TemplateError e) {
                assertTrue(e.line() >= 1 && e.column() >= 1, template);
                assertFalse(e.getMessage().contains("Exception"), template + " -> " + e.getMessage());
            } catch (RuntimeException e) {
                throw new AssertionError("template " + template + " threw " + e, e);
            }
        }
    }
}
