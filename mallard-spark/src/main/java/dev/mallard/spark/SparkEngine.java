package dev.mallard.spark;

import dev.mallard.core.engine.Capability;
import dev.mallard.core.engine.Engine;
import dev.mallard.core.engine.EngineSession;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;

/**
 * One SparkSession for the invocation (its SparkContext runs the jobs of every worker); each
 * worker gets a session of its own over it ({@link SparkSession#newSession}), sharing the
 * catalog. Spark has no transactions, no constraints and, for Parquet tables, no MERGE, no
 * UPDATE and no DELETE: the capabilities say so.
 */
final class SparkEngine implements Engine {
    private static final Set<Capability> CAPABILITIES = EnumSet.of(Capability.RENAME, Capability.PARQUET,
            Capability.BULK_CSV_LOAD);

    private final SparkSession spark;
    private final SparkSettings settings;

    private SparkEngine(SparkSession spark, SparkSettings settings) {
        this.spark = spark;
        this.settings = settings;
    }

    static SparkEngine open(SparkSettings settings) {
        if (System.getProperty("derby.stream.error.file") == null) {
            // the embedded metastore's log goes beside it, not into the working directory
            System.setProperty("derby.stream.error.file", settings.metastoreLog());
        }
        return inSparkLoader(() -> {
            try {
                SparkSession.Builder builder = SparkSession.builder().appName("mallard").master(settings.master())
                        .enableHiveSupport();
                settings.confs().forEach(builder::config);
                SparkSession spark = builder.getOrCreate();
                if (settings.schema() != null && !settings.schema().isBlank()) {
                    spark.sql("CREATE SCHEMA IF NOT EXISTS " + SparkNames.quote(settings.schema()));
                }
                return new SparkEngine(spark, settings);
            } catch (RuntimeException | LinkageError e) {
                throw new MallardException(ErrorCode.ENGINE, "cannot start Spark (master " + settings.master() + "): "
                        + SparkErrors.message(e), null, 0, "the warehouse is " + settings.warehouse()
                        + "; only one process at a time can use its embedded metastore", e);
            }
        });
    }

    /**
     * Runs {@code work} with this module's class loader as the thread's context loader: Spark
     * finds its data sources and Hive its classes through it, and mallard.jar loads this
     * module in a loader of its own.
     */
    static <T> T inSparkLoader(Supplier<T> work) {
        Thread t = Thread.currentThread();
        ClassLoader previous = t.getContextClassLoader();
        t.setContextClassLoader(SparkEngine.class.getClassLoader());
        try {
            return work.get();
        } finally {
            t.setContextClassLoader(previous);
        }
    }

    @Override
    public String type() {
        return "spark";
    }

    @Override
    public Set<Capability> capabilities() {
        return CAPABILITIES;
    }

    @Override
    public String defaultDatabase() {
        return "spark_catalog";
    }

    @Override
    public EngineSession openSession() {
        return inSparkLoader(() -> new SparkEngineSession(spark.newSession()));
    }

    @Override
    public String describe() {
        return "Spark " + spark.version() + " (session, master " + settings.master() + ", warehouse "
                + settings.warehouse() + ")";
    }

    @Override
    public void close() {
        inSparkLoader(() -> {
            spark.stop();
            return null;
        });
    }
}
