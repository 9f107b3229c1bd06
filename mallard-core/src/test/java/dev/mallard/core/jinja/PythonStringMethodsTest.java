package dev.mallard.core.jinja;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Python str methods behave as in Python, not as the Java methods of the same names. */
class PythonStringMethodsTest {
    private static final Templates T = Templates.withMacros();

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("{{ 'MiXed'.upper() }} {{ 'MiXed'.lower() }}", "MIXED mixed"),
                Arguments.of("[{{ '  pad  '.strip() }}][{{ '  pad  '.lstrip() }}][{{ '  pad  '.rstrip() }}]",
                        "[pad][pad  ][  pad]"),
                Arguments.of("{{ 'xxhixx'.strip('x') }} {{ '__a__'.lstrip('_') }} {{ 'a.sql'.rstrip('.sql') }}",
                        "hi a__ a"),
                Arguments.of("{{ 'stg_orders'.startswith('stg_') }} {{ 'x.csv'.endswith(('.csv', '.tsv')) }} "
                        + "{{ 'x.parquet'.endswith(('.csv', '.tsv')) }}", "True True False"),
                // a dot is a literal separator, not a regex that matches everything
                Arguments.of("{{ 'db.schema.table'.split('.') | join('|') }}", "db|schema|table"),
                Arguments.of("{{ 'a|b'.split('|') | join(',') }}", "a,b"),
                Arguments.of("{{ '  a  b\tc\n'.split() | join(',') }}", "a,b,c"),
                Arguments.of("{{ 'a,b,c,d'.split(',', 2) | join(' ') }}", "a b c,d"),
                Arguments.of("{{ 'a,,b,'.split(',') | length }}", "4"),
                Arguments.of("{{ 'a.b.c'.rsplit('.', 1) | join(' ') }}", "a.b c"),
                Arguments.of("{{ 'a.b.c'.replace('.', '__') }} {{ 'aaa'.replace('a', 'b', 2) }}", "a__b__c bba"),
                Arguments.of("{{ ', '.join(['x', 'y', 'z']) }}", "x, y, z"),
                Arguments.of("{{ '-'.join(['1', '2']) }}", "1-2"),
                Arguments.of("{{ '{} and {}'.format('a', 'b') }} {{ '{1}{0}'.format('a', 'b') }}", "a and b ba"),
                Arguments.of("{{ '{name}: {n:>5}|{f:.2f}'.format(name='x', n=42, f=3.14159) }}", "x:    42|3.14"),
                Arguments.of("{{ '{{literal}} {}'.format(1) }}", "{literal} 1"),
                Arguments.of("{{ 'hello world'.title() }} {{ 'hELLO'.capitalize() }}", "Hello World Hello"),
                Arguments.of("{{ 'banana'.find('an') }} {{ 'banana'.find('x') }} {{ 'banana'.index('n') }} "
                        + "{{ 'banana'.count('a') }}", "1 -1 2 3"),
                Arguments.of("{{ '123'.isdigit() }} {{ '12a'.isdigit() }} {{ 'abc'.isalpha() }} "
                        + "{{ 'abc'.islower() }} {{ 'ABC'.isupper() }} {{ ''.isdigit() }}",
                        "True False True True True False"),
                Arguments.of("{{ '42'.zfill(5) }} {{ '-42'.zfill(5) }}", "00042 -0042"),
                Arguments.of("[{{ 'ab'.ljust(4) }}][{{ 'ab'.rjust(4, '*') }}][{{ 'ab'.center(5, '-') }}]",
                        "[ab  ][**ab][--ab-]"),
                Arguments.of("{{ 'key=value=x'.partition('=') | join('|') }}", "key|=|value=x"),
                Arguments.of("{{ 'l1\nl2\r\nl3'.splitlines() | join(',') }}", "l1,l2,l3"),
                Arguments.of("{% set s = 'model_name' %}{{ s.upper().replace('_', ' ').split(' ')[1] }}", "NAME"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rendersLikePython(String template, String expected) {
        assertEquals(expected, T.render(template));
    }
}
