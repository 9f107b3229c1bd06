package dev.mallard.core.materialize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mallard.core.engine.ColumnInfo;
import dev.mallard.core.engine.CsvLoad;
import dev.mallard.core.engine.EngineSession;
import dev.mallard.core.engine.ExistingRelation;
import dev.mallard.core.engine.QueryResult;
import dev.mallard.core.engine.Relation;
import dev.mallard.core.engine.RelationKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The run's catalog lists a schema once and then answers from what the run recorded. */
class RunCatalogTest {
    /** A session that knows one table, main.orders, and counts what it is asked. */
    private static final class CountingSession implements EngineSession {
        final List<String> calls = new ArrayList<>();
        long keysAndIndexes;

        @Override
        public List<ExistingRelation> listRelations(String database, String schema) {
            calls.add("list " + schema);
            return List.of(new ExistingRelation(new Relation("db", "main", "Orders"), RelationKind.TABLE));
        }

        @Override
        public void createSchemaIfMissing(String database, String schema) {
            calls.add("create schema " + schema);
        }

        @Override
        public QueryResult query(String sql, int maxRows) {
            calls.add("query");
            return new QueryResult(List.of(new ColumnInfo("n", "BIGINT")), List.of(List.of(keysAndIndexes)));
        }

        @Override
        public Optional<ExistingRelation> findRelation(Relation relation) {
            calls.add("find " + relation.identifier());
            return Optional.empty();
        }

        @Override
        public void execute(String sql) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void begin() {
        }

        @Override
        public void commit() {
        }

        @Override
        public void rollback() {
        }

        @Override
        public List<ColumnInfo> columns(Relation relation) {
            return List.of();
        }

        @Override
        public java.sql.Connection jdbcConnection() {
            return null;
        }

        @Override
        public void loadCsv(CsvLoad load) {
        }

        @Override
        public void appendRows(Relation table, java.util.Iterator<Object[]> rows) {
        }

        @Override
        public void close() {
        }
    }

    @Test
    void listsASchemaOnceAndFollowsWhatTheRunBuilds() {
        CountingSession session = new CountingSession();
        RunCatalog catalog = new RunCatalog(false);
        Relation orders = new Relation("db", "main", "orders");
        Relation customers = new Relation("db", "MAIN", "customers");
        assertEquals(RelationKind.TABLE, catalog.find(session, orders).orElseThrow().kind());
        assertTrue(catalog.find(session, customers).isEmpty());
        catalog.built(customers, RelationKind.VIEW);
        assertEquals(RelationKind.VIEW, catalog.find(session, customers).orElseThrow().kind());
        catalog.dropped(orders);
        assertTrue(catalog.find(session, orders).isEmpty());
        assertEquals(List.of("list main"), session.calls);
    }

    @Test
    void aRelationWithoutSchemaIsAskedOfTheEngine() {
        CountingSession session = new CountingSession();
        new RunCatalog(false).find(session, new Relation(null, null, "x"));
        assertEquals(List.of("find x"), session.calls);
    }

    @Test
    void createsEachSchemaOnce() {
        CountingSession session = new CountingSession();
        RunCatalog catalog = new RunCatalog(false);
        catalog.ensureSchema(session, "db", "main");
        catalog.ensureSchema(session, "db", "main");
        catalog.ensureSchema(session, "db", "marts");
        assertEquals(List.of("create schema main", "create schema marts"), session.calls);
    }

    @Test
    void keysAndIndexesAreAskedOnceUnlessTheRunMayAddSome() {
        CountingSession session = new CountingSession();
        RunCatalog catalog = new RunCatalog(false);
        assertFalse(catalog.keysOrIndexesPossible(session));
        assertFalse(catalog.keysOrIndexesPossible(session));
        assertEquals(List.of("query"), session.calls);
        session.keysAndIndexes = 2;
        assertTrue(new RunCatalog(false).keysOrIndexesPossible(session));
        CountingSession untouched = new CountingSession();
        assertTrue(new RunCatalog(true).keysOrIndexesPossible(untouched));
        assertEquals(List.of(), untouched.calls);
    }
}
