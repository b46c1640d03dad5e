package org.energycommons.workbench.jobs.cli;

import org.energycommons.workbench.jobs.JobContext;
import org.energycommons.workbench.jobs.usecase.UseCasePipeline;
import org.energycommons.workbench.jobs.usecase.UseCasePipelines;
import picocli.CommandLine.Parameters;

/** A command that runs one stage of a use case's pipeline, named by {@code <use-case>}, on Spark. */
abstract class UseCaseCommand extends SparkCommand {

    @Parameters(index = "0", paramLabel = "USE_CASE", description = "Use case id, e.g. uc4.")
    String useCase;

    private UseCasePipeline pipeline;

    /** An unknown use case is refused before Spark starts, naming the known ones. */
    @Override
    final void check() {
        pipeline = UseCasePipelines.require(useCase);
    }

    @Override
    final Result run(JobContext ctx) {
        return run(pipeline, ctx);
    }

    /** The stage of the use case's pipeline; returns what to print. */
    abstract Result run(UseCasePipeline pipeline, JobContext ctx);
}
