package dev.mallard.jinja.value;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Python's str, list, dict and set methods and int and float attributes: each expectation is what Python 3.11 returned for the same call in dbt's sandboxed environment. */
class MethodsTableTest {
    @TestFactory
    Stream<DynamicTest> matchesPython() {
        return CaseTable.run("""
            method capitalize | 'hELLO wORLD'
            -> 'Hello world' ; 'hELLO wORLD'
            method capitalize | 'ßa'
            -> 'Ssa' ; 'ßa'
            method casefold | 'Straße'
            -> 'strasse' ; 'Straße'
            method center | 'abc' | [8]
            -> '  abc   ' ; 'abc'
            method center | 'abc' | [9, '*']
            -> '***abc***' ; 'abc'
            method center | 'ab' | [5]
            -> '  ab ' ; 'ab'
            method center | 'abc' | [2]
            -> 'abc' ; 'abc'
            method center | 'abc' | [9, '**']
            -> !The fill character must be exactly one character long
            method count | 'aaaa' | ['aa']
            -> 2 ; 'aaaa'
            method count | 'abcabc' | ['']
            -> 7 ; 'abcabc'
            method count | 'abcabc' | ['b', 2]
            -> 1 ; 'abcabc'
            method count | 'abcabc' | ['b', -2, 10]
            -> 1 ; 'abcabc'
            method count | 'abc' | [1]
            -> !must be str, not int
            method endswith | 'hello.sql' | ['.sql']
            -> True ; 'hello.sql'
            method endswith | 'hello.sql' | [('.py', '.sql')]
            -> True ; 'hello.sql'
            method endswith | 'hello' | ['ell', 0, 4]
            -> True ; 'hello'
            method endswith | 'hello' | [5]
            -> !endswith first arg must be str or a tuple of str, not int
            method expandtabs | 'a\\tbc\\td' | []
            -> 'a       bc      d' ; 'a\\tbc\\td'
            method expandtabs | 'a\\tb\\nc\\td' | [4]
            -> 'a   b\\nc   d' ; 'a\\tb\\nc\\td'
            method find | 'hello' | ['l']
            -> 2 ; 'hello'
            method find | 'hello' | ['l', 3]
            -> 3 ; 'hello'
            method find | 'hello' | ['z']
            -> -1 ; 'hello'
            method find | 'hello' | ['', 5]
            -> 5 ; 'hello'
            method find | 'hello' | ['', 6]
            -> -1 ; 'hello'
            method find | 'hello' | ['lo', -2]
            -> 3 ; 'hello'
            method find | 'héllo wörld' | ['w']
            -> 6 ; 'héllo wörld'
            method rfind | 'hello' | ['l']
            -> 3 ; 'hello'
            method rfind | 'hello' | ['l', 0, 3]
            -> 2 ; 'hello'
            method rfind | 'hello' | ['']
            -> 5 ; 'hello'
            method index | 'hello' | ['e']
            -> 1 ; 'hello'
            method index | 'hello' | ['z']
            -> !substring not found
            method rindex | 'hello' | ['z']
            -> !substring not found
            method isalnum | 'abc123'
            -> True ; 'abc123'
            method isalnum | 'abc 123'
            -> False ; 'abc 123'
            method isalpha | 'héllo'
            -> True ; 'héllo'
            method isalpha | ''
            -> False ; ''
            method isdigit | '123²'
            -> True ; '123²'
            method isdecimal | '123²'
            -> False ; '123²'
            method isnumeric | '½'
            -> True ; '½'
            method isidentifier | 'my_var1'
            -> True ; 'my_var1'
            method isidentifier | '1abc'
            -> False ; '1abc'
            method islower | 'abc1'
            -> True ; 'abc1'
            method islower | '123'
            -> False ; '123'
            method isupper | 'ABC D'
            -> True ; 'ABC D'
            method isspace | ' \\t\\n\\xa0'
            -> True ; ' \\t\\n\\xa0'
            method isspace | ''
            -> False ; ''
            method istitle | 'Hello World'
            -> True ; 'Hello World'
            method istitle | 'Hello world'
            -> False ; 'Hello world'
            method join | ', ' | [['a', 'b', 'c']]
            -> 'a, b, c' ; ', '
            method join | '-' | ['abc']
            -> 'a-b-c' ; '-'
            method join | '-' | [{'x': 1, 'y': 2}]
            -> 'x-y' ; '-'
            method join | ', ' | [['a', 1]]
            -> !sequence item 1: expected str instance, int found
            method ljust | 'ab' | [5, '.']
            -> 'ab...' ; 'ab'
            method rjust | 'ab' | [5]
            -> '   ab' ; 'ab'
            method lower | 'ÀB'
            -> 'àb' ; 'ÀB'
            method upper | 'straße'
            -> 'STRASSE' ; 'straße'
            method lstrip | '  x  '
            -> 'x  ' ; '  x  '
            method rstrip | '  x  '
            -> '  x' ; '  x  '
            method strip | 'xxhixx' | ['x']
            -> 'hi' ; 'xxhixx'
            method strip | '\\xa0 hi \\n'
            -> 'hi' ; '\\xa0 hi \\n'
            method strip | 'abc' | [1]
            -> !strip arg must be None or str
            method partition | 'a.b.c' | ['.']
            -> ('a', '.', 'b.c') ; 'a.b.c'
            method partition | 'abc' | ['.']
            -> ('abc', '', '') ; 'abc'
            method rpartition | 'a.b.c' | ['.']
            -> ('a.b', '.', 'c') ; 'a.b.c'
            method rpartition | 'abc' | ['.']
            -> ('', '', 'abc') ; 'abc'
            method partition | 'abc' | ['']
            -> !empty separator
            method removeprefix | 'model.x' | ['model.']
            -> 'x' ; 'model.x'
            method removeprefix | 'model.x' | ['seed.']
            -> 'model.x' ; 'model.x'
            method removesuffix | 'x.sql' | ['.sql']
            -> 'x' ; 'x.sql'
            method removesuffix | 'x.sql' | ['']
            -> 'x.sql' ; 'x.sql'
            method replace | 'aaaa' | ['a', 'b']
            -> 'bbbb' ; 'aaaa'
            method replace | 'aaaa' | ['a', 'b', 2]
            -> 'bbaa' ; 'aaaa'
            method replace | 'abc' | ['', '-']
            -> '-a-b-c-' ; 'abc'
            method replace | 'abc' | ['', '-', 2]
            -> '-a-bc' ; 'abc'
            method replace | 'abc' | ['b', 1]
            -> !replace() argument 2 must be str, not int
            method split | '  a  b   c  '
            -> ['a', 'b', 'c'] ; '  a  b   c  '
            method split | '  a  b   c  ' | [None, 1]
            -> ['a', 'b   c  '] ; '  a  b   c  '
            method split | 'a b  ' | [None, 1]
            -> ['a', 'b  '] ; 'a b  '
            method split | 'a,b,,c' | [',']
            -> ['a', 'b', '', 'c'] ; 'a,b,,c'
            method split | 'a,b,,c' | [',', 1]
            -> ['a', 'b,,c'] ; 'a,b,,c'
            method split | 'a,b,,c' | [] | {'sep': ',', 'maxsplit': 2}
            -> ['a', 'b', ',c'] ; 'a,b,,c'
            method split | '' | [',']
            -> [''] ; ''
            method split | ''
            -> [] ; ''
            method split | 'a\\u3000b\\x1cc'
            -> ['a', 'b', 'c'] ; 'a\\u3000b\\x1cc'
            method split | 'abc' | ['']
            -> !empty separator
            method split | 'abc' | [1]
            -> !must be str or None, not int
            method split | 'a b c' | [None, 0]
            -> ['a b c'] ; 'a b c'
            method rsplit | '  a  b   c  ' | [None, 1]
            -> ['  a  b', 'c'] ; '  a  b   c  '
            method rsplit | 'a,b,,c' | [',', 1]
            -> ['a,b,', 'c'] ; 'a,b,,c'
            method rsplit | 'a.b.c' | ['.']
            -> ['a', 'b', 'c'] ; 'a.b.c'
            method rsplit | 'aaa' | ['aa', 1]
            -> ['a', ''] ; 'aaa'
            method splitlines | 'a\\nb\\r\\nc\\rd\\x0be\\x85f\\u2028g'
            -> ['a', 'b', 'c', 'd', 'e', 'f', 'g'] ; 'a\\nb\\r\\nc\\rd\\x0be\\x85f\\u2028g'
            method splitlines | 'a\\n\\nb\\n' | [True]
            -> ['a\\n', '\\n', 'b\\n'] ; 'a\\n\\nb\\n'
            method splitlines | ''
            -> [] ; ''
            method startswith | 'hello' | ['he']
            -> True ; 'hello'
            method startswith | 'hello' | [('x', 'h')]
            -> True ; 'hello'
            method startswith | 'hello' | ['', 6]
            -> False ; 'hello'
            method startswith | 'hello' | ['l', 2]
            -> True ; 'hello'
            method startswith | 'hello' | [['he']]
            -> !startswith first arg must be str or a tuple of str, not list
            method swapcase | 'Hello ß'
            -> 'hELLO SS' ; 'Hello ß'
            method title | "they're bill's friends from the UK"
            -> "They'Re Bill'S Friends From The Uk" ; "they're bill's friends from the UK"
            method title | 'hello-world 2nd'
            -> 'Hello-World 2Nd' ; 'hello-world 2nd'
            method zfill | '42' | [5]
            -> '00042' ; '42'
            method zfill | '-42' | [5]
            -> '-0042' ; '-42'
            method zfill | '+42' | [2]
            -> '+42' ; '+42'
            method format | '{} and {}' | ['a', 'b']
            -> 'a and b' ; '{} and {}'
            method format | '{1}{0}{1}' | ['a', 'b']
            -> 'bab' ; '{1}{0}{1}'
            method format | '{name}!' | [] | {'name': 'x'}
            -> 'x!' ; '{name}!'
            method format | '{0[a]} {0[b][1]}' | [{'a': 1, 'b': [5, 6]}]
            -> '1 6' ; '{0[a]} {0[b][1]}'
            method format | '{0!r} {0!s} {0!a}' | ['é']
            -> "'é' é '\\\\xe9'" ; '{0!r} {0!s} {0!a}'
            method format | '{:>8}|{:<8}|{:^8}|{:*^9}' | ['ab', 'cd', 'ef', 'gh']
            -> '      ab|cd      |   ef   |***gh****' ; '{:>8}|{:<8}|{:^8}|{:*^9}'
            method format | '{:+d} {: d} {:d} {:05d} {:x} {:#X} {:#o} {:b} {:#b}' | [5, 5, -5, -42, 255, 255, 8, 5, 5]
            -> '+5  5 -5 -0042 ff 0XFF 0o10 101 0b101' ; '{:+d} {: d} {:d} {:05d} {:x} {:#X} {:#o} {:b} {:#b}'
            method format | '{:,} {:_} {:,d} {:010,} {:08,} {:_x} {:_b}' | [1234567, 1234567, -1234, 1234, 1234, 65535, 20]
            -> '1,234,567 1_234_567 -1,234 00,001,234 0,001,234 ffff 1_0100' ; '{:,} {:_} {:,d} {:010,} {:08,} {:_x} {:_b}'
            method format | '{:.2f} {:.3e} {:g} {:.3g} {:%} {:.1%} {:10.3f}|{:<10.2f}|' | [3.14159, 12345.678, 0.0001, 1234567.0, 0.5, 0.123, 2.5, 2.5]
            -> '3.14 1.235e+04 0.0001 1.23e+06 50.000000% 12.3%      2.500|2.50      |' ; '{:.2f} {:.3e} {:g} {:.3g} {:%} {:.1%} {:10.3f}|{:<10.2f}|'
            method format | '{} {} {} {} {}' | [1.5, 1e16, 1e-05, 0.1, 100.0]
            -> '1.5 1e+16 1e-05 0.1 100.0' ; '{} {} {} {} {}'
            method format | '{:.3} {:.3} {:.3} {:10} {:<10}|' | [1.0, 100.0, 1234.5, 1.5, 2.25]
            -> '1.0 1e+02 1.23e+03        1.5 2.25      |' ; '{:.3} {:.3} {:.3} {:10} {:<10}|'
            method format | '{:f} {:e} {:g} {:G} {:.0f} {:.0e} {:#.0f}' | [inf, nan, -inf, 1e-10, 2.5, 2.5, 2.5]
            -> 'inf nan -inf 1E-10 2 2e+00 2.' ; '{:f} {:e} {:g} {:G} {:.0f} {:.0e} {:#.0f}'
            method format | '{:,.2f} {:012,.2f} {:.2f}' | [1234567.891, -1234.5, 2.675]
            -> '1,234,567.89 -0,001,234.50 2.67' ; '{:,.2f} {:012,.2f} {:.2f}'
            method format | '{:d} {} {:>5} {:5}' | [True, True, False, 'x']
            -> '1 True     0 x    ' ; '{:d} {} {:>5} {:5}'
            method format | '{:c}{:c}' | [72, 105]
            -> 'Hi' ; '{:c}{:c}'
            method format | '{:.2}' | ['abcdef']
            -> 'ab' ; '{:.2}'
            method format | '{:{w}.{p}f}' | [3.14159] | {'w': 10, 'p': 2}
            -> '      3.14' ; '{:{w}.{p}f}'
            method format | '{{}} {{{}}}' | ['x']
            -> '{} {x}' ; '{{}} {{{}}}'
            method format | '{} {}' | ['a']
            -> !tuple index out of range
            method format | '{0} {}' | ['a', 'b']
            -> !cannot switch from manual field specification to automatic field numbering
            method format | '{missing}' | []
            -> !'missing'
            method format | '{:d}' | [1.5]
            -> !Unknown format code 'd' for object of type 'float'
            method format | '{:=5}' | ['ab']
            -> !'=' alignment not allowed in string format specifier
            method format | '{:,x}' | [15]
            -> !Cannot specify ',' with 'x'.
            method format | '{:5}' | [None]
            -> !unsupported format string passed to NoneType.__format__
            method format | '{}' | [None]
            -> 'None' ; '{}'
            method format | '{!z}' | ['a']
            -> !Unknown conversion specifier z
            method format | '}' | []
            -> !Single '}' encountered in format string
            method format | '{:05}|{:05}|{:x<5}' | ['ab', 5, 5]
            -> 'ab000|00005|5xxxx' ; '{:05}|{:05}|{:x<5}'
            method format | '{:z.1f} {:+.1f}' | [-0.01, -0.0]
            -> '0.0 -0.0' ; '{:z.1f} {:+.1f}'
            method format | '{0.x}' | [{'x': 1}]
            -> '1' ; '{0.x}'
            method format | '{:e}' | [0.0]
            -> '0.000000e+00' ; '{:e}'
            method format | '{:.15g} {:.17g} {:.20f}' | [0.1, 0.1, 0.1]
            -> '0.1 0.10000000000000001 0.10000000000000000555' ; '{:.15g} {:.17g} {:.20f}'
            method format | '{}' | [[1, 'a', (2,)]]
            -> "[1, 'a', (2,)]" ; '{}'
            method format_map | '{a}-{b}' | [{'a': 1, 'b': 2}]
            -> '1-2' ; '{a}-{b}'
            method format_map | '{}' | [{'a': 1}]
            -> !tuple index out of range
            method append | [1, 2] | [3]
            -> None ; [1, 2, 3]
            method extend | [1] | [(2, 3)]
            -> None ; [1, 2, 3]
            method extend | [1] | ['ab']
            -> None ; [1, 'a', 'b']
            method insert | [1, 2] | [0, 'x']
            -> None ; ['x', 1, 2]
            method insert | [1, 2] | [-1, 'x']
            -> None ; [1, 'x', 2]
            method insert | [1, 2] | [10, 'x']
            -> None ; [1, 2, 'x']
            method pop | [1, 2, 3]
            -> 3 ; [1, 2]
            method pop | [1, 2, 3] | [0]
            -> 1 ; [2, 3]
            method pop | [1, 2, 3] | [-2]
            -> 2 ; [1, 3]
            method pop | [] | []
            -> !pop from empty list
            method pop | [1] | [5]
            -> !pop index out of range
            method remove | [1, 2, 1] | [1]
            -> None ; [2, 1]
            method remove | [1, 2, 1] | [3]
            -> !list.remove(x): x not in list
            method index | [1, 2, 1] | [1, 1]
            -> 2 ; [1, 2, 1]
            method index | ['a'] | ['b']
            -> !'b' is not in list
            method count | [1, 1.0, True, 2] | [1]
            -> 3 ; [1, 1.0, True, 2]
            method reverse | [1, 2, 3]
            -> None ; [3, 2, 1]
            method sort | [3, 1, 2]
            -> None ; [1, 2, 3]
            method sort | ['b', 'A', 'a'] | [] | {'reverse': True}
            -> None ; ['b', 'a', 'A']
            method sort | [1, 'a']
            -> !'<' not supported between instances of 'str' and 'int'
            method copy | [1, [2]]
            -> [1, [2]] ; [1, [2]]
            method clear | [1, 2]
            -> None ; []
            method count | (1, 2, 1) | [1]
            -> 2 ; (1, 2, 1)
            method index | (1, 2) | [2]
            -> 1 ; (1, 2)
            method index | (1, 2) | [3]
            -> !tuple.index(x): x not in tuple
            method keys | {'a': 1, 'b': 2}
            -> dict_keys(['a', 'b']) ; {'a': 1, 'b': 2}
            method values | {'a': 1, 'b': 2}
            -> dict_values([1, 2]) ; {'a': 1, 'b': 2}
            method items | {'a': 1, 'b': 2}
            -> dict_items([('a', 1), ('b', 2)]) ; {'a': 1, 'b': 2}
            method get | {'a': 1} | ['a']
            -> 1 ; {'a': 1}
            method get | {'a': 1} | ['b']
            -> None ; {'a': 1}
            method get | {'a': 1} | ['b', 0]
            -> 0 ; {'a': 1}
            method get | {1: 'x'} | [1.0]
            -> 'x' ; {1: 'x'}
            method get | {'a': 1} | [['x']]
            -> !unhashable type: 'list'
            method pop | {'a': 1, 'b': 2} | ['a']
            -> 1 ; {'b': 2}
            method pop | {'a': 1} | ['z']
            -> !'z'
            method pop | {'a': 1} | ['z', None]
            -> None ; {'a': 1}
            method setdefault | {'a': 1} | ['a', 5]
            -> 1 ; {'a': 1}
            method setdefault | {'a': 1} | ['b', 5]
            -> 5 ; {'a': 1, 'b': 5}
            method setdefault | {'a': 1} | ['c']
            -> None ; {'a': 1, 'c': None}
            method update | {'a': 1} | [{'b': 2, 'a': 3}]
            -> None ; {'a': 3, 'b': 2}
            method update | {'a': 1} | [[('b', 2)]] | {'c': 3}
            -> None ; {'a': 1, 'b': 2, 'c': 3}
            method update | {'a': 1} | [[('b', 2, 3)]]
            -> !dictionary update sequence element #0 has length 3; 2 is required
            method update | {'a': 1} | [] | {'z': 0}
            -> None ; {'a': 1, 'z': 0}
            method copy | {'a': [1]}
            -> {'a': [1]} ; {'a': [1]}
            method clear | {'a': 1}
            -> None ; {}
            method popitem | {'a': 1, 'b': 2}
            -> ('b', 2) ; {'a': 1}
            method popitem | {}
            -> !'popitem(): dictionary is empty'
            method bit_length | 255
            -> 8 ; 255
            method bit_count | -7
            -> 3 ; -7
            method as_integer_ratio | 10
            -> (10, 1) ; 10
            method is_integer | 3.5
            -> False ; 3.5
            method is_integer | 4.0
            -> True ; 4.0
            method as_integer_ratio | 2.5
            -> (5, 2) ; 2.5
            method as_integer_ratio | 0.1
            -> (3602879701896397, 36028797018963968) ; 0.1
            method hex | 1.5
            -> '0x1.8000000000000p+0' ; 1.5
            method hex | -0.0
            -> '-0x0.0p+0' ; -0.0
            method conjugate | True
            -> 1 ; True
            method encode | 'é'
            -> b'\\xc3\\xa9' ; 'é'
            method encode | 'é' | ['ascii']
            -> !'ascii' codec can't encode character '\\xe9' in position 0: ordinal not in range(128)
            method encode | 'aé' | ['ascii', 'replace']
            -> b'a?' ; 'aé'
            method encode | 'aé' | ['ascii', 'ignore']
            -> b'a' ; 'aé'
            method encode | 'é' | ['latin-1']
            -> b'\\xe9' ; 'é'
            method encode | 'a' | [] | {'encoding': 'utf-16'}
            -> b'\\xff\\xfea\\x00' ; 'a'
            method encode | 'a\\'"\\t\\x00\\x7f'
            -> b'a\\'"\\t\\x00\\x7f' ; 'a\\'"\\t\\x00\\x7f'
            method upper | 'abc' | [] | {'x': 1}
            -> !str.upper() takes no keyword arguments
            method find | 'abc' | [] | {'sub': 'a'}
            -> !*
            method split | 'abc' | [] | {'x': 1}
            -> !'x' is an invalid keyword argument for split()
            method upper | 'abc' | [1]
            -> !str.upper() takes no arguments (1 given)
            method pop | {} | [1, 2, 3]
            -> !pop expected at most 2 arguments, got 3
            method add | [1] | [2]
            -> !'list object' has no attribute 'add'
            method fromkeys | {} | [['a', 'b'], 0]
            -> {'a': 0, 'b': 0} ; {}
            method fromkeys | {} | ['ab']
            -> {'a': None, 'b': None} ; {}
            """);
    }
}
