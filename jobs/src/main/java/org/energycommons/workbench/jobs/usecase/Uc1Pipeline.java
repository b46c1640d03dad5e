package org.energycommons.workbench.jobs.usecase;

import org.energycommons.workbench.datasets.privacy.SecrecyGuard;
import org.energycommons.workbench.jobs.JobContext;
import org.energycommons.workbench.models.usecase.UseCase;
import org.energycommons.workbench.models.usecase.UseCaseResult;
import org.energycommons.workbench.models.usecase.UseCases;

/** uc1, load-profile segmentation: {@link Uc1Jobs} and the segmentation report page. */
public final class Uc1Pipeline implements UseCasePipeline {

    @Override
    public UseCase useCase() {
        return UseCases.require("uc1");
    }

    @Override
    public long features(JobContext ctx) {
        return Uc1Jobs.features(ctx);
    }

    @Override
    public UseCaseResult train(JobContext ctx) {
        return Uc1Jobs.train(ctx);
    }

    @Override
    public String publish(JobContext ctx, UseCaseResult result, SecrecyGuard guard) {
        return Uc1Publish.publish(ctx, result, guard);
    }
}
