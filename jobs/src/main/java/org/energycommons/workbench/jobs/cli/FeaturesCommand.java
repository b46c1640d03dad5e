package org.energycommons.workbench.jobs.cli;

import org.energycommons.workbench.jobs.JobContext;
import org.energycommons.workbench.jobs.usecase.UseCasePipeline;
import picocli.CommandLine.Command;

/** {@code workbench features <uc>}: builds a use case's point-in-time feature table. */
@Command(name = "features", mixinStandardHelpOptions = true,
        description = "Build the point-in-time feature table of a use case from the silver tables.")
public final class FeaturesCommand extends UseCaseCommand {

    @Override
    Result run(UseCasePipeline pipeline, JobContext ctx) {
        long rows = pipeline.features(ctx);
        return out -> out.printf("%s: %,d feature rows%n", useCase, rows);
    }
}
