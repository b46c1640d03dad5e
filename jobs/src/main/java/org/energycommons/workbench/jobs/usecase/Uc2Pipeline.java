package org.energycommons.workbench.jobs.usecase;

import org.energycommons.workbench.datasets.privacy.SecrecyGuard;
import org.energycommons.workbench.jobs.JobContext;
import org.energycommons.workbench.jobs.Uc2Jobs;
import org.energycommons.workbench.jobs.Uc2Publish;
import org.energycommons.workbench.models.usecase.UseCase;
import org.energycommons.workbench.models.usecase.UseCaseResult;
import org.energycommons.workbench.models.usecase.UseCases;

/** uc2, anomaly alerts for public buildings: {@link Uc2Jobs} and the alerts report page ({@link Uc2Publish}). */
public final class Uc2Pipeline implements UseCasePipeline {

    @Override
    public UseCase useCase() {
        return UseCases.require("uc2");
    }

    @Override
    public long features(JobContext ctx) {
        return Uc2Jobs.features(ctx);
    }

    @Override
    public UseCaseResult train(JobContext ctx) {
        return Uc2Jobs.train(ctx);
    }

    @Override
    public String publish(JobContext ctx, UseCaseResult result, SecrecyGuard guard) {
        return Uc2Publish.publish(ctx, result, guard);
    }
}
