package dev.mallard.jinja.lib;

import dev.mallard.jinja.value.CaseTable;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every Jinja2 test, called directly: each expectation is what Jinja2 3.1.6 returned for the same call in dbt's sandboxed environment. */
class TestsTableTest {
    @TestFactory
    Stream<DynamicTest> matchesPython() {
        return CaseTable.run("""
            test boolean | True
            -> True
            test boolean | 1
            -> False
            test callable | 5
            -> False
            test callable | undefined
            -> True
            test defined | undefined
            -> False
            test defined | None
            -> True
            test divisibleby | 9 | [3]
            -> True
            test divisibleby | 9.0 | [3]
            -> True
            test divisibleby | 10 | [3]
            -> False
            test divisibleby | undefined | [3]
            -> !'u' is undefined
            test divisibleby | 9 | [0]
            -> !integer modulo by zero
            test eq | 1 | [1.0]
            -> True
            test == | 'a' | ['a']
            -> True
            test equalto | [1] | [[1]]
            -> True
            test escaped | 'x'
            -> False
            test even | 4
            -> True
            test even | 3
            -> False
            test even | 'a'
            -> !not all arguments converted during string formatting
            test false | False
            -> True
            test false | 0
            -> False
            test filter | 'upper'
            -> True
            test filter | 'nosuch'
            -> False
            test filter | 5
            -> False
            test filter | [1]
            -> !unhashable type: 'list'
            test float | 1.0
            -> True
            test float | 1
            -> False
            test ge | 2 | [2]
            -> True
            test >= | 1 | [2]
            -> False
            test gt | 3 | [2]
            -> True
            test > | 'b' | ['a']
            -> True
            test greaterthan | 1 | ['a']
            -> !'>' not supported between instances of 'int' and 'str'
            test in | 1 | [[1, 2]]
            -> True
            test in | 'a' | ['abc']
            -> True
            test in | 'k' | [{'k': 1}]
            -> True
            test in | 3 | [(1, 2)]
            -> False
            test in | 1 | ['abc']
            -> !'in <string>' requires string as left operand, not int
            test integer | 1
            -> True
            test integer | True
            -> False
            test integer | 1.0
            -> False
            test iterable | 'a'
            -> True
            test iterable | 5
            -> False
            test iterable | {}
            -> True
            test iterable | undefined
            -> True
            test le | 2 | [2]
            -> True
            test <= | 3 | [2]
            -> False
            test lower | 'abc'
            -> True
            test lower | 'aBc'
            -> False
            test lower | 5
            -> False
            test lt | 1 | [2]
            -> True
            test < | 2.5 | [2]
            -> False
            test lessthan | None | [1]
            -> !'<' not supported between instances of 'NoneType' and 'int'
            test mapping | {}
            -> True
            test mapping | []
            -> False
            test ne | 1 | [2]
            -> True
            test != | 1 | [1.0]
            -> False
            test none | None
            -> True
            test none | undefined
            -> False
            test number | 1.5
            -> True
            test number | True
            -> True
            test number | '1'
            -> False
            test odd | 3
            -> True
            test odd | 3.0
            -> True
            test odd | undefined
            -> !'u' is undefined
            test sameas | True | [True]
            -> True
            test sameas | 1 | [1]
            -> True
            test sameas | 1000 | [1000]
            -> False
            test sameas | None | [None]
            -> True
            test sameas | [] | [[]]
            -> False
            test sequence | 'a'
            -> True
            test sequence | [1]
            -> True
            test sequence | {}
            -> True
            test sequence | 5
            -> False
            test sequence | undefined
            -> True
            test string | 'a'
            -> True
            test string | 1
            -> False
            test test | 'odd'
            -> True
            test test | 'nosuch'
            -> False
            test test | {}
            -> !unhashable type: 'dict'
            test true | True
            -> True
            test true | 1
            -> False
            test undefined | undefined
            -> True
            test undefined | None
            -> False
            test upper | 'ABC'
            -> True
            test upper | 'ABc'
            -> False
            test upper | '123'
            -> False
            test odd | 3 | [1]
            -> !*
            """);
    }
}
