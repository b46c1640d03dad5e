package org.energycommons.workbench.jobs.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.energycommons.workbench.jobs.JobContext;
import org.energycommons.workbench.jobs.PublishJob;
import org.energycommons.workbench.jobs.audit.PublicationAudit;
import org.energycommons.workbench.models.provenance.BuildInfo;
import picocli.CommandLine.Command;

/** {@code workbench publish}: renders the site from the results, then audits what it published. */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = "Render the static site in French and English (DIR/site/fr/ and DIR/site/en/: the index and "
                + "one page per use case with results; DIR/site/index.html opens the French one); every published "
                + "aggregate passes the statistical-secrecy guard. The publication audit runs last: on a finding "
                + "the site stays written and the command exits 4.")
public final class PublishCommand extends SparkCommand {

    private PublicationAudit.Report audit;

    @Override
    Result run(JobContext ctx) {
        Map<String, String> run = new LinkedHashMap<>();
        run.put("command", "workbench publish");
        run.put("git commit", BuildInfo.gitCommit());
        run.put("lake", ctx.workspace().lake());
        Path index = PublishJob.run(ctx, run);
        audit = PublicationAudit.run(ctx);
        return out -> {
            out.println("site: " + index);
            AuditOutcome.print(audit, out);
        };
    }

    @Override
    public Integer call() throws Exception {
        return AuditOutcome.exitCode(super.call(), audit, spec);
    }
}
