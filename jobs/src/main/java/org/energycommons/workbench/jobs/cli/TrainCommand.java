package org.energycommons.workbench.jobs.cli;

import org.energycommons.workbench.jobs.JobContext;
import org.energycommons.workbench.jobs.usecase.UseCasePipeline;
import org.energycommons.workbench.models.usecase.UseCaseResult;
import picocli.CommandLine.Command;

/** {@code workbench train <uc>}: trains, evaluates and registers a use case's models. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train and evaluate the models of a use case; write predictions and metrics to gold tables, "
                + "models to the registry, and DIR/metrics/<use-case>.json.")
public final class TrainCommand extends UseCaseCommand {

    @Override
    Result run(UseCasePipeline pipeline, JobContext ctx) {
        UseCaseResult result = pipeline.train(ctx);
        return out -> out.printf("%s: best model %s; criteria %s; metrics in %s%n", useCase, result.bestModel(),
                result.allCriteriaMet() ? "all met" : "NOT all met",
                ctx.workspace().metrics().resolve(useCase + ".json"));
    }
}
