package org.energycommons.workbench.jobs.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.energycommons.workbench.jobs.WorkspaceLock;
import picocli.CommandLine.Model.CommandSpec;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Options every command takes: the workspace folder, whether errors print their stack trace, and whether a writer
 * waits for the workspace when another command holds it.
 */
public final class CommonOptions {

    @Mixin
    WorkspaceOptions workspace;

    @Option(names = "--verbose", description = "Print stack traces of errors (also WORKBENCH_DEBUG=1).")
    boolean verbose;

    @Option(names = "--wait", description = "When another command is writing to the workspace, wait for it to end "
            + "instead of stopping (exit 5).")
    boolean waitForWorkspace;

    /**
     * Takes the lock of the workspace for a command that writes to it; one line on {@code err} when it waits or
     * takes the lock of a command that was killed.
     *
     * @param spec the command, named in the lock's holder line by its first words ({@code train uc4})
     */
    WorkspaceLock lock(Path dir, CommandSpec spec) throws IOException {
        List<String> words = new ArrayList<>();
        for (String arg : spec.root().commandLine().getParseResult().originalArgs()) {
            if (arg.startsWith("-")) {
                break;
            }
            words.add(arg);
        }
        PrintWriter err = spec.commandLine().getErr();
        return WorkspaceLock.acquire(dir, String.join(" ", words), waitForWorkspace, message -> {
            err.println("workbench: " + message);
            err.flush();
        });
    }
}
