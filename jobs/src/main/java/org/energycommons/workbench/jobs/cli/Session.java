package org.energycommons.workbench.jobs.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.spark.sql.SparkSession;
import org.energycommons.workbench.datasets.SparkSessions;
import org.energycommons.workbench.jobs.JobContext;
import org.energycommons.workbench.jobs.Progress;
import org.energycommons.workbench.jobs.WorkbenchConfig;
import org.energycommons.workbench.jobs.Workspace;

/** A command's Spark session with the progress display attached; closing detaches the display. */
final class Session implements AutoCloseable {

    private final SparkSession spark;
    private final Progress progress;
    private final JobContext context;
    private boolean closed;

    /** Loads the configuration, starts (or joins) the session and opens the workspace folder {@code out}. */
    Session(Path out, SparkOptions options, PrintWriter err) {
        Properties config = WorkbenchConfig.load(options.conf);
        this.progress = new Progress(err, Progress.detect());
        String submitted = new org.apache.spark.SparkConf().get("spark.master", null);
        progress.step("starting Spark (" + (submitted != null ? submitted + ", from spark-submit" : options.master) + ")");
        this.spark = SparkSessions.getOrCreate("energy-commons-workbench", options.master);
        spark.sparkContext().addSparkListener(progress);
        this.context = JobContext.of(spark, Workspace.of(out, options.lake), config, progress);
    }

    JobContext context() {
        return context;
    }

    /** Detaches the progress display (idempotent): call it before printing the command's result. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            spark.sparkContext().removeSparkListener(progress);
            progress.close();
        }
    }
}
