package dev.mallard.docs.lineage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Given compiled SQL and catalog columns, each model column traces to these upstream columns. */
class ProjectLineageTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Connection duckdb;

    @BeforeAll
    static void open() throws SQLException {
        duckdb = DriverManager.getConnection("jdbc:duckdb:");
    }

    @AfterAll
    static void close() throws SQLException {
        duckdb.close();
    }

    static String parse(String sql) {
        try (PreparedStatement ps = duckdb.prepareStatement("select json_serialize_sql(?::varchar)")) {
            ps.setString(1, sql);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A project of seeds (name → columns) and models (name → compiled SQL, catalog columns or null). */
    static ProjectLineage project(Map<String, List<String>> seeds, Map<String, Object[]> models) {
        ObjectNode manifest = JSON.createObjectNode();
        ObjectNode catalog = JSON.createObjectNode();
        ObjectNode nodes = manifest.putObject("nodes");
        manifest.putObject("sources");
        ObjectNode catNodes = catalog.putObject("nodes");
        seeds.forEach((name, cols) -> {
            node(nodes, "seed", name, null);
            catalogEntry(catNodes, "seed." + "p." + name, cols);
        });
        models.forEach((name, def) -> {
            node(nodes, "model", name, (String) def[0]);
            if (def.length > 1 && def[1] != null) {
                @SuppressWarnings("unchecked")
                List<String> cols = (List<String>) def[1];
                catalogEntry(catNodes, "model.p." + name, cols);
            }
        });
        return ProjectLineage.analyse(manifest, catalog, ProjectLineageTest::parse);
    }

    private static void node(ObjectNode nodes, String type, String name, String sql) {
        ObjectNode n = nodes.putObject(type + ".p." + name);
        n.put("resource_type", type).put("name", name).put("alias", name).put("database", "db").put("schema", "main");
        if (sql != null) {
            n.put("compiled_code", sql).put("language", "sql");
        }
    }

    private static void catalogEntry(ObjectNode cat, String id, List<String> cols) {
        ObjectNode columns = cat.putObject(id).putObject("columns");
        for (int i = 0; i < cols.size(); i++) {
            columns.putObject(cols.get(i)).put("name", cols.get(i)).put("index", i + 1).put("type", "VARCHAR");
        }
    }

    private static ColumnLineage column(ProjectLineage p, String model, String column) {
        return p.lineageOf(new ColumnRef("model.p." + model, column));
    }

    private static List<String> upstream(ColumnLineage c) {
        return c.upstream().stream().map(ColumnRef::toString).toList();
    }

    @Test
    void renamesAndCastsTraceToTheSeedColumns() {
        ProjectLineage p = project(Map.of("raw_payments", List.of("id", "order_id", "amount")), Map.of(
                "stg_payments", new Object[] {"select id as payment_id, order_id, cast(amount / 100 as decimal(18,2)) "
                        + "as amount from \"db\".\"main\".\"raw_payments\"", List.of("payment_id", "order_id", "amount")}));
        ColumnLineage id = column(p, "stg_payments", "payment_id");
        assertEquals(List.of("seed.p.raw_payments.id"), upstream(id));
        assertTrue(id.direct());
        ColumnLineage amount = column(p, "stg_payments", "amount");
        assertEquals(List.of("seed.p.raw_payments.amount"), upstream(amount));
        assertFalse(amount.direct());
        assertTrue(amount.resolved());
    }

    @Test
    void starsThroughCtesAndAggregatesAcrossAJoin() {
        ProjectLineage p = project(Map.of(
                "orders", List.of("order_id", "status"),
                "payments", List.of("order_id", "method", "amount")), Map.of(
                "o", new Object[] {"""
                        with orders as (select * from "db"."main"."orders"),
                        payments as (select * from "db"."main"."payments"),
                        op as (select order_id, sum(case when method = 'card' then amount else 0 end) as card,
                                      sum(amount) as total from payments group by order_id)
                        select orders.order_id, orders.status, coalesce(op.card, 0) as card_amount,
                               coalesce(op.total, 0) as amount, 'x' as kind
                        from orders left join op on orders.order_id = op.order_id""",
                        List.of("order_id", "status", "card_amount", "amount", "kind")}));
        assertEquals(List.of("seed.p.orders.order_id"), upstream(column(p, "o", "order_id")));
        assertEquals(List.of("seed.p.payments.amount", "seed.p.payments.method"), upstream(column(p, "o", "card_amount")));
        assertEquals(List.of("seed.p.payments.amount"), upstream(column(p, "o", "amount")));
        ColumnLineage kind = column(p, "o", "kind");
        assertEquals(List.of(), kind.upstream());
        assertTrue(kind.resolved());
        assertEquals(List.of(new ColumnRef("model.p.o", "amount")),
                p.downstreamOf(new ColumnRef("seed.p.payments", "AMOUNT")).stream()
                        .filter(r -> r.column().equals("amount")).toList());
    }

    @Test
    void anUnknownTableAndAnAmbiguousColumnAreMarkedNotGuessed() {
        ProjectLineage p = project(Map.of("a", List.of("id", "x"), "b", List.of("id", "y")), Map.of(
                "m", new Object[] {"select t.z, x, q from \"db\".\"main\".\"a\" join other.t on true", null},
                "n", new Object[] {"select id from \"db\".\"main\".\"a\" join \"db\".\"main\".\"b\" on a.id = b.id", null}));
        ColumnLineage z = column(p, "m", "z");
        assertEquals(List.of(), z.upstream());
        assertTrue(z.unresolved().get(0).contains("other.t"), z.unresolved().toString());
        ColumnLineage x = column(p, "m", "x");
        assertEquals(List.of(), x.upstream(), "x could also be a column of the unknown table");
        assertFalse(x.resolved());
        ColumnLineage id = column(p, "n", "id");
        assertFalse(id.resolved());
        assertTrue(id.unresolved().get(0).contains("ambiguous"), id.unresolved().toString());
    }

    @Test
    void unionsUsingJoinsLambdasAndCorrelatedSubqueries() {
        ProjectLineage p = project(Map.of("a", List.of("id", "x", "l"), "b", List.of("id", "y")), Map.of(
                "u", new Object[] {"select x as v from \"db\".\"main\".\"a\" union all select y from \"db\".\"main\".\"b\"",
                        List.of("v")},
                "j", new Object[] {"select * from \"db\".\"main\".\"a\" left join \"db\".\"main\".\"b\" using (id)",
                        List.of("id", "x", "l", "y")},
                "f", new Object[] {"select list_transform(l, e -> e + x) as l2, (select max(y) from \"db\".\"main\".\"b\" "
                        + "where b.id = a.id) as top from \"db\".\"main\".\"a\"", List.of("l2", "top")}));
        assertEquals(List.of("seed.p.a.x", "seed.p.b.y"), upstream(column(p, "u", "v")));
        assertEquals(List.of("seed.p.a.id"), upstream(column(p, "j", "id")));
        assertEquals(List.of("seed.p.b.y"), upstream(column(p, "j", "y")));
        ColumnLineage l2 = column(p, "f", "l2");
        assertEquals(List.of("seed.p.a.l", "seed.p.a.x"), upstream(l2));
        assertTrue(l2.resolved(), l2.unresolved().toString());
        assertEquals(List.of("seed.p.b.y"), upstream(column(p, "f", "top")));
    }

    @Test
    void aFullJoinsUsingColumnComesFromBothSides() {
        ProjectLineage p = project(Map.of("a", List.of("id", "x"), "b", List.of("id", "y")), Map.of(
                "fj", new Object[] {"select * from \"db\".\"main\".\"a\" full join \"db\".\"main\".\"b\" using (id)",
                        List.of("id", "x", "y")}));
        ColumnLineage id = column(p, "fj", "id");
        assertEquals(List.of("seed.p.a.id", "seed.p.b.id"), upstream(id));
        assertFalse(id.direct());
        assertEquals(List.of("seed.p.b.y"), upstream(column(p, "fj", "y")));
    }

    @Test
    void aModelWithoutSqlOrWithTwoStatementsHasAnErrorNotColumns() {
        ProjectLineage p = project(Map.of(), Map.of("two", new Object[] {"select 1; select 2", null}));
        ModelLineage m = p.models().get("model.p.two");
        assertTrue(m.error().contains("2 statements"), m.error());
        assertNull(column(p, "two", "x"));
    }
}
