package org.energycommons.workbench.jobs.usecase;

import org.energycommons.workbench.datasets.privacy.SecrecyGuard;
import org.energycommons.workbench.jobs.JobContext;
import org.energycommons.workbench.jobs.PublishJob;
import org.energycommons.workbench.jobs.Uc4Jobs;
import org.energycommons.workbench.models.usecase.UseCase;
import org.energycommons.workbench.models.usecase.UseCaseResult;
import org.energycommons.workbench.models.usecase.UseCases;

/** uc4, day-ahead substation load forecasting: {@link Uc4Jobs} and the forecast report page. */
public final class Uc4Pipeline implements UseCasePipeline {

    @Override
    public UseCase useCase() {
        return UseCases.UC4;
    }

    @Override
    public long features(JobContext ctx) {
        return Uc4Jobs.features(ctx);
    }

    @Override
    public UseCaseResult train(JobContext ctx) {
        return Uc4Jobs.train(ctx);
    }

    @Override
    public String publish(JobContext ctx, UseCaseResult result, SecrecyGuard guard) {
        return PublishJob.publishUc4(ctx, result, guard);
    }
}
