package org.energycommons.workbench.jobs.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every command takes: the workspace, the lake location, the configuration and the local master. */
public final class CommonOptions {

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out",
            description = "Workspace folder: lake at DIR/lake, site at DIR/site, metrics at DIR/metrics (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--lake", paramLabel = "URI",
            description = "Lake location overriding DIR/lake, e.g. s3a://bucket/lake on a cluster.")
    String lake;

    @Option(names = "--conf", paramLabel = "FILE",
            description = "Properties file overriding conf/workbench.properties (also WORKBENCH_CONF).")
    Path conf;

    @Option(names = "--master", paramLabel = "URL", defaultValue = "local[*]",
            description = "Spark master when not launched by spark-submit (default: ${DEFAULT-VALUE}).")
    String master;

    @Option(names = "--verbose", description = "Print stack traces of errors (also WORKBENCH_DEBUG=1).")
    boolean verbose;
}
