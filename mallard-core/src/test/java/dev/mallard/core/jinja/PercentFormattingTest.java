package dev.mallard.core.jinja;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mallard.core.error.MallardException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code %} formats strings as Python does and stays modulo for numbers. */
class PercentFormattingTest {
    private static final Templates T = Templates.withMacros();

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("{{ '%s' % 'x' }}", "x"),
                Arguments.of("{% set x = 5 %}{{ 'n=%s' % x }}", "n=5"),
                Arguments.of("{{ '%s.%s' % ('main', 'orders') }}", "main.orders"),
                Arguments.of("{{ '%d rows' % 42 }} {{ '%d' % 3.9 }}", "42 rows 3"),
                Arguments.of("{{ '%05.2f' % 3.14159 }} {{ '%.1f' % 2.25 }} {{ '%8.3f|' % 1.5 }}", "03.14 2.2    1.500|"),
                Arguments.of("{{ '%(schema)s.%(table)s' % {'schema': 'raw', 'table': 't'} }}", "raw.t"),
                Arguments.of("{{ '%-5s|%5s|' % ('ab', 'cd') }}", "ab   |   cd|"),
                Arguments.of("{{ '%03d' % 7 }} {{ '%+d' % 7 }} {{ '%x' % 255 }} {{ '%d%%' % 5 }}", "007 +7 ff 5%"),
                Arguments.of("{{ '%r' % 'q' }} {{ '%s' % none }} {{ '%s' % true }}", "'q' None True"),
                Arguments.of("{{ '%s' % [1, 2] }}", "[1, 2]"),
                Arguments.of("{{ 7 % 3 }} {{ 10 % 4 }} {{ (-7) % 3 }} {{ 7.5 % 2 }}", "1 2 2 1.5"),
                Arguments.of("{% set n = 9 %}{% if n % 2 == 1 %}odd{% endif %}", "odd"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void formatsLikePython(String template, String expected) {
        assertEquals(expected, T.render(template));
    }

    @Test
    void tooFewArgumentsIsAnErrorAtTheRightLine() {
        MallardException e = assertThrows(MallardException.class, () -> T.render("\n{{ '%s %s' % ('a',) }}"));
        assertEquals("models/m.sql", e.file());
        assertEquals(2, e.line());
    }
}
