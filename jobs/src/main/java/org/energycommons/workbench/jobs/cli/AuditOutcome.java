package org.energycommons.workbench.jobs.cli;

import java.io.PrintWriter;
import org.energycommons.workbench.jobs.Main;
import org.energycommons.workbench.jobs.audit.PublicationAudit;
import picocli.CommandLine.Model.CommandSpec;

/** How a command that publishes reports the publication audit it ran last: its lines, its exit code. */
final class AuditOutcome {

    private AuditOutcome() {
    }

    /** The findings, one line each, then the verdict line. */
    static void print(PublicationAudit.Report report, PrintWriter out) {
        if (report != null) {
            report.print(out);
        }
    }

    /**
     * The command's exit code: {@link Main#EXIT_AUDIT} when the audit found something, with one error line naming
     * the files (what was written stays written); the command's own code otherwise.
     */
    static int exitCode(int code, PublicationAudit.Report report, CommandSpec spec) {
        if (code != 0 || report == null || report.passed()) {
            return code;
        }
        PrintWriter err = spec.commandLine().getErr();
        err.println("workbench: error: publication audit failed, " + report.findings().size() + " finding(s) in "
                + String.join(", ", report.leakingFiles()) + " (written, but not fit to publish; see "
                + "docs/publication-policy.md)");
        err.flush();
        return Main.EXIT_AUDIT;
    }
}
