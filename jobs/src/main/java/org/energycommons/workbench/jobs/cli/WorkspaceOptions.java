package org.energycommons.workbench.jobs.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The workspace folder option, {@code --out DIR}: the lake, site, metrics and benchmark reports go under it. */
public final class WorkspaceOptions {

    /** The workspace when {@code --out} is not given. */
    static final Path DEFAULT = Path.of("out");

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out",
            description = "Workspace folder: lake at DIR/lake, site at DIR/site, metrics at DIR/metrics, benchmark "
                    + "reports at DIR/bench (default: ${DEFAULT-VALUE}).")
    Path out;

    /** The workspace folder, {@code --out}. */
    public Path out() {
        return out;
    }
}
