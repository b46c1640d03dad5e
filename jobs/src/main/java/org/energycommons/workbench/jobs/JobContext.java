package org.energycommons.workbench.jobs;

import java.time.Instant;
import java.util.Properties;
import org.apache.spark.sql.SparkSession;
import org.energycommons.workbench.datasets.lake.Lake;
import org.energycommons.workbench.datasets.lake.LakeFiles;

/**
 * What every job step receives from its caller: the session, the lake, the workspace, the configuration, the
 * progress display and the run id recorded in every Delta commit.
 */
public record JobContext(SparkSession spark, Lake lake, LakeFiles files, Workspace workspace, Properties config,
                         Progress progress, String runId) {

    /** A context over a session the caller owns. */
    public static JobContext of(SparkSession spark, Workspace workspace, Properties config, Progress progress) {
        String runId = "run-" + Instant.now().toString().replace(":", "").replace("-", "");
        return new JobContext(spark, new Lake(spark, workspace.lake()), new LakeFiles(spark), workspace, config,
                progress, runId);
    }
}
