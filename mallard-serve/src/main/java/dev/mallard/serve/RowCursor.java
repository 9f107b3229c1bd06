package dev.mallard.serve;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;

/** The rows of an answer, one at a time: from a JDBC result set, or from a {@link MemoryTable}. */
interface RowCursor {
    boolean next() throws SQLException;

    /** The value of column {@code i} (0-based, in the order the query asked for) of the current row. */
    Object get(int i) throws SQLException;

    static RowCursor of(ResultSet rs) throws SQLException {
        int[] types = types(rs);
        return new RowCursor() {
            @Override
            public boolean next() throws SQLException {
                return rs.next();
            }

            @Override
            public Object get(int i) throws SQLException {
                return read(rs, i + 1, types[i]);
            }
        };
    }

    /** The JDBC type of each column of {@code rs}. */
    static int[] types(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int[] types = new int[md.getColumnCount()];
        for (int i = 0; i < types.length; i++) {
            types[i] = md.getColumnType(i + 1);
        }
        return types;
    }

    /**
     * One value as the API writes it. A TIMESTAMP is read as a LocalDateTime: the driver's
     * java.sql.Timestamp goes through the JVM's time zone and shifts times that fall in a
     * daylight-saving gap there.
     */
    static Object read(ResultSet rs, int column, int type) throws SQLException {
        return type == Types.TIMESTAMP ? rs.getObject(column, LocalDateTime.class) : rs.getObject(column);
    }
}
