package dev.mallard.serve;

import java.sql.ResultSet;
import java.sql.SQLException;

/** The rows of an answer, one at a time: from a JDBC result set, or from a {@link MemoryTable}. */
interface RowCursor {
    boolean next() throws SQLException;

    /** The value of column {@code i} (0-based, in the order the query asked for) of the current row. */
    Object get(int i) throws SQLException;

    static RowCursor of(ResultSet rs) {
        return new RowCursor() {
            @Override
            public boolean next() throws SQLException {
                return rs.next();
            }

            @Override
            public Object get(int i) throws SQLException {
                return rs.getObject(i + 1);
            }
        };
    }
}
