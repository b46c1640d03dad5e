package org.energycommons.workbench.jobs.cli;

import java.util.concurrent.Callable;
import org.energycommons.workbench.jobs.usecase.UseCasePipeline;
import org.energycommons.workbench.jobs.usecase.UseCasePipelines;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code workbench features <uc>}: builds a use case's point-in-time feature table. */
@Command(name = "features", mixinStandardHelpOptions = true,
        description = "Build the point-in-time feature table of a use case from the silver tables.")
public final class FeaturesCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "USE_CASE", description = "Use case id, e.g. uc4.")
    String useCase;

    @Mixin
    CommonOptions common;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        UseCasePipeline pipeline = UseCasePipelines.require(useCase);
        try (Session session = new Session(common, spec.commandLine().getErr())) {
            long rows = pipeline.features(session.context());
            session.close();
            spec.commandLine().getOut().printf("%s: %,d feature rows%n", useCase, rows);
            return 0;
        }
    }
}
