package org.energycommons.workbench.jobs.cli;

import java.util.concurrent.Callable;
import org.energycommons.workbench.jobs.usecase.UseCasePipeline;
import org.energycommons.workbench.jobs.usecase.UseCasePipelines;
import org.energycommons.workbench.models.usecase.UseCaseResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code workbench train <uc>}: trains, evaluates and registers a use case's models. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train and evaluate the models of a use case; write predictions and metrics to gold tables, "
                + "models to the registry, and DIR/metrics/<use-case>.json.")
public final class TrainCommand implements Callable<Integer> {

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
            UseCaseResult result = pipeline.train(session.context());
            session.close();
            spec.commandLine().getOut().printf("%s: best model %s; criteria %s; metrics in %s%n", useCase,
                    result.bestModel(), result.allCriteriaMet() ? "all met" : "NOT all met",
                    session.context().workspace().metrics().resolve(useCase + ".json"));
            return 0;
        }
    }
}
