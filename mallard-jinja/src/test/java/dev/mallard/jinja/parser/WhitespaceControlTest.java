package dev.mallard.jinja.parser;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Template text as Jinja2 leaves it: {@code -} strips whitespace beside a tag, {@code +} and
 * plain tags keep it, raw blocks are verbatim, comments vanish, line breaks become {@code \n}
 * and one trailing line break is dropped.
 */
class WhitespaceControlTest {

    static String ast(String template) {
        return AstPrinter.print(Parser.parse("t.sql", template).body());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '`', value = {
        "`a  \\n {{- b -}} \\n c`                        => (text 'a') (print b) (text 'c')",
        "`a {{+ b }} c`                                   => (text 'a ') (print b) (text ' c')",
        "`a\\n  {%- if x -%}\\n  y\\n  {%- endif %}\\nz`  => (text 'a') (if x ((text 'y')) ()) (text '\\nz')",
        "`a {% if x +%} b {%+ endif %} c`                 => (text 'a ') (if x ((text ' b ')) ()) (text ' c')",
        "`{{-1}}`                                         => (print L:1)",
        "`{{ 1 -}}  x`                                    => (print L:1) (text 'x')",
        "`x {#- c -#} y`                                  => (text 'x') (text 'y')",
        "`x {# {{ a }} {% if %} #} y`                     => (text 'x ') (text ' y')",
        "`abc{#`                                          => (text 'abc')",
    })
    void dashStripsAndPlusKeeps(String template, String tree) {
        assertEquals(tree, ast(unescape(template)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '`', value = {
        "`x {% raw %}{{ y }}{% if %}{% endraw %} z`                => (text 'x ') (text '{{ y }}{% if %}') (text ' z')",
        "`x  {%- raw -%}  {{ y }}  {%- endraw -%}  z`             => (text 'x') (text '{{ y }}') (text 'z')",
        "`{%raw%}a{%endraw%}`                                      => (text 'a')",
        "`{% raw %}a{% endraw +%}  b`                              => (text 'a') (text '  b')",
        "`{{ '}}' }}{{ '%}' }}`                                    => (print '}}') (print '%}')",
        "`{{ {'a': {'b': 1}} }}`                                   => (print (dict 'a' (dict 'b' L:1)))",
        "`{{ a }}}`                                                => (print a) (text '}')",
    })
    void rawBlocksAndStringsHideTagMarkers(String template, String tree) {
        assertEquals(tree, ast(unescape(template)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '`', value = {
        "`a\\r\\nb\\rc\\n`  => (text 'a\\nb\\nc')",
        "`a\\n`             => (text 'a')",
        "`a\\n\\n`          => (text 'a\\n')",
        "`a\\r\\n`          => (text 'a')",
        "`{{ a }}\\n`       => (print a)",
        "`\\n`              => ''",
        "`{{ 'a\\r\\nb' }}` => (print 'a\\nb')",
    })
    void lineBreaksAreNormalisedAndOneTrailingBreakDropped(String template, String tree) {
        assertEquals(tree.equals("''") ? "" : tree, ast(unescape(template)));
    }

    /** {@code \n}, {@code \r} in the test table stand for the characters. */
    private static String unescape(String s) {
        return s.replace("\\n", "\n").replace("\\r", "\r");
    }
}
