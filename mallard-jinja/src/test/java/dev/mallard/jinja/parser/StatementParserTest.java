package dev.mallard.jinja.parser;

import dev.mallard.jinja.ast.Stmt;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every Jinja2 statement dbt can use, parsed into its node. */
class StatementParserTest {

    static String ast(String template) {
        return AstPrinter.print(Parser.parse("t.sql", template).body());
    }

    static Stmt.Macro macro(String template) {
        return (Stmt.Macro) Parser.parse("t.sql", template).body().get(0);
    }

    @Test
    void ifElifElseNestsEachElifAloneInOrelse() {
        assertEquals("(if a ((text 'x')) ((if b ((text 'y')) ((if c ((text 'z')) ((text 'w')))))))",
                ast("{% if a %}x{% elif b %}y{% elif c %}z{% else %}w{% endif %}"));
        assertEquals("(if (tuple a b) () ())", ast("{% if a, b %}{% endif %}"));
        assertEquals("(if x ((text 'a')) ((text 'b')))", ast("{% if x: %}a{% else: %}b{% endif %}"));
    }

    @Test
    void forLoops() {
        assertEquals("(for x y _ ((print x)) ((text 'none')))", ast("{% for x in y %}{{ x }}{% else %}none{% endfor %}"));
        assertEquals("(for (tuple k v) (call (. d items)) (cmp v > L:1) recursive () ())",
                ast("{% for k, v in d.items() if v > 1 recursive %}{% endfor %}"));
        assertEquals("(for (tuple a b) c _ () ())", ast("{% for (a, b) in c %}{% endfor %}"));
        assertEquals("(for x (tuple y z) _ () ())", ast("{% for x in y, z %}{% endfor %}"));
        assertEquals("(for x y _ ((break) (continue)) ())", ast("{% for x in y %}{% break %}{% continue %}{% endfor %}"));
    }

    @Test
    void macrosTakeAnyDefaultExpression() {
        assertEquals("(macro m (a b=L:1 c='x') ((print a)))", ast("{% macro m(a, b=1, c='x') %}{{ a }}{% endmacro %}"));
        assertEquals("(macro m (order_by='count(*) desc') ())",
                ast("{% macro m(order_by='count(*) desc') %}{% endmacro %}"));
        assertEquals("(macro m (d=\"','\") ())", ast("{% macro m(d=\"','\") %}{% endmacro %}"));
        assertEquals("(macro m (d=(call (. (. modules re) escape) 'a.b')) ())",
                ast("{% macro m(d=modules.re.escape('a.b')) %}{% endmacro %}"));
    }

    @Test
    void dbtTypedParametersAreAcceptedAndDropped() {
        assertEquals("(macro m (rel cols=(list) n=L:1) ())",
                ast("{% macro m(rel: Relation, cols: List[Dict[str, int]] = [], n: int = 1) %}{% endmacro %}"));
        assertEquals("(callblock (call m) (x) ())", ast("{% call(x: int) m() %}{% endcall %}"));
    }

    @Test
    void macroSaysWhetherItsBodyReadsCallerVarargsKwargs() {
        Stmt.Macro all = macro("{% macro m() %}{{ caller() }}{% if x %}{{ varargs }}{% endif %}{{ kwargs.a }}{% endmacro %}");
        assertTrue(all.usesCaller() && all.usesVarargs() && all.usesKwargs());
        Stmt.Macro none = macro("{% macro m(a) %}{{ a }}{% endmacro %}");
        assertFalse(none.usesCaller() || none.usesVarargs() || none.usesKwargs());
        // As in Jinja2: an assignment seen first hides the name, a named parameter switches it off,
        // nested macros count and blocks do not.
        assertFalse(macro("{% macro m() %}{% set caller = 1 %}{{ caller }}{% endmacro %}").usesCaller());
        assertTrue(macro("{% macro m() %}{{ caller }}{% set caller = 1 %}{% endmacro %}").usesCaller());
        assertFalse(macro("{% macro m(varargs) %}{{ varargs }}{% endmacro %}").usesVarargs());
        assertTrue(macro("{% macro m() %}{% macro n() %}{{ kwargs }}{% endmacro %}{% endmacro %}").usesKwargs());
        assertFalse(macro("{% macro m() %}{% block b %}{{ caller() }}{% endblock %}{% endmacro %}").usesCaller());
        assertFalse(macro("{% macro m(a=caller) %}{% endmacro %}").usesCaller());
    }

