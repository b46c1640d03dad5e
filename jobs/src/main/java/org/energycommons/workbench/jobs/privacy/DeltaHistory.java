package org.energycommons.workbench.jobs.privacy;

import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.delta.Snapshot;
import org.energycommons.workbench.datasets.FewAtOnce;
import scala.Option;

/**
 * The history of a Delta table cut down to its latest version, for the right to erasure: after a delete, earlier
 * versions still hold the deleted rows in their data files, and their commit files hold column statistics (the
 * first 32 characters of the smallest and largest value of each file, a pseudonym included).
 *
 * <p>Three steps, each Delta's own: {@code VACUUM ... RETAIN 0 HOURS} (with Delta's retention check switched off
 * for that call only, and said so by the caller), which deletes every data file the latest version does not use;
 * a checkpoint of the latest version; then the deletion of the commit and checkpoint files older than that
 * checkpoint, which is what Delta's own log clean-up does once their retention has passed (readers start from the
 * checkpoint). Earlier versions can no longer be read (time travel) or listed ({@code DESCRIBE HISTORY}) after it.
 * Only Delta's public entry points are used, and the log files are deleted through Hadoop's file system, so any
 * lake root works.
 */
public final class DeltaHistory {

    /** Delta's guard against a vacuum that would break readers of recent versions. */
    static final String RETENTION_CHECK = "spark.databricks.delta.retentionDurationCheck.enabled";
    private static final String LISTING_PARALLELISM = "spark.sql.sources.parallelPartitionDiscovery.parallelism";
    private static final Pattern LOG_FILE = Pattern.compile("(\\d{20})\\.(json|crc|checkpoint\\..*)");

    private DeltaHistory() {
    }

    /**
     * Keeps only the latest version of each table at {@code paths}, a few tables at a time.
     *
     * @return path → the version that is now the table's first readable one, in the order given
     */
    public static Map<String, Long> keepLatestOnly(SparkSession spark, List<String> paths) {
        Map<String, Long> versions = new LinkedHashMap<>();
        if (paths.isEmpty()) {
            return versions;
        }
        String before = spark.conf().get(RETENTION_CHECK, "true");
        String listing = spark.conf().get(LISTING_PARALLELISM);
        spark.conf().set(RETENTION_CHECK, "false");
        // VACUUM lists the table's folders in as many tasks as this (10,000 by default): a minute for a small table
        // on two cores. One task per core lists a workspace's tables in seconds.
        spark.conf().set(LISTING_PARALLELISM, String.valueOf(Math.max(1, spark.sparkContext().defaultParallelism())));
        try {
            List<Long> cut = FewAtOnce.map(paths, path -> keepLatestOnly(spark, path));
            for (int i = 0; i < paths.size(); i++) {
                versions.put(paths.get(i), cut.get(i));
            }
        } finally {
            spark.conf().set(RETENTION_CHECK, before);
            spark.conf().set(LISTING_PARALLELISM, listing);
        }
        return versions;
    }

    private static long keepLatestOnly(SparkSession spark, String path) {
        // Delta prints what VACUUM deleted on the console (Scala's, one per thread): kept off standard output.
        scala.Console$.MODULE$.withOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()),
                () -> DeltaTable.forPath(spark, path).vacuum(0.0));
        DeltaLog log = DeltaLog.forTable(spark, path);
        Snapshot latest = log.update(false, Option.empty(), Option.empty());
        log.checkpoint(latest, Option.empty());
        long version = latest.version();
        Path dir = new Path(URI.create(log.logPath().toUri().toString()));
        try {
            FileSystem fs = dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
            for (FileStatus f : fs.listStatus(dir)) {
                String name = f.getPath().getName();
                // A file of an earlier version, or the checksum beside it ('.00…03.json.crc' on a local disk).
                if (name.startsWith(".") && name.endsWith(".crc")) {
                    name = name.substring(1, name.length() - ".crc".length());
                }
                Matcher m = LOG_FILE.matcher(name);
                if (f.isFile() && m.matches() && Long.parseLong(m.group(1)) < version) {
                    fs.delete(f.getPath(), false);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean the history of " + path + ": " + e.getMessage(), e);
        }
        // This table's next read starts from the new checkpoint, not from the commit files just deleted (the other
        // tables' cached states stay: clearing Delta's whole cache would reload every table).
        log.update(false, Option.empty(), Option.empty());
        return version;
    }
}
