package org.duckdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

class JfrMemoryMonitorTest {
    @Test
    void mallardsMonitorReplacesTheDriversAndIsOffByDefault() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                ResultSet rs = c.createStatement().executeQuery("select 42")) {
            assertTrue(rs.next());
            assertEquals(42, rs.getInt(1));
        }
        String from = JfrMemoryMonitor.class.getProtectionDomain().getCodeSource().getLocation().toString();
        assertFalse(from.contains("duckdb_jdbc"), "the driver's own JfrMemoryMonitor was loaded from " + from);
        assertFalse(JfrMemoryMonitor.enabled());
    }
}
