package org.energycommons.workbench.jobs.usecase;

import org.energycommons.workbench.datasets.privacy.SecrecyGuard;
import org.energycommons.workbench.jobs.JobContext;
import org.energycommons.workbench.jobs.Uc5Jobs;
import org.energycommons.workbench.jobs.Uc5Publish;
import org.energycommons.workbench.models.usecase.UseCase;
import org.energycommons.workbench.models.usecase.UseCaseResult;

/** uc5, building energy performance (DPE): {@link Uc5Jobs} and the DPE report page ({@link Uc5Publish}). */
public final class Uc5Pipeline implements UseCasePipeline {

    @Override
    public UseCase useCase() {
        return Uc5Jobs.UC5;
    }

    @Override
    public long features(JobContext ctx) {
        return Uc5Jobs.features(ctx);
    }

    @Override
    public UseCaseResult train(JobContext ctx) {
        return Uc5Jobs.train(ctx);
    }

    @Override
    public String publish(JobContext ctx, UseCaseResult result, SecrecyGuard guard) {
        return Uc5Publish.publish(ctx, result, guard);
    }
}
