package org.energycommons.workbench.jobs.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options every command takes: the workspace folder and whether errors print their stack trace. */
public final class CommonOptions {

    @Mixin
    WorkspaceOptions workspace;

    @Option(names = "--verbose", description = "Print stack traces of errors (also WORKBENCH_DEBUG=1).")
    boolean verbose;
}
