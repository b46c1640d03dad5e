package org.energycommons.workbench.jobs.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Options of the commands that run Spark jobs: the master, the lake location and the configuration file. The JVM
 * heap is not among them: the launcher sets it before the JVM starts ({@code WORKBENCH_HEAP}).
 */
public final class SparkOptions {

    @Option(names = "--master", paramLabel = "URL", defaultValue = "local[*]",
            description = "Spark master when not launched by spark-submit (default: ${DEFAULT-VALUE}).")
    String master;

    @Option(names = "--lake", paramLabel = "URI",
            description = "Lake location overriding DIR/lake, e.g. s3a://bucket/lake on a cluster.")
    String lake;

    @Option(names = "--conf", paramLabel = "FILE",
            description = "Properties file overriding conf/workbench.properties (also WORKBENCH_CONF).")
    Path conf;

    /** The Spark master used when not launched by spark-submit, {@code --master}. */
    public String master() {
        return master;
    }

    /** The lake location, {@code --lake}, or null for {@code DIR/lake}. */
    public String lake() {
        return lake;
    }

    /** The configuration file, {@code --conf}, or null. */
    public Path conf() {
        return conf;
    }
}
