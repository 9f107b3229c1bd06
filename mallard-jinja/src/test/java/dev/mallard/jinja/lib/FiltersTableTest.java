package dev.mallard.jinja.lib;

import dev.mallard.jinja.value.CaseTable;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every Jinja2 filter, and dbt's, called directly: each expectation is what Jinja2 3.1.6 returned for the same call in dbt's sandboxed environment. */
class FiltersTableTest {
    @TestFactory
    Stream<DynamicTest> matchesPython() {
        return CaseTable.run("""
            filter abs | -5
            -> 5
            filter abs | -2.5
            -> 2.5
            filter abs | True
            -> 1
            filter abs | 'x'
            -> !bad operand type for abs(): 'str'
            filter abs | undefined
            -> !bad operand type for abs(): 'Undefined'
            filter attr | {'a': 1} | ['a']
            -> Undefined
            filter attr | undefined | ['x']
            -> !'u' is undefined
            filter batch | [1, 2, 3, 4, 5] | [2]
            -> gen:[[1, 2], [3, 4], [5]]
            filter batch | [1, 2, 3, 4, 5] | [2, 'x']
            -> gen:[[1, 2], [3, 4], [5, 'x']]
            filter batch | [] | [3]
            -> gen:[]
            filter batch | undefined | [2]
            -> gen:[]
            filter capitalize | 'hELLO world'
            -> 'Hello world'
            filter capitalize | 5
            -> '5'
            filter capitalize | undefined
            -> ''
            filter center | 'abc' | [9]
            -> '   abc   '
            filter center | 'abc'
            -> '                                      abc                                       '
            filter center | undefined | [4]
            -> '    '
            filter count | [1, 2]
            -> 2
            filter count | 'héllo'
            -> 5
            filter count | {'a': 1}
            -> 1
            filter count | undefined
            -> 0
            filter count | 5
            -> !object of type 'int' has no len()
            filter d | undefined | ['x']
            -> 'x'
            filter d | None | ['x']
            -> None
            filter d | '' | ['x', True]
            -> 'x'
            filter d | 0 | ['x'] | {'boolean': True}
            -> 'x'
            filter d | undefined
            -> ''
            filter default | 'v' | ['x', True]
            -> 'v'
            filter dictsort | {'b': 1, 'A': 2, 'c': 0}
            -> [('A', 2), ('b', 1), ('c', 0)]
            filter dictsort | {'b': 1, 'A': 2, 'c': 0} | [True]
            -> [('A', 2), ('b', 1), ('c', 0)]
            filter dictsort | {'b': 1, 'A': 2, 'c': 0} | [False, 'value']
            -> [('c', 0), ('b', 1), ('A', 2)]
            filter dictsort | {'b': 1, 'A': 2, 'c': 0} | [] | {'reverse': True}
            -> [('c', 0), ('b', 1), ('A', 2)]
            filter dictsort | {'b': 1} | [False, 'other']
            -> !You can only sort by either "key" or "value"
            filter dictsort | [1] | []
            -> !'list' object has no attribute 'items'
            filter dictsort | undefined
            -> !'u' is undefined
            filter e | '<a href="x">&\\'</a>'
            -> Markup('&lt;a href=&#34;x&#34;&gt;&amp;&#39;&lt;/a&gt;')
            filter e | None
            -> Markup('None')
            filter e | 5
            -> Markup('5')
            filter escape | undefined
            -> Markup('')
            filter filesizeformat | 1
            -> '1 Byte'
            filter filesizeformat | 999
            -> '999 Bytes'
            filter filesizeformat | 1000
            -> '1.0 kB'
            filter filesizeformat | 123456789
            -> '123.5 MB'
            filter filesizeformat | 1024 | [True]
            -> '1.0 KiB'
            filter filesizeformat | 1e30
            -> '1000000.0 YB'
            filter filesizeformat | '2048'
            -> '2.0 kB'
            filter filesizeformat | -5
            -> '-5 Bytes'
            filter filesizeformat | 'abc'
            -> !could not convert string to float: 'abc'
            filter first | [1, 2]
            -> 1
            filter first | 'abc'
            -> 'a'
            filter first | {'k': 1}
            -> 'k'
            filter first | []
            -> Undefined
            filter first | 5
            -> !'int' object is not iterable
            filter float | '3.5'
            -> 3.5
            filter float | ' 1_000.5 '
            -> 1000.5
            filter float | '1e3'
            -> 1000.0
            filter float | 'nan'
            -> nan
            filter float | '-Infinity'
            -> -inf
            filter float | 'abc'
            -> 0.0
            filter float | 'abc' | [1.5]
            -> 1.5
            filter float | None
            -> 0.0
            filter float | 3
            -> 3.0
            filter float | True
            -> 1.0
            filter float | [1]
            -> 0.0
            filter float | '0x10'
            -> 0.0
            filter float | undefined
            -> !'u' is undefined
            filter forceescape | '<b>'
            -> Markup('&lt;b&gt;')
            filter forceescape | 5
            -> Markup('5')
            filter format | '%s-%d' | ['a', 3]
            -> 'a-3'
            filter format | '%(x)s!' | [] | {'x': 1}
            -> '1!'
            filter format | '%s' | [[1, 2]]
            -> '[1, 2]'
            filter format | '%s' | []
            -> !not enough arguments for format string
            filter format | '%s' | ['a'] | {'x': 1}
            -> !can't handle positional and keyword arguments at the same time
            filter format | 5 | []
            -> '5'
            filter format | undefined | []
            -> ''
            filter groupby | [{'c': 'NY', 'n': 1}, {'c': 'la', 'n': 2}, {'c': 'ny', 'n': 3}] | ['c']
            -> [('la', [{'c': 'la', 'n': 2}]), ('NY', [{'c': 'NY', 'n': 1}, {'c': 'ny', 'n': 3}])]
            filter groupby | [{'c': 'NY', 'n': 1}, {'c': 'la', 'n': 2}, {'c': 'ny', 'n': 3}] | ['c'] | {'case_sensitive': True}
            -> [('NY', [{'c': 'NY', 'n': 1}]), ('la', [{'c': 'la', 'n': 2}]), ('ny', [{'c': 'ny', 'n': 3}])]
            filter groupby | [{'c': 'NY', 'n': 1}, {'n': 2}] | ['c'] | {'default': 'ZZ'}
            -> [('NY', [{'c': 'NY', 'n': 1}]), ('ZZ', [{'n': 2}])]
            filter groupby | [{'a': {'b': 2}}, {'a': {'b': 1}}, {'a': {'b': 2}}] | ['a.b']
            -> [(1, [{'a': {'b': 1}}]), (2, [{'a': {'b': 2}}, {'a': {'b': 2}}])]
            filter groupby | [[1, 'x'], [0, 'y'], [1, 'z']] | [0]
            -> [(0, [[0, 'y']]), (1, [[1, 'x'], [1, 'z']])]
            filter groupby | [[1, 'x'], [0, 'y']] | ['0']
            -> [(0, [[0, 'y']]), (1, [[1, 'x']])]
            filter groupby | undefined | ['a']
            -> []
            filter indent | 'a\\nb\\n\\nc'
            -> 'a\\n    b\\n\\n    c'
            filter indent | 'a\\nb\\n\\nc' | [2, True, True]
            -> '  a\\n  b\\n  \\n  c'
            filter indent | 'a\\r\\nb' | ['> ']
            -> 'a\\n> b'
            filter indent | 'a\\nb' | [] | {'first': True}
            -> '    a\\n    b'
            filter indent | ''
            -> ''
            filter indent | 5
            -> !unsupported operand type(s) for +=: 'int' and 'str'
            filter indent | undefined
            -> !'u' is undefined
            filter int | '42'
            -> 42
            filter int | ' -42 '
            -> -42
            filter int | '4_2'
            -> 42
            filter int | '42.9'
            -> 42
            filter int | '1e3'
            -> 1000
            filter int | 'abc'
            -> 0
            filter int | 'abc' | [7]
            -> 7
            filter int | '0x1A' | [0, 16]
            -> 26
            filter int | '0x1A' | [0, 0]
            -> 26
            filter int | '012' | [0, 0]
            -> 12
            filter int | '0b101' | [0, 2]
            -> 5
            filter int | 'z' | [0, 36]
            -> 35
            filter int | 'ff' | [0, 16]
            -> 255
            filter int | 3.99
            -> 3
            filter int | -3.99
            -> -3
            filter int | 1e20
            -> 100000000000000000000
            filter int | nan
            -> 0
            filter int | True
            -> 1
            filter int | None
            -> 0
            filter int | [1]
            -> 0
            filter int | undefined
            -> !'u' is undefined
            filter items | {'a': 1, 'b': [2]}
            -> gen:[('a', 1), ('b', [2])]
            filter items | undefined
            -> gen:[]
            filter items | [1]
            -> !Can only get item pairs from a mapping.
            filter join | [1, 2, 3]
            -> '123'
            filter join | [1, 2, 3] | ['|']
            -> '1|2|3'
            filter join | [{'n': 'a'}, {'n': 'b'}] | [', '] | {'attribute': 'n'}
            -> 'a, b'
            filter join | 'abc' | ['-']
            -> 'a-b-c'
            filter join | {'x': 1, 'y': 2} | [',']
            -> 'x,y'
            filter join | undefined | [',']
            -> ''
            filter last | [1, 2]
            -> 2
            filter last | 'abc'
            -> 'c'
            filter last | {'k': 1, 'j': 2}
            -> 'j'
            filter last | []
            -> Undefined
            filter length | [1, 2]
            -> 2
            filter list | 'abc'
            -> ['a', 'b', 'c']
            filter list | {'a': 1}
            -> ['a']
            filter list | (1, 2)
            -> [1, 2]
            filter list | undefined
            -> []
            filter list | 5
            -> !'int' object is not iterable
            filter lower | 'ÀBC'
            -> 'àbc'
            filter lower | None
            -> 'none'
            filter map | ['a', 'B'] | ['upper']
            -> gen:['A', 'B']
            filter map | [{'n': 'a'}, {}] | [] | {'attribute': 'n'}
            -> gen:['a', Undefined]
            filter map | [{'n': 'a'}, {}] | [] | {'attribute': 'n', 'default': 'z'}
            -> gen:['a', 'z']
            filter map | [{'n': {'m': 1}}] | [] | {'attribute': 'n.m'}
            -> gen:[1]
            filter map | [[1, 2], [3, 4]] | [] | {'attribute': '1'}
            -> gen:[2, 4]
            filter map | [1.234, 2.5] | ['round', 1]
            -> gen:[1.2, 2.5]
            filter map | [1, 2] | ['nosuch']
            -> !No filter named 'nosuch'.
            filter map | [1, 2]
            -> !map requires a filter argument
            filter map | [1, 2] | [] | {'attribute': 'x', 'foo': 1}
            -> !Unexpected keyword argument 'foo'
            filter map | [] | ['upper']
            -> gen:[]
            filter map | undefined | ['upper']
            -> gen:[]
            filter max | [1, 3, 2]
            -> 3
            filter max | ['a', 'B', 'b']
            -> 'B'
            filter max | ['a', 'B', 'b'] | [True]
            -> 'b'
            filter max | [{'v': 1}, {'v': 3}] | [] | {'attribute': 'v'}
            -> {'v': 3}
            filter max | []
            -> Undefined
            filter max | [1, 'a']
            -> !'>' not supported between instances of 'str' and 'int'
            filter min | [3, 1, 2.5]
            -> 1
            filter min | ['b', 'A', 'a']
            -> 'A'
            filter min | undefined
            -> Undefined
            filter pprint | {'b': 1, 'a': [1, 2, 'x'], 'c': (1,)}
            -> "{'a': [1, 2, 'x'], 'b': 1, 'c': (1,)}"
            filter pprint | 'x'
            -> "'x'"
            filter pprint | undefined
            -> 'Undefined'
            filter pprint | [['aaaaaaaaaa', 'bbbbbbbbbbbbbbb'], {'key-one': 'value number one', 'key-two': ['v', 'w', 'x', 'y'], 'key-three': {'nested': 'deeply nested value here'}}, 12345678901234567890]
            -> "[['aaaaaaaaaa', 'bbbbbbbbbbbbbbb'],\\n {'key-one': 'value number one',\\n  'key-three': {'nested': 'deeply nested value here'},\\n  'key-two': ['v', 'w', 'x', 'y']},\\n 12345678901234567890]"
            filter pprint | 'lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore et dolore magna aliqua'
            -> "('lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor '\\n 'incididunt ut labore et dolore magna aliqua')"
            filter pprint | {'k': 'lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt'}
            -> "{'k': 'lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod '\\n      'tempor incididunt'}"
            filter reject | [1, 2, 3, 4] | ['odd']
            -> gen:[2, 4]
            filter reject | [0, 1, '', 'a', None]
            -> gen:[0, '', None]
            filter rejectattr | [{'a': True}, {'a': False}, {}] | ['a']
            -> gen:[{'a': False}, {}]
            filter rejectattr | [{'a': 1}, {'a': 5}] | ['a', 'gt', 2]
            -> gen:[{'a': 1}]
            filter rejectattr | [{'a': 1}] | []
            -> !Missing parameter for attribute name
            filter replace | 'aaa' | ['a', 'b']
            -> 'bbb'
            filter replace | 'aaa' | ['a', 'b', 2]
            -> 'bba'
            filter replace | 5 | [5, 6]
            -> '6'
            filter replace | undefined | ['a', 'b']
            -> ''
            filter reverse | 'abc'
            -> 'cba'
            filter reverse | [1, 2, 3]
            -> gen:[3, 2, 1]
            filter reverse | (1, 2)
            -> gen:[2, 1]
            filter reverse | {'a': 1, 'b': 2}
            -> gen:['b', 'a']
            filter reverse | 5
            -> !argument must be iterable
            filter round | 42.55
            -> 43.0
            filter round | 42.55 | [1]
            -> 42.5
            filter round | 42.55 | [1, 'floor']
            -> 42.5
            filter round | 42.55 | [0, 'ceil']
            -> 43.0
            filter round | 2.675 | [2]
            -> 2.67
            filter round | 2.5
            -> 2.0
            filter round | 3.5
            -> 4.0
            filter round | -2.5
            -> -2.0
            filter round | 42
            -> 42
            filter round | 1250 | [-2]
            -> 1200
            filter round | 1234.5678 | [-2]
            -> 1200.0
            filter round | 42 | [1, 'ceil']
            -> 42.0
            filter round | 1.5 | [0, 'up']
            -> !method must be common, ceil or floor
            filter round | 'x'
            -> !type str doesn't define __round__ method
            filter round | undefined
            -> !type Undefined doesn't define __round__ method
            filter round | 0.1 | [20]
            -> 0.1
            filter round | -0.4
            -> -0.0
            filter safe | '<b>'
            -> Markup('<b>')
            filter safe | 5
            -> Markup('5')
            filter select | [1, 2, 3, 4] | ['odd']
            -> gen:[1, 3]
            filter select | [1, 2, 3, 4] | ['divisibleby', 3]
            -> gen:[3]
            filter select | [1, 20, 3] | ['lessthan', 5]
            -> gen:[1, 3]
            filter select | ['a', 'b'] | ['equalto', 'b']
            -> gen:['b']
            filter select | [0, 1, '', 'a', None]
            -> gen:[1, 'a']
            filter select | [1, 'a'] | ['string']
            -> gen:['a']
            filter select | [1, 2] | ['nosuch']
            -> !No test named 'nosuch'.
            filter selectattr | [{'a': True}, {'a': False}, {}] | ['a']
            -> gen:[{'a': True}]
            filter selectattr | [{'e': None}, {'e': 'x'}] | ['e', 'none']
            -> gen:[{'e': None}]
            filter selectattr | [{'a': 1}, {'a': 5}] | ['a', '>=', 5]
            -> gen:[{'a': 5}]
            filter selectattr | [{'a': {'b': 1}}, {'a': {'b': 2}}] | ['a.b', 'eq', 2]
            -> gen:[{'a': {'b': 2}}]
            filter selectattr | [{'a': 1}] | []
            -> !Missing parameter for attribute name
            filter slice | [1, 2, 3, 4, 5, 6, 7] | [3]
            -> gen:[[1, 2, 3], [4, 5], [6, 7]]
            filter slice | [1, 2, 3, 4, 5, 6, 7] | [3, 0]
            -> gen:[[1, 2, 3], [4, 5, 0], [6, 7, 0]]
            filter slice | [1, 2] | [4]
            -> gen:[[1], [2], [], []]
            filter slice | [1, 2] | [0]
            -> !integer division or modulo by zero
            filter sort | [3, 1, 2]
            -> [1, 2, 3]
            filter sort | [3, 1, 2] | [True]
            -> [3, 2, 1]
            filter sort | ['b', 'A', 'a', 'B']
            -> ['A', 'a', 'b', 'B']
            filter sort | ['b', 'A', 'a', 'B'] | [] | {'case_sensitive': True}
            -> ['A', 'B', 'a', 'b']
            filter sort | [{'n': 'b', 'a': 2}, {'n': 'a', 'a': 2}, {'n': 'c', 'a': 1}] | [] | {'attribute': 'a'}
            -> [{'n': 'c', 'a': 1}, {'n': 'b', 'a': 2}, {'n': 'a', 'a': 2}]
            filter sort | [{'n': 'b', 'a': 2}, {'n': 'a', 'a': 2}, {'n': 'c', 'a': 1}] | [] | {'attribute': 'a,n'}
            -> [{'n': 'c', 'a': 1}, {'n': 'a', 'a': 2}, {'n': 'b', 'a': 2}]
            filter sort | [{'n': 'b', 'a': 2}, {'n': 'a', 'a': 2}, {'n': 'c', 'a': 1}] | [] | {'attribute': 'a', 'reverse': True}
            -> [{'n': 'b', 'a': 2}, {'n': 'a', 'a': 2}, {'n': 'c', 'a': 1}]
            filter sort | [(2, 'b'), (1, 'z'), (2, 'a')]
            -> [(1, 'z'), (2, 'a'), (2, 'b')]
            filter sort | [1, 'a']
            -> !'<' not supported between instances of 'str' and 'int'
            filter sort | {'b': 1, 'a': 2}
            -> ['a', 'b']
            filter sort | 'cba'
            -> ['a', 'b', 'c']
            filter sort | [1.5, True, 0, -2]
            -> [-2, 0, True, 1.5]
            filter string | 5
            -> '5'
            filter string | 'x'
            -> 'x'
            filter string | [1, 'a']
            -> "[1, 'a']"
            filter string | None
            -> 'None'
            filter string | undefined
            -> ''
            filter striptags | '<p>Hello <b>World</b></p>  <!-- c <b> -->  &amp; &lt;x&gt; &copy; &#65; &#x42; &nbsp;x &ampy &unknown;'
            -> 'Hello World & <x> © A B \\xa0x &y &unknown;'
            filter striptags | 'a < b and c > d'
            -> 'a d'
            filter striptags | 5
            -> '5'
            filter sum | [1, 2, 3]
            -> 6
            filter sum | [1, 2.5]
            -> 3.5
            filter sum | [] | [] | {'start': 10}
            -> 10
            filter sum | [{'p': 1}, {'p': 2}] | ['p']
            -> 3
            filter sum | [{'p': 1}, {'p': 2}] | [] | {'attribute': 'p', 'start': 5}
            -> 8
            filter sum | [[1], [2]] | [] | {'start': []}
            -> [1, 2]
            filter sum | ['a', 'b']
            -> !unsupported operand type(s) for +: 'int' and 'str'
            filter sum | undefined
            -> 0
            filter sum | [0.1, 0.2, 0.3]
            -> 0.6000000000000001
            filter title | 'hello world-foo (bar) [baz] {qux} <quux>'
            -> 'Hello World-Foo (Bar) [Baz] {Qux} <Quux>'
            filter title | "they're o'neil's"
            -> "They're O'neil's"
            filter title | 'ÀB cD'
            -> 'Àb Cd'
            filter title | '  a  '
            -> '  A  '
            filter tojson | {'b': [1, 2.5, None, True], 'a': '<&\\'>'}
            -> Markup('{"a": "\\\\u003c\\\\u0026\\\\u0027\\\\u003e", "b": [1, 2.5, null, true]}')
            filter tojson | {'b': 1, 'a': {'d': 'é', 'c': (1, 2)}} | [2]
            -> Markup('{\\n  "a": {\\n    "c": [\\n      1,\\n      2\\n    ],\\n    "d": "\\\\u00e9"\\n  },\\n  "b": 1\\n}')
            filter tojson | [] | [2]
            -> Markup('[]')
            filter tojson | {2: 'x', 10: 'y'}
            -> Markup('{"2": "x", "10": "y"}')
            filter tojson | {1: 'x', 'a': 'y'}
            -> !'<' not supported between instances of 'str' and 'int'
            filter tojson | 'a"b\\\\c\\n\\x01'
            -> Markup('"a\\\\"b\\\\\\\\c\\\\n\\\\u0001"')
            filter tojson | [nan, inf, 1e16, 1e-05]
            -> Markup('[NaN, Infinity, 1e+16, 1e-05]')
            filter tojson | undefined
            -> !Object of type Undefined is not JSON serializable
            filter tojson | [1, 2] | ['\\t']
            -> Markup('[\\n\\t1,\\n\\t2\\n]')
            filter trim | '  x  '
            -> 'x'
            filter trim | 'xxhixx' | ['x']
            -> 'hi'
            filter trim | '\\xa0 x\\u3000'
            -> 'x'
            filter truncate | 'foo bar baz qux' | [9]
            -> 'foo...'
            filter truncate | 'foo bar baz qux' | [9, True]
            -> 'foo ba...'
            filter truncate | 'foo bar baz qux' | [11]
            -> 'foo bar baz qux'
            filter truncate | 'foo bar baz qux' | [11, False, '...', 0]
            -> 'foo bar...'
            filter truncate | 'foo bar baz qux' | [6, False, '!!', 0]
            -> 'foo!!'
            filter truncate | 'foobarbazqux' | [6, False, '...', 0]
            -> 'foo...'
            filter truncate | 'abc' | [2]
            -> !expected length >= 3, got 2
            filter truncate | [1, 2] | [5]
            -> [1, 2]
            filter truncate | undefined
            -> Undefined
            filter unique | ['a', 'A', 'b', 'a']
            -> gen:['a', 'b']
            filter unique | ['a', 'A', 'b', 'a'] | [True]
            -> gen:['a', 'A', 'b']
            filter unique | [1, 1.0, True, 2]
            -> gen:[1, 2]
            filter unique | [{'x': 1}, {'x': 2}, {'x': 1}] | [] | {'attribute': 'x'}
            -> gen:[{'x': 1}, {'x': 2}]
            filter unique | [[1], [1]]
            -> !unhashable type: 'list'
            filter unique | [(1, 2), (1, 2), (1, 3)]
            -> gen:[(1, 2), (1, 3)]
            filter upper | 'straße'
            -> 'STRASSE'
            filter upper | undefined
            -> ''
            filter urlencode | 'a b/c?d=é&'
            -> 'a%20b/c%3Fd%3D%C3%A9%26'
            filter urlencode | {'a': 'b c', 'd/e': 1}
            -> 'a=b+c&d%2Fe=1'
            filter urlencode | [('x', 1), ('y', 'z z')]
            -> 'x=1&y=z+z'
            filter urlencode | 5
            -> '5'
            filter urlencode | undefined
            -> ''
            filter urlize | 'go to www.example.com now'
            -> 'go to <a href="https://www.example.com" rel="noopener">www.example.com</a> now'
            filter urlize | 'see http://example.com/path?x=1. (https://a.org/x) <x@y.com>'
            -> 'see <a href="http://example.com/path?x=1" rel="noopener">http://example.com/path?x=1</a>. (<a href="https://a.org/x" rel="noopener">https://a.org/x</a>) &lt;<a href="mailto:x@y.com">x@y.com</a>&gt;'
            filter urlize | 'mail me: foo@bar.org, or mailto:a@b.co'
            -> 'mail me: <a href="mailto:foo@bar.org">foo@bar.org</a>, or <a href="mailto:a@b.co">a@b.co</a>'
            filter urlize | 'http://example.com/a/very/long/path' | [15]
            -> '<a href="http://example.com/a/very/long/path" rel="noopener">http://example....</a>'
            filter urlize | 'x http://ex.com y' | [] | {'nofollow': True, 'target': '_blank'}
            -> 'x <a href="http://ex.com" rel="nofollow noopener" target="_blank">http://ex.com</a> y'
            filter urlize | 'x http://ex.com y' | [] | {'rel': 'ugc noopener'}
            -> 'x <a href="http://ex.com" rel="noopener ugc">http://ex.com</a> y'
            filter urlize | 'ftp://x.y/z tel:123' | [] | {'extra_schemes': ['ftp://', 'tel:']}
            -> '<a href="ftp://x.y/z" rel="noopener">ftp://x.y/z</a> <a href="tel:123" rel="noopener">tel:123</a>'
            filter urlize | 'example.org and sub.example.com and 1.2.3.4 and http://127.0.0.1:8080/x'
            -> '<a href="https://example.org" rel="noopener">example.org</a> and <a href="https://sub.example.com" rel="noopener">sub.example.com</a> and 1.2.3.4 and <a href="http://127.0.0.1:8080/x" rel="noopener">http://127.0.0.1:8080/x</a>'
            filter urlize | '<script>www.x.com</script>'
            -> '&lt;script&gt;www.x.com&lt;/script&gt;'
            filter wordcount | 'Hello, world! foo_bar 42 é-x'
            -> 6
            filter wordcount | ''
            -> 0
            filter wordwrap | 'The quick brown fox jumps over the lazy dog' | [10]
            -> 'The quick\\nbrown fox\\njumps over\\nthe lazy\\ndog'
            filter wordwrap | 'The quick brown fox\\n\\njumps over' | [10]
            -> 'The quick\\nbrown fox\\n\\njumps over'
            filter wordwrap | 'supercalifragilisticexpialidocious word' | [10]
            -> 'supercalif\\nragilistic\\nexpialidoc\\nious word'
            filter wordwrap | 'supercalifragilisticexpialidocious word' | [10, False]
            -> 'supercalifragilisticexpialidocious\\nword'
            filter wordwrap | 'well-known-hyphenated-long-word fits' | [10]
            -> 'well-\\nknown-hyph\\nenated-\\nlong-word\\nfits'
            filter wordwrap | 'well-known-hyphenated-long-word fits' | [10] | {'break_on_hyphens': False}
            -> 'well-known\\n-hyphenate\\nd-long-wor\\nd fits'
            filter wordwrap | 'a b c d' | [3, True, '<br>']
            -> 'a b<br>c d'
            filter wordwrap | 'x  --  y  z' | [4]
            -> 'x\\n--\\ny  z'
            filter wordwrap | 'a\\tb c' | [3]
            -> 'a\\tb\\nc'
            filter wordwrap | 5
            -> !'int' object has no attribute 'splitlines'
            filter wordwrap | undefined
            -> !'u' is undefined
            filter xmlattr | {'class': 'a b', 'id': '<x>', 'n': None, 'u': undefined}
            -> ' class="a b" id="&lt;x&gt;"'
            filter xmlattr | {'a': 1} | [False]
            -> 'a="1"'
            filter xmlattr | {}
            -> ''
            filter xmlattr | {'a b': 1}
            -> !Invalid character in attribute name: 'a b'
            filter xmlattr | [1]
            -> !'list' object has no attribute 'items'
            filter as_text | 5
            -> 5
            filter as_bool | 'True'
            -> 'True'
            filter as_number | '1'
            -> '1'
            filter as_native | [1]
            -> [1]
            filter is_list | [1]
            -> True
            filter is_list | (1,)
            -> False
            filter is_list | 'a'
            -> False
            filter e | 5 | ['x']
            -> !*
            filter truncate | 'x' | [] | {'foo': 1}
            -> !*
            """);
    }
}
