package org.energycommons.workbench.jobs.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.energycommons.workbench.jobs.JobContext;
import org.energycommons.workbench.jobs.Main;
import org.energycommons.workbench.jobs.verify.WorkspaceVerification;
import picocli.CommandLine.Command;

/** {@code workbench verify}: whether a workspace is healthy; one line per finding and exit 4, else exit 0. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Check that a workspace is healthy: every catalogued table readable with its declared schema "
                + "and files, the latest ingest run of each source accounted for, every registered model present "
                + "and loadable, every metrics/ucN.json consistent with the registry and its tables, and the "
                + "publication audit. One line per finding and exit 4; 'verify passed' and exit 0 otherwise.")
public final class VerifyCommand extends SparkCommand {

    private WorkspaceVerification.Report report;

    /** It only reads: it takes no lock and never waits for a writer. */
    @Override
    boolean writes() {
        return false;
    }

    /** A folder without a lake is no workspace: one line, before Spark starts. */
    @Override
    void check() {
        Path dir = common.workspace.out;
        if (spark.lake == null && !Files.isDirectory(dir.resolve("lake"))) {
            throw new IllegalArgumentException("no workspace to verify at " + dir.toAbsolutePath().normalize()
                    + ": it has no lake/ (run 'workbench demo' or 'workbench generate' first)");
        }
    }

    @Override
    Result run(JobContext ctx) {
        report = WorkspaceVerification.run(ctx);
        return report::print;
    }

    @Override
    public Integer call() throws Exception {
        int code = super.call();
        return report != null && !report.passed() ? Main.EXIT_AUDIT : code;
    }
}
