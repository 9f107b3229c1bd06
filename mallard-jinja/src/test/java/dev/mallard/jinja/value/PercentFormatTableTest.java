package dev.mallard.jinja.value;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Python's printf-style str % args: each expectation is what Python 3.11 printed. */
class PercentFormatTableTest {
    @TestFactory
    Stream<DynamicTest> matchesPython() {
        return CaseTable.run("""
            percent '%s and %r' | ('a', 'b')
            -> "a and 'b'"
            percent '%5.1f|%-6d|%+d|% d|%x|%#o|%#X|%c|%c' | (3.14159, 42, 5, 5, 255, 8, 255, 65, 'z')
            -> '  3.1|42    |+5| 5|ff|0o10|0XFF|A|z'
            percent '%05d|%.3s|%%|%e|%g|%G|%10.3e|%-8.2f|' | (-42, 'abcdef', 12345.678, 1e-05, 1e+20, 0.000123456, 2.5)
            -> '-0042|abc|%|1.234568e+04|1e-05|1E+20| 1.235e-04|2.50    |'
            percent '%(a)s and %(b)r' | {'a': 1, 'b': 'x'}
            -> "1 and 'x'"
            percent '%d %i %u' | (3.9, True, -0.5)
            -> '3 1 0'
            percent '%s' | (1,)
            -> '1'
            percent '%s' | [1, 2]
            -> '[1, 2]'
            percent '%s' | {'a': 1}
            -> "{'a': 1}"
            percent 'abc' | []
            -> 'abc'
            percent 'abc' | {'a': 1}
            -> 'abc'
            percent 'abc' | 5
            -> !not all arguments converted during string formatting
            percent '%*d|%-*d|%.*f' | (5, 1, 4, 2, 2, 3.14159)
            -> '    1|2   |3.14'
            percent '%d' | 'x'
            -> !%d format: a real number is required, not str
            percent '%x' | 1.5
            -> !%x format: an integer is required, not float
            percent '%f' | 'x'
            -> !must be real number, not str
            percent '%c' | 'ab'
            -> !%c requires int or char
            percent '%s %s' | (1,)
            -> !not enough arguments for format string
            percent '%s' | (1, 2)
            -> !not all arguments converted during string formatting
            percent '%z' | 1
            -> !unsupported format character 'z' (0x7a) at index 1
            percent '%' | 1
            -> !incomplete format
            percent '%(a)s' | 1
            -> !format requires a mapping
            percent '%(a)s' | {}
            -> !'a'
            percent '%c' | 1114112
            -> !%c arg not in range(0x110000)
            percent '%s' | None
            -> 'None'
            percent '%r' | None
            -> 'None'
            percent '%a' | 'é'
            -> "'\\\\xe9'"
            percent '%.0f %.0f %.0f %.1f' | (0.5, 1.5, 2.5, 0.25)
            -> '0 2 2 0.2'
            percent '%#x %#o %#.3g %#.0e' | (0, 0, 1.0, 5.0)
            -> '0x0 0o0 1.00 5.e+00'
            percent '%08.3f|%-08.3f|%+08d|% 08d' | (-3.14159, 3.14159, 42, 42)
            -> '-003.142|3.142   |+0000042| 0000042'
            percent '%g %g %g %g %g' | (100000.0, 1000000.0, 1e-05, 0.0001, 123456789)
            -> '100000 1e+06 1e-05 0.0001 1.23457e+08'
            percent '%.2g %.10g %g' | (0.000123456, 1234567.0, nan)
            -> '0.00012 1234567 nan'
            percent '%f %e %F' | (inf, -inf, nan)
            -> 'inf -inf NAN'
            percent '%d' | 12345678901234567890
            -> '12345678901234567890'
            percent '%x %X %o' | (-255, 12345678901234567890, -8)
            -> '-ff AB54A98CEB1F0AD2 -10'
            percent '%s' | undefined
            -> ''
            percent '%%' | undefined
            -> '%'
            percent '%s|%5s|%-5s|%.1s' | ('é', 'ab', 'ab', 'xyz')
            -> 'é|   ab|ab   |x'
            percent '%(a)s %(a)d' | {'a': 3}
            -> '3 3'
            percent '%(a)s %s' | {'a': 3}
            -> !not enough arguments for format string
            percent '%ld %hd %Lf' | (1, 2, 3.0)
            -> '1 2 3.000000'
            percent '%s' | ()
            -> !not enough arguments for format string
            """);
    }
}
