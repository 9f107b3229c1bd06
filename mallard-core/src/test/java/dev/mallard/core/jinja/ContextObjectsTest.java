package dev.mallard.core.jinja;

import static dev.mallard.core.jinja.PyCalls.args;
import static dev.mallard.core.jinja.PyCalls.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mallard.core.engine.Relation;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.jinja.value.Py;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** exceptions, api and modules.itertools; itertools results are CPython 3.11's, as lists. */
class ContextObjectsTest {
    private final PyCalls py = new PyCalls();
    private final Object exceptions = new ExceptionsObject();
    private final Object itertools = py.attr(new ModulesObject(), "itertools");
    private final RelationValue relation = new RelationValue(new Relation("db", "main", "t"), "table");

    private MallardException raised(String method, Object... args) {
        return assertThrows(MallardException.class, () -> py.call(exceptions, method, args));
    }

    @Test
    void raiseFunctionsStopTheRenderWithDbtsMessages() {
        MallardException e = raised("raise_compiler_error", "boom");
        assertEquals(ErrorCode.JINJA, e.code());
        assertEquals("boom", e.getMessage());
        assertEquals(ErrorCode.JINJA, raised("raise_not_implemented", "later").code());
        assertEquals(ErrorCode.JINJA, raised("raise_fail_fast_error", "stop").code());
        assertEquals(ErrorCode.SQL, raised("raise_database_error", "bad sql").code());
        assertEquals("Relation \"db\".\"main\".\"t\" not found!", raised("missing_relation", relation).getMessage());
        assertEquals("Trying to create view \"db\".\"main\".\"t\", but it currently exists as a table. Either drop "
                + "\"db\".\"main\".\"t\" manually, or run dbt with `--full-refresh` and dbt will drop it for you.",
                raised("relation_wrong_type", relation, "view").getMessage());
        assertEquals("Model 'model.p.m' does not define a required config parameter 'x'.",
                raised("missing_config", Map.of("unique_id", "model.p.m"), "x").getMessage());
        assertEquals("Cache inconsistency detected: oops", raised("raise_cache_inconsistent", "oops").getMessage());
    }

    @Test
    void warnLogsAndPrintsNothing() {
        assertEquals("", py.call(exceptions, "warn", "careful"));
        assertEquals(List.of("careful"), py.runtime.logs); // dbt's JinjaLogWarning: the message as written
    }

    @Test
    void apiCreatesRelationsAndColumns() {
        Object rel = py.callKw(py.attr(new ApiObject(), "Relation"), "create", args(),
                "database", "db", "schema", "s", "identifier", "t", "type", "view");
        RelationValue value = assertInstanceOf(RelationValue.class, rel);
        assertEquals("\"db\".\"s\".\"t\"", str(value));
        assertEquals(true, py.attr(value, "is_view"));
        // as in dbt, a relation created without a type has none
        assertEquals(null, py.attr(py.callKw(py.attr(new ApiObject(), "Relation"), "create", args(),
                "identifier", "t"), "type"));
        // without an identifier: a schema relation, as list_relations_without_caching takes
        Object schemaOnly = py.callKw(py.attr(new ApiObject(), "Relation"), "create", args(), "schema", "s");
        assertEquals("\"s\"", str(schemaOnly));
        assertEquals(null, py.attr(schemaOnly, "identifier"));
        Object column = py.call(py.attr(new ApiObject(), "Column"), "create", "c", "INTEGER");
        assertEquals("c", py.attr(column, "name"));
        assertEquals("INTEGER", py.attr(column, "data_type"));
    }

    @Test
    void itertoolsGivesListsOfTuples() {
        assertEquals("[(1, 'a'), (1, 'b'), (2, 'a'), (2, 'b')]", Py.repr(py.call(itertools, "product", List.of(1L, 2L),
                "ab")));
        assertEquals("[(0, 0), (0, 1), (1, 0), (1, 1)]",
                Py.repr(py.callKw(itertools, "product", args(List.of(0L, 1L)), "repeat", 2L)));
        assertEquals("[(1, 2), (1, 3), (2, 3)]", Py.repr(py.call(itertools, "combinations", List.of(1L, 2L, 3L), 2L)));
        assertEquals("[('a', 'a'), ('a', 'b'), ('b', 'b')]",
                Py.repr(py.call(itertools, "combinations_with_replacement", "ab", 2L)));
        assertEquals("[(1, 2), (1, 3), (2, 1), (2, 3), (3, 1), (3, 2)]",
                Py.repr(py.call(itertools, "permutations", List.of(1L, 2L, 3L), 2L)));
        assertEquals("[1, 2, 3]", Py.repr(py.invoke(py.attr(itertools, "chain"), List.of(1L), List.of(2L, 3L))));
        assertEquals("[1, 2]", Py.repr(py.call(py.attr(itertools, "chain"), "from_iterable",
                List.of(List.of(1L), List.of(2L)))));
        assertEquals("[(1, 3), (2, 0)]", Py.repr(py.callKw(itertools, "zip_longest", args(List.of(1L, 2L),
                List.of(3L)), "fillvalue", 0L)));
        assertEquals("['a', 'b']", Py.repr(py.call(itertools, "islice", "abcdef", 2L)));
        assertEquals("['b', 'd', 'f']", Py.repr(py.call(itertools, "islice", "abcdef", 1L, null, 2L)));
        assertEquals("[1, 3, 6]", Py.repr(py.call(itertools, "accumulate", List.of(1L, 2L, 3L))));
        assertEquals("['a', 'c']", Py.repr(py.call(itertools, "compress", "abc", List.of(1L, 0L, 1L))));
        assertEquals("['x', 'x', 'x']", Py.repr(py.call(itertools, "repeat", "x", 3L)));
    }

    @Test
    void modulesPrintAsModules() {
        Object modules = new ModulesObject();
        assertEquals("<module 'datetime'>", str(py.attr(modules, "datetime")));
        assertEquals("<module 're'>", str(py.attr(modules, "re")));
        assertTrue(str(modules).startsWith("{'pytz': <module 'pytz'>"));
    }
}
