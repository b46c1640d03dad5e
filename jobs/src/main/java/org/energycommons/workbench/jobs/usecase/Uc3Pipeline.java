package org.energycommons.workbench.jobs.usecase;

import org.energycommons.workbench.datasets.privacy.SecrecyGuard;
import org.energycommons.workbench.jobs.JobContext;
import org.energycommons.workbench.jobs.Uc3Jobs;
import org.energycommons.workbench.jobs.Uc3Publish;
import org.energycommons.workbench.models.usecase.UseCase;
import org.energycommons.workbench.models.usecase.UseCaseResult;
import org.energycommons.workbench.models.usecase.UseCases;

/** uc3, savings after renovation works (M&amp;V): {@link Uc3Jobs} and the savings report page. */
public final class Uc3Pipeline implements UseCasePipeline {

    @Override
    public UseCase useCase() {
        return UseCases.require("uc3");
    }

    @Override
    public long features(JobContext ctx) {
        return Uc3Jobs.features(ctx);
    }

    @Override
    public UseCaseResult train(JobContext ctx) {
        return Uc3Jobs.train(ctx);
    }

    @Override
    public String publish(JobContext ctx, UseCaseResult result, SecrecyGuard guard) {
        return Uc3Publish.publish(ctx, result, guard);
    }
}
