package dev.mallard.jinja.lib;

import dev.mallard.jinja.value.CaseTable;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every Jinja2 filter, and dbt's, called directly: the table (filters.table, beside this class) gives what Jinja2 3.1.6 returned for the same call in dbt's sandboxed environment. */
class FiltersTableTest {
    @TestFactory
    Stream<DynamicTest> matchesPython() {
        return CaseTable.runResource(FiltersTableTest.class, "filters.table");
    }
}
