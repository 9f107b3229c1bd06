package dev.mallard.core.jinja;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mallard.core.error.MallardException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Python list and dict methods. */
class PythonCollectionMethodsTest {
    private static final Templates T = Templates.withMacros();

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("{% set l = [1] %}{% do l.append(2) %}{% do l.extend([3, 4]) %}{% do l.insert(0, 0) %}"
                        + "{{ l | join(',') }}", "0,1,2,3,4"),
                Arguments.of("{% set l = [1, 2, 3] %}{{ l.pop() }} {{ l.pop(0) }} {{ l | join(',') }}", "3 1 2"),
                Arguments.of("{% set l = ['a', 'b', 'a'] %}{% do l.remove('a') %}{{ l | join(',') }} "
                        + "{{ l.index('a') }} {{ ['a', 'b', 'a'].count('a') }}", "b,a 1 2"),
                Arguments.of("{% set l = ['c', 'a', 'b'] %}{% do l.sort() %}{{ l | join }} "
                        + "{% do l.reverse() %}{{ l | join }} {% do l.sort(reverse=true) %}{{ l | join }}",
                        "abc cba cba"),
                Arguments.of("{% set d = {'a': 1, 'b': 2} %}{% for k, v in d.items() %}{{ k }}={{ v }};{% endfor %}",
                        "a=1;b=2;"),
                Arguments.of("{% set d = {'a': 1, 'b': 2} %}{{ d.keys() | join(',') }} {{ d.values() | join(',') }}",
                        "a,b 1,2"),
                Arguments.of("{% set d = {'a': 1} %}{{ d.get('a') }} {{ d.get('z', 'dflt') }} [{{ d.get('z') }}]",
                        "1 dflt [None]"),
                Arguments.of("{% set d = {'a': 1} %}{% do d.update({'b': 2}) %}{% do d.update(c=3) %}"
                        + "{{ d | length }} {{ d.pop('a') }} {{ d.pop('zz', 'none') }} {{ d | length }}", "3 1 none 2"),
                Arguments.of("{% set d = {} %}{{ d.setdefault('k', []) | length }}{% do d.setdefault('k', [9]).append(1) %}"
                        + " {{ d['k'] | join }}", "0 1"),
                Arguments.of("{% set d = {'a': 1} %}{% set c = d.copy() %}{% do c.update(b=2) %}{{ d | length }}"
                        + "{{ c | length }}", "12"),
                Arguments.of("{% for item in {'x': 1}.items() %}{{ item[0] }}{{ item[1] }}{% endfor %}", "x1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void behavesLikePython(String template, String expected) {
        assertEquals(expected, T.render(template));
    }

    @Test
    void changingATupleIsAClearError() {
        MallardException e = assertThrows(MallardException.class,
                () -> T.render("{% set t = (1, 2) %}{% do t.append(3) %}"));
        assertTrue(e.getMessage().contains("has no attribute 'append'"), e.getMessage());
    }
}