    @Test
    void firstOccurrenceFollowsJinja2sFieldOrder() {
        // a for loop's filter comes after its body, a filter block's filters after its body
        assertFalse(macro("{% macro m() %}{% for x in y if caller %}{% set caller = 1 %}{% endfor %}{% endmacro %}")
                .usesCaller());
        assertFalse(macro("{% macro m() %}{% filter f(varargs) %}{% set varargs = 1 %}{% endfilter %}{% endmacro %}")
                .usesVarargs());
        // targets and parameter names come before values and defaults, a call block's call before
        // its parameters
        assertFalse(macro("{% macro m() %}{% for caller in x %}{{ caller }}{% endfor %}{% endmacro %}")
                .usesCaller());
        assertFalse(macro("{% macro m() %}{% with kwargs = kwargs %}{% endwith %}{% endmacro %}").usesKwargs());
        assertFalse(macro("{% macro m() %}{% macro n(caller=caller) %}{% endmacro %}{% endmacro %}").usesCaller());
        assertTrue(macro("{% macro m() %}{% call(varargs) f(varargs) %}{% endcall %}{% endmacro %}").usesVarargs());
        // a namespace target neither reads nor assigns the name
        assertFalse(macro("{% macro m() %}{% set kwargs.x = 1 %}{% endmacro %}").usesKwargs());
        assertTrue(macro("{% macro m() %}{% set kwargs.x = 1 %}{{ kwargs }}{% endmacro %}").usesKwargs());
    }

    @Test
    void callBlocks() {
        assertEquals("(callblock (call f L:1) (a b=L:1) ((print a)))", ast("{% call(a, b=1) f(1) %}{{ a }}{% endcall %}"));
        Stmt.CallBlock block = (Stmt.CallBlock) Parser.parse("t", "{% call f() %}{{ varargs }}{% endcall %}").body().get(0);
        assertTrue(block.usesVarargs());
        assertFalse(block.usesKwargs());
    }

    @Test
    void setInAllItsForms() {
        assertEquals("(set x L:1)", ast("{% set x = 1 %}"));
        assertEquals("(set (tuple a b) (tuple L:1 L:2))", ast("{% set a, b = 1, 2 %}"));
        assertEquals("(set (. ns x) L:1)", ast("{% set ns.x = 1 %}"));
        assertEquals("(set x (if b a c))", ast("{% set x = a if b else c %}"));
        assertEquals("(setblock x () ((text 'a')))", ast("{% set x %}a{% endset %}"));
        assertEquals("(setblock x ((filter upper _) (filter replace _ 'a' 'b')) ((text 'a')))",
                ast("{% set x | upper | replace('a', 'b') %}a{% endset %}"));
    }

    @Test
    void filterWithDoAndScopedBlocks() {
        assertEquals("(filterblock ((filter upper _) (filter replace _ 'a' 'b')) ((text 'x')))",
                ast("{% filter upper|replace('a','b') %}x{% endfilter %}"));
        assertEquals("(with (a b) (L:1 L:2) ((print a)))", ast("{% with a = 1, b = 2 %}{{ a }}{% endwith %}"));
        assertEquals("(with () () ((text 'x')))", ast("{% with %}x{% endwith %}"));
        assertEquals("(do (call (. x append) L:1))", ast("{% do x.append(1) %}"));
        assertEquals("(block b ((text 'x')))", ast("{% block b %}x{% endblock b %}"));
        assertEquals("(autoescape ((text 'x')))", ast("{% autoescape true %}x{% endautoescape %}"));
        assertEquals("(print a) (print b)", ast("{% print a, b %}"));
    }

    @Test
    void dbtTestMaterializationDocsAndSnapshot() {
        Stmt.Macro test = macro("{% test not_null(model, column_name, where='1=1') %}select 1{% endtest %}");
        assertEquals("test_not_null", test.name());
        assertEquals(Stmt.Macro.Kind.TEST, test.kind());
        assertEquals(3, test.params().size());

        Stmt.Macro adapter = macro("{% materialization table, adapter='duckdb' %}x{% endmaterialization %}");
        assertEquals("materialization_table_duckdb", adapter.name());
        assertEquals(Stmt.Macro.Kind.MATERIALIZATION, adapter.kind());
        assertTrue(adapter.params().isEmpty());
        assertEquals("materialization_view_default",
                macro("{% materialization view, default %}{% endmaterialization %}").name());
        assertEquals("materialization_seed_default",
                macro("{% materialization seed %}{% endmaterialization %}").name());
        assertEquals("materialization_m_duckdb", macro(
                "{% materialization m, adapter=\"duckdb\", supported_languages=['sql', 'python'] %}{% endmaterialization %}")
                .name());

        Stmt.Docs docs = (Stmt.Docs) Parser.parse("d.md", "{% docs orders %}\n# Orders {{ x }}\n  {%- enddocs %}").body().get(0);
        assertEquals("orders", docs.name());
        assertEquals("\n# Orders {{ x }}\n  ", docs.source());
        assertEquals("(text '\\n# Orders ') (print x)", AstPrinter.print(docs.body()));

        assertEquals("(snapshot s ((text 'select 1')))", ast("{% snapshot s %}select 1{% endsnapshot %}"));
    }
}
