package dev.mallard.spark;

import dev.mallard.core.engine.ColumnInfo;
import dev.mallard.core.engine.CsvLoad;
import dev.mallard.core.engine.EngineSession;
import dev.mallard.core.engine.ExistingRelation;
import dev.mallard.core.engine.QueryResult;
import dev.mallard.core.engine.Relation;
import dev.mallard.core.engine.RelationKind;
import dev.mallard.core.engine.SqlDialect;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalog.Table;
import org.apache.spark.sql.types.StructType;

/**
 * A Spark session of one worker. Statements run one at a time through {@code sql()}; Spark
 * has no transactions, so {@link #begin}, {@link #commit} and {@link #rollback} do nothing,
 * as dbt-spark runs without them. Names are matched as Spark's catalog keeps them: in lower case.
 */
final class SparkEngineSession implements EngineSession {
    private final SparkSession spark;

    SparkEngineSession(SparkSession spark) {
        this.spark = spark;
    }

    private static <T> T run(Supplier<T> work) {
        return SparkEngine.inSparkLoader(() -> {
            try {
                return work.get();
            } catch (MallardException e) {
                throw e;
            } catch (Exception e) { // Spark's AnalysisException is checked, though Scala code throws it undeclared
                throw SparkErrors.sql(e);
            }
        });
    }

    @Override
    public void execute(String sql) {
        run(() -> {
            for (String statement : SparkStatements.split(sql)) {
                spark.sql(statement);
            }
            return null;
        });
    }

    @Override
    public QueryResult query(String sql, int maxRows) {
        return run(() -> {
            List<String> statements = SparkStatements.split(sql);
            for (int i = 0; i < statements.size() - 1; i++) {
                spark.sql(statements.get(i));
            }
            Dataset<Row> df = spark.sql(statements.isEmpty() ? sql : statements.get(statements.size() - 1));
            StructType schema = df.schema();
            if (schema.fields().length == 0) {
                return new QueryResult(List.of(), List.of());
            }
            List<Row> rows = maxRows >= 0 ? df.takeAsList(maxRows) : df.collectAsList();
            return SparkRows.result(schema, rows);
        });
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
    public Optional<ExistingRelation> findRelation(Relation relation) {
        return run(() -> {
            String schema = schemaOf(relation);
            if (!spark.catalog().databaseExists(schema)
                    || !spark.catalog().tableExists(schema, relation.identifier())) {
                return Optional.empty();
            }
            Table t = table(schema, relation.identifier());
            return Optional.of(new ExistingRelation(relation.withIdentifier(t.name()).withSchema(schema), kind(t)));
        });
    }

    private Table table(String schema, String name) {
        try {
            return spark.catalog().getTable(schema, name);
        } catch (org.apache.spark.sql.AnalysisException e) {
            throw SparkErrors.sql(e);
        }
    }

    private List<Table> tables(String schema) {
        try {
            return spark.catalog().listTables(schema).collectAsList();
        } catch (org.apache.spark.sql.AnalysisException e) {
            throw SparkErrors.sql(e);
        }
    }

    private String schemaOf(Relation relation) {
        return relation.schema() == null ? spark.catalog().currentDatabase() : relation.schema();
    }

    private static RelationKind kind(Table t) {
        return "VIEW".equalsIgnoreCase(t.tableType()) ? RelationKind.VIEW : RelationKind.TABLE;
    }

    @Override
    public List<ColumnInfo> columns(Relation relation) {
        return run(() -> {
            if (findRelation(relation).isEmpty()) {
                return List.of();
            }
            // DESCRIBE keeps a column's declared char/varchar type, which the schema reports as string
            List<ColumnInfo> out = new ArrayList<>();
            for (Row r : spark.sql("DESCRIBE TABLE " + relation.render()).collectAsList()) {
                String name = r.getString(0);
                if (name == null || name.isBlank() || name.startsWith("#")) {
                    break;
                }
                out.add(new ColumnInfo(name, r.getString(1)));
            }
            return out;
        });
    }

    @Override
    public List<ExistingRelation> listRelations(String database, String schema) {
        return run(() -> {
            if (!spark.catalog().databaseExists(schema)) {
                return List.of();
            }
            List<ExistingRelation> out = new ArrayList<>();
            for (Table t : tables(schema)) {
                if (!t.isTemporary()) {
                    out.add(new ExistingRelation(new Relation(database, schema, t.name()), kind(t)));
                }
            }
            out.sort(Comparator.comparing(r -> r.relation().identifier().toLowerCase(Locale.ROOT)));
            return out;
        });
    }

    @Override
    public void createSchemaIfMissing(String database, String schema) {
        run(() -> spark.sql("CREATE SCHEMA IF NOT EXISTS " + SparkNames.quote(schema)));
    }

    @Override
    public java.sql.Connection jdbcConnection() {
        throw new MallardException(ErrorCode.ENGINE, "the Spark engine has no JDBC connection: Java migrations "
                + "need DuckDB or Postgres");
    }

    @Override
    public void loadCsv(CsvLoad load) {
        run(() -> {
            new SparkSeedLoad(spark).load(load);
            return null;
        });
    }

    @Override
    public void appendRows(Relation table, Iterator<Object[]> rows) {
        run(() -> {
            StructType schema = spark.table(SparkNames.backticked(table)).schema();
            List<Row> batch = new ArrayList<>();
            while (rows.hasNext()) {
                batch.add(SparkRows.row(schema, rows.next()));
            }
            if (!batch.isEmpty()) {
                spark.createDataFrame(batch, schema).write().insertInto(SparkNames.backticked(table));
            }
            return null;
        });
    }

    /** The directory of an external table (one with a {@code LOCATION}), or null for a managed one. */
    String externalLocation(Relation table) {
        return run(() -> {
            String type = null;
            String location = null;
            for (Row r : spark.sql("DESCRIBE TABLE EXTENDED " + table.render()).collectAsList()) {
                if ("Type".equals(r.getString(0))) {
                    type = r.getString(1);
                } else if ("Location".equals(r.getString(0))) {
                    location = r.getString(1);
                }
            }
            return "EXTERNAL".equalsIgnoreCase(type) ? location : null;
        });
    }

    boolean sameLocation(String a, String b) {
        return run(() -> qualified(a).equals(qualified(b)));
    }

    private org.apache.hadoop.fs.Path qualified(String location) {
        try {
            org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(location);
            return p.getFileSystem(spark.sparkContext().hadoopConfiguration()).makeQualified(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Deletes a dropped external table's directory, so a table can be created there again. */
    void deleteLocation(String location) {
        run(() -> {
            try {
                org.apache.hadoop.fs.Path p = qualified(location);
                return p.getFileSystem(spark.sparkContext().hadoopConfiguration()).delete(p, true);
            } catch (java.io.IOException e) {
                throw new MallardException(ErrorCode.ENGINE, "cannot delete " + location + ": " + e.getMessage());
            }
        });
    }

    @Override
    public SqlDialect dialect() {
        return SparkDialect.INSTANCE;
    }

    @Override
    public void close() {
        // the worker's session shares the engine's SparkContext, which the engine stops
    }
}
