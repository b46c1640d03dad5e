package org.energycommons.workbench.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.energycommons.workbench.jobs.Main;
import org.energycommons.workbench.jobs.audit.Finding;
import org.energycommons.workbench.jobs.audit.PublicationAudit;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code publish} and {@code demo} end with the audit's verdict: exit 4 and one line naming the files on a finding. */
class AuditOutcomeTest {

    @Test
    void aFindingMakesThePublishingCommandExitFourNamingTheFiles() {
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new PublishCommand()).setErr(new PrintWriter(err, true));
        PublicationAudit.Report failed = new PublicationAudit.Report(List.of(
                new Finding("site/fr/uc5.html", "line 12", Finding.Kind.SMALL_COUNT, "3 dwellings"),
                new Finding("site/fr/uc5.html", "line 40", Finding.Kind.SMALL_COUNT, "4 dwellings"),
                new Finding("publish/data/x.csv", "line 2, prm", Finding.Kind.PRM, "25000000…")), 80);
        assertEquals(Main.EXIT_AUDIT, AuditOutcome.exitCode(0, failed, cl.getCommandSpec()));
        assertEquals("workbench: error: publication audit failed, 3 finding(s) in site/fr/uc5.html, "
                + "publish/data/x.csv (written, but not fit to publish; see docs/publication-policy.md)",
                err.toString().strip());
        StringWriter out = new StringWriter();
        AuditOutcome.print(failed, new PrintWriter(out, true));
        assertEquals(List.of("site/fr/uc5.html:line 12: unsuppressed small count: 3 dwellings",
                "site/fr/uc5.html:line 40: unsuppressed small count: 4 dwellings",
                "publish/data/x.csv:line 2, prm: PRM-like identifier: 25000000…",
                "audit failed: 3 finding(s) in 2 of 80 files: site/fr/uc5.html, publish/data/x.csv"),
                out.toString().lines().toList());

        PublicationAudit.Report passed = new PublicationAudit.Report(List.of(), 80);
        assertEquals(0, AuditOutcome.exitCode(0, passed, cl.getCommandSpec()));
        assertEquals(Main.EXIT_BUSY, AuditOutcome.exitCode(Main.EXIT_BUSY, null, cl.getCommandSpec()));
        assertEquals("audit passed: 80 files checked", passed.summary());
    }
}
