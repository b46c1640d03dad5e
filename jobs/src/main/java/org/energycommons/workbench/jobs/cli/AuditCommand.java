package org.energycommons.workbench.jobs.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.energycommons.workbench.jobs.JobContext;
import org.energycommons.workbench.jobs.Main;
import org.energycommons.workbench.jobs.audit.PublicationAudit;
import picocli.CommandLine.Command;

/** {@code workbench audit}: the publication audit of a workspace's site and published datasets. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Check every file under DIR/site/ and DIR/publish/ for what must not be published: "
                + "pseudonyms, PRM-like numbers, addresses, building ids (public buildings excepted), the "
                + "pseudonymisation key, and counts of a protected population below the secrecy threshold that are "
                + "not suppressed (docs/publication-policy.md). One line per finding and exit 4 when there are "
                + "findings; 'audit passed: N files checked' and exit 0 otherwise.")
public final class AuditCommand extends SparkCommand {

    private PublicationAudit.Report report;

    /** The audit only reads: it takes no lock and never waits for a writer. */
    @Override
    boolean writes() {
        return false;
    }

    /** A workspace without site/ or publish/ has nothing to audit: one line, before Spark starts. */
    @Override
    void check() {
        Path dir = common.workspace.out;
        if (!Files.isDirectory(dir.resolve("site")) && !Files.isDirectory(dir.resolve("publish"))) {
            throw new IllegalArgumentException("no workspace to audit at " + dir.toAbsolutePath().normalize()
                    + ": it has neither site/ nor publish/ (run 'workbench publish' or 'workbench demo' first)");
        }
    }

    @Override
    Result run(JobContext ctx) {
        report = PublicationAudit.run(ctx);
        return report::print;
    }

    @Override
    public Integer call() throws Exception {
        int code = super.call();
        return report != null && !report.passed() ? Main.EXIT_AUDIT : code;
    }
}
