package org.energycommons.workbench.jobs.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.energycommons.workbench.jobs.PublishJob;
import org.energycommons.workbench.models.provenance.BuildInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code workbench publish}: renders the site from the results. */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = "Render the static site (DIR/site/index.html and one page per use case with results); every "
                + "published aggregate passes the statistical-secrecy guard.")
public final class PublishCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        try (Session session = new Session(common, spec.commandLine().getErr())) {
            Map<String, String> run = new LinkedHashMap<>();
            run.put("command", "workbench publish");
            run.put("git commit", BuildInfo.gitCommit());
            run.put("lake", session.context().workspace().lake());
            Path index = PublishJob.run(session.context(), run);
            session.close();
            spec.commandLine().getOut().println("site: " + index);
            return 0;
        }
    }
}
