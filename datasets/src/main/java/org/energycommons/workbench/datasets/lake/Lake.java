package org.energycommons.workbench.datasets.lake;

import io.delta.tables.DeltaTable;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The Delta lake of a workspace: where each table lives and the only way jobs read and write tables.
 *
 * <p>Writes are idempotent: a full table is replaced in one Delta commit (readers keep the last committed
 * version if a job dies mid-write), and keyed tables are merged. The root is a local folder or any Hadoop URI
 * ({@code s3a://}, {@code abfss://}, {@code hdfs://}).
 */
public final class Lake {

    private final SparkSession spark;
    private final String root;

    /**
     * @param spark the session that reads and writes
     * @param root a local folder or a Hadoop URI
     */
    public Lake(SparkSession spark, String root) {
        this.spark = Objects.requireNonNull(spark, "spark");
        this.root = normalise(Objects.requireNonNull(root, "root"));
    }

    private static String normalise(String root) {
        String trimmed = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
        if (trimmed.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
            return trimmed;
        }
        return Path.of(trimmed).toAbsolutePath().normalize().toString();
    }

    /** The root of the lake, absolute. */
    public String root() {
        return root;
    }

    /** The session this lake reads and writes with. */
    public SparkSession spark() {
        return spark;
    }

    /** The location of a table. */
    public String path(TableId table) {
        return root + "/" + table.relativePath();
    }

    /** Whether the table exists as a Delta table. */
    public boolean exists(TableId table) {
        return DeltaTable.isDeltaTable(spark, path(table));
    }

    /** Reads the latest version of a table; fails with a clear message if it is missing. */
    public Dataset<Row> read(TableId table) {
        requireExists(table);
        return spark.read().format("delta").load(path(table));
    }

    /** Reads one version of a table (Delta time travel). */
    public Dataset<Row> read(TableId table, long version) {
        requireExists(table);
        return spark.read().format("delta").option("versionAsOf", version).load(path(table));
    }

    /** Throws {@link MissingTableException} when the table has not been written yet. */
    public void requireExists(TableId table) {
        if (!exists(table)) {
            throw new MissingTableException(table, path(table));
        }
    }

    /** The latest committed version of a table. */
    public long version(TableId table) {
        requireExists(table);
        Row last = DeltaTable.forPath(spark, path(table)).history(1).select("version").first();
        return last.getLong(0);
    }

    /** The latest version of each table, in the given order; what a model's provenance records. */
    public Map<String, Long> versions(List<TableId> tables) {
        Map<String, Long> versions = new LinkedHashMap<>();
        for (TableId table : tables) {
            versions.put(table.relativePath(), version(table));
        }
        return versions;
    }

    /**
     * Replaces the whole content of a table in one commit (creates it if needed).
     *
     * @param runId recorded as the commit's user metadata, so a version can be traced to a run
     * @return the committed version
     */
    public long replace(TableId table, Dataset<Row> rows, String runId) {
        rows.write()
                .format("delta")
                .mode("overwrite")
                .option("overwriteSchema", "true")
                .option("userMetadata", runId)
                .save(path(table));
        return version(table);
    }

    /**
     * Upserts rows into a table on a key (creates the table if needed): rows whose key exists replace the stored
     * row, new keys are inserted. Running it twice with the same rows leaves the same table.
     *
     * @return the committed version
     */
    public long merge(TableId table, Dataset<Row> rows, List<String> keyColumns, String runId) {
        if (!exists(table)) {
            return replace(table, rows, runId);
        }
        String condition = String.join(" AND ",
                keyColumns.stream().map(k -> "t.`" + k + "` <=> s.`" + k + "`").toList());
        withRunId(runId, () -> DeltaTable.forPath(spark, path(table))
                .as("t")
                .merge(rows.as("s"), condition)
                .whenMatched().updateAll()
                .whenNotMatched().insertAll()
                .execute());
        return version(table);
    }

    /**
     * Deletes the rows of a table that match a row of {@code keys} (the right to erasure), as a Delta MERGE: the
     * values deleted stay out of the commit's recorded predicate, which names only columns ({@code t.} the table,
     * {@code s.} the keys). No commit when nothing matches.
     *
     * @param condition the match, e.g. {@code t.meter_id = s.meter_id}
     * @return the number of rows deleted
     */
    public long deleteMatching(TableId table, Dataset<Row> keys, String condition, String runId) {
        if (read(table).as("t").join(keys.as("s"), org.apache.spark.sql.functions.expr(condition), "left_semi")
                .isEmpty()) {
            return 0;
        }
        withRunId(runId, () -> DeltaTable.forPath(spark, path(table))
                .as("t")
                .merge(keys.as("s"), condition)
                .whenMatched().delete()
                .execute());
        Row last = DeltaTable.forPath(spark, path(table)).history(1).select("operationMetrics").first();
        Map<String, String> metrics = last.getJavaMap(0);
        return Long.parseLong(metrics.getOrDefault("numTargetRowsDeleted", "0"));
    }

    /** Runs a MERGE with the run id as its commit's user metadata (a merge has no write option for it). */
    private void withRunId(String runId, Runnable merge) {
        spark.conf().set("spark.databricks.delta.commitInfo.userMetadata", runId);
        try {
            merge.run();
        } finally {
            spark.conf().unset("spark.databricks.delta.commitInfo.userMetadata");
        }
    }
}
