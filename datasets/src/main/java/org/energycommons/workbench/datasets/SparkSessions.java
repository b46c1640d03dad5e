package org.energycommons.workbench.datasets;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * The one Spark session recipe of the workbench: Delta extensions, UTC session time zone and, when no master
 * was given by {@code spark-submit}, a local master sized for a laptop.
 *
 * <p>On a cluster, {@code spark-submit} sets {@code spark.master}; this recipe then only adds what the
 * workbench needs (Delta, UTC) and leaves every cluster setting alone.
 */
public final class SparkSessions {

    /** Shuffle partitions used locally: Spark's 200 default costs seconds of task overhead on small data. */
    public static final int LOCAL_SHUFFLE_PARTITIONS = 8;

    private SparkSessions() {
    }

    /**
     * Returns the active session or builds one.
     *
     * @param appName the Spark application name
     * @param localMaster master used when none is configured, e.g. {@code local[*]}
     */
    public static SparkSession getOrCreate(String appName, String localMaster) {
        SparkConf conf = new SparkConf();
        boolean local = !conf.contains("spark.master");
        SparkSession.Builder builder = SparkSession.builder()
                .appName(appName)
                .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
                .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
                .config("spark.sql.session.timeZone", "UTC");
        if (local) {
            builder = builder
                    .master(localMaster)
                    .config("spark.ui.enabled", "false")
                    .config("spark.ui.showConsoleProgress", "false")
                    .config("spark.sql.shuffle.partitions", String.valueOf(LOCAL_SHUFFLE_PARTITIONS))
                    .config("spark.sql.adaptive.enabled", "true")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.databricks.delta.snapshotPartitions", "2")
                    .config("spark.databricks.delta.stats.collect", "true");
        }
        return builder.getOrCreate();
    }

    /** A local session with two cores, the recipe the test suites share. */
    public static SparkSession forTests() {
        return getOrCreate("workbench-tests", "local[2]");
    }
}
