package dev.mallard.duckdb;

import dev.mallard.core.engine.AgateTypes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mallard.core.engine.Relation;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Seed columns are typed as dbt-duckdb types them (agate's inference; the cases were checked
 * against dbt 1.11), by one query in DuckDB that agrees with the value-by-value reference;
 * both the per-test searches and the one-query form of small files are checked on each case.
 */
class SeedTypesTest {
    private static Connection conn;

    @BeforeAll
    static void open() throws SQLException {
        conn = DriverManager.getConnection("jdbc:duckdb:");
    }

    @AfterAll
    static void close() throws SQLException {
        conn.close();
    }

    /** The type SeedTypes infers for one column of these values (null: a missing value). */
    private static String type(String... values) {
        return types(List.of(Arrays.asList(values))).get(0);
    }

    private static List<String> types(List<List<String>> columnValues) {
        try (Statement st = conn.createStatement()) {
            List<String> names = new ArrayList<>();
            List<String> defs = new ArrayList<>();
            for (int i = 0; i < columnValues.size(); i++) {
                names.add("c" + i);
                defs.add("c" + i + " VARCHAR");
            }
            st.execute("CREATE OR REPLACE TABLE t (" + String.join(", ", defs) + ")");
            int rows = columnValues.stream().mapToInt(List::size).max().orElse(0);
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO t VALUES ("
                    + String.join(", ", names.stream().map(n -> "?").toList()) + ")")) {
                for (int r = 0; r < rows; r++) {
                    for (int c = 0; c < columnValues.size(); c++) {
                        List<String> col = columnValues.get(c);
                        ps.setString(c + 1, r < col.size() ? col.get(r) : null);
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            SeedTypes seedTypes = new SeedTypes(SeedTypesTest::rows, Relation.quote("t"));
            List<String> searched = new ArrayList<>(seedTypes.infer(names).values());
            return searched;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<List<Object>> rows(String sql) {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            List<List<Object>> out = new ArrayList<>();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.add(rs.getObject(i));
                }
                out.add(row);
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    @Test
    void timesStayTextBecauseAgateHasNoTimeType() {
        assertEquals("VARCHAR", type("08:00:00", "09:30:00", ""));
    }

    @Test
    void wholeNumbersAreIntegerEvenWithLeadingZerosSpacesExponentsOrATrailingZeroFraction() {
        assertEquals("INTEGER", type("007", "010", ""));
        assertEquals("INTEGER", type(" 4 ", "5"));
        assertEquals("INTEGER", type("1e3", "2.5E1"));
        assertEquals("INTEGER", type("-2", "-3.0"));
    }

    @Test
    void aFractionMakesADouble() {
        assertEquals("DOUBLE", type("1", "2.5", "3"));
    }

    @Test
    void wholeNumbersBeyondIntegerWidenInsteadOfFailingAsInDbt() {
        assertEquals("BIGINT", type("1", "3000000000"));
        assertEquals("BIGINT", type("-3000000000"));
        assertEquals("HUGEINT", type("99999999999999999999"));
    }

    @Test
    void emptyAndNullTextFitEveryTypeAndAnAllEmptyColumnIsInteger() {
        assertEquals("INTEGER", type("", "null", "NULL"));
        assertEquals("INTEGER", type(null, null));
        assertEquals("BOOLEAN", type("True", "null", "false", "TRUE"));
    }

    @Test
    void onlyTrueAndFalseAreBooleans() {
        assertEquals("VARCHAR", type("yes", "no"));
        assertEquals("VARCHAR", type("true", "1"));
    }

    @Test
    void datesAreIsoYearMonthDayOnly() {
        assertEquals("DATE", type("2024-01-05", "2024-1-6", ""));
        assertEquals("VARCHAR", type("2024/01/05"));
        assertEquals("VARCHAR", type("01/05/2024"));
        assertEquals("VARCHAR", type("2024-02-30"));
    }

    @Test
    void datetimesWithASpaceOrAnIsoT() {
        assertEquals("TIMESTAMP", type("2024-01-05 08:00:00", ""));
        assertEquals("TIMESTAMP", type("2024-01-05T08:00:00", "2024-01-06T09:00:00Z", "2024-01-06T09:00:00.123+01:00"));
        assertEquals("VARCHAR", type("2024-01-05 08:00:00", "2024-01-05T08:00:00"));
        assertEquals("VARCHAR", type("2024-01-05 8am"));
    }

    @Test
    void percentCurrencyAndGroupingReadAsNumbersAsAgateReadsThem() {
        assertEquals("INTEGER", type("5%", "$3", "1,000", "1_000", "-€4"));
    }

    @Test
    void mixedValuesFallBackToText() {
        assertEquals("VARCHAR", type("1", "a"));
        assertEquals("VARCHAR", type("2024-01-05", "true"));
    }

    @Test
    void everyColumnIsTypedInOneQuery() {
        assertEquals(List.of("INTEGER", "VARCHAR", "DATE"), types(List.of(List.of("1", "2"),
                Arrays.asList("08:00:00", ""), Arrays.asList("2024-01-05", null))));
    }

    /** Values near every rule's edge; random columns of them must be typed as the reference types them. */
    private static final String[] ATOMS = {"", " ", "null", "NULL", "0", "7", "-7", "+7", "007", "1.0", "2.5", "-3.50",
            ".5", "5.", "1e3", "1E-2", "2.5e1", "1_000", "1,000", "5%", "$3", "-$3", "€4.00", "inf", "-Infinity", "nan",
            "2147483647", "2147483648", "-2147483648", "-2147483649", "9223372036854775807", "9223372036854775808",
            "0x1F", "1 000", "abc", "true", "False", "TRUE ", "t", "yes", "2024-01-05", "2024-1-5", "2024-02-29",
            "2023-02-29", "2024-13-01", "2024-01-05 08:00:00", "2024-01-05 8:0:0", "2024-01-05  23:59:59",
            "2024-01-05 24:00:00", "2024-01-05T08:00:00", "2024-01-05T08:00:00Z", "20240105T0800", "2024-01-05T24",
            "2024-01-05TT08", "2024-01-05T08:00:00.5+01:00", "08:00:00", "1.2.3", "--5", "12e", "e5", "1e400", ".5e1",
            "5.", "0000-01-01", "2024-01- 5", "2024-1-5 23:5:5", "2024-00-10", "2024-01-00", "20240230T10", "+-2", "3e4_7",
            "1_000.5", "0x10", "+.5", "1.e5", "-inf", "snan"};

    @Test
    void randomColumnsAgreeWithTheReference() {
        Random random = new Random(20261206);
        List<List<String>> columns = new ArrayList<>();
        for (int c = 0; c < 200; c++) {
            // mostly values of one family, so that non-text types come out often
            int size = 1 + random.nextInt(4);
            int base = random.nextInt(ATOMS.length);
            List<String> values = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                int pick = random.nextInt(3) == 0 ? random.nextInt(ATOMS.length)
                        : Math.min(ATOMS.length - 1, base + random.nextInt(3));
                values.add(random.nextInt(8) == 0 ? null : ATOMS[pick]);
            }
            columns.add(values);
        }
        List<String> actual = types(columns);
        for (int c = 0; c < columns.size(); c++) {
            assertEquals(AgateTypes.columnType(columns.get(c)), actual.get(c), "values " + columns.get(c));
        }
    }

    @Test
    void eachAtomAloneAgreesWithTheReference() {
        List<List<String>> columns = new ArrayList<>();
        for (String atom : ATOMS) {
            columns.add(List.of(atom));
        }
        List<String> actual = types(columns);
        for (int c = 0; c < columns.size(); c++) {
            assertEquals(AgateTypes.columnType(columns.get(c)), actual.get(c), "value '" + ATOMS[c] + "'");
        }
    }
}
