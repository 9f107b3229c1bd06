package dev.mallard.jinja.value;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Python's str, list, dict and set methods and int and float attributes: the table (methods.table, beside this class) gives what Python 3.11 returned for the same call in dbt's sandboxed environment. */
class MethodsTableTest {
    @TestFactory
    Stream<DynamicTest> matchesPython() {
        return CaseTable.runResource(MethodsTableTest.class, "methods.table");
    }
}
