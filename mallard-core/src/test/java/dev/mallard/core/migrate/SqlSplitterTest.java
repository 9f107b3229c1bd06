package dev.mallard.core.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlSplitterTest {

    @Test
    void splitsAtSemicolonsAndKeepsTheLineEachStatementStartsOn() {
        List<SqlStatement> st = SqlSplitter.split("CREATE TABLE a (id INT);\n\n  INSERT INTO a\n  VALUES (1);\n", 5);
        assertEquals(List.of(new SqlStatement("CREATE TABLE a (id INT)", 5),
                new SqlStatement("INSERT INTO a\n  VALUES (1)", 7)), st);
    }

    @Test
    void semicolonsInQuotesCommentsAndDollarQuotesDoNotSplit() {
        String sql = """
                INSERT INTO t VALUES ('a;b', 'it''s;', "odd;name"); -- trailing; comment
                /* block; /* nested; */ still; */ SELECT $$x;y$$, $fn$ a; b $fn$;
                SELECT 1
                """;
        List<SqlStatement> st = SqlSplitter.split(sql, 1);
        assertEquals(3, st.size(), st.toString());
        assertEquals("INSERT INTO t VALUES ('a;b', 'it''s;', \"odd;name\")", st.get(0).sql());
        assertEquals(2, st.get(1).line());
        assertEquals("SELECT 1", st.get(2).sql());
        assertEquals(3, st.get(2).line());
    }

    @Test
    void commentsAndEmptyStatementsAloneAreNotStatements() {
        assertEquals(List.of(), SqlSplitter.split("-- nothing here\n;;\n/* nor here */\n", 1));
    }

    @Test
    void aStatementAfterAMultiLineStringStartsOnTheRightLine() {
        List<SqlStatement> st = SqlSplitter.split("SELECT 'a\nb\nc';\nSELECT 2;", 1);
        assertEquals(4, st.get(1).line());
    }

    @Test
    void backslashesEscapeQuotesOnlyInEscapeStrings() {
        List<SqlStatement> st = SqlSplitter.split("SELECT E'it\\'s; fine'; SELECT 'C:\\'; SELECT 3;", 1);
        assertEquals(List.of("SELECT E'it\\'s; fine'", "SELECT 'C:\\'", "SELECT 3"),
                st.stream().map(SqlStatement::sql).toList());
    }

    @Test
    void positionalParametersAreNotDollarQuotes() {
        List<SqlStatement> st = SqlSplitter.split("PREPARE q AS SELECT $1; SELECT 2;", 1);
        assertEquals(2, st.size(), st.toString());
    }
}
