package org.energycommons.workbench.jobs.usecase;

import org.energycommons.workbench.datasets.privacy.SecrecyGuard;
import org.energycommons.workbench.jobs.JobContext;
import org.energycommons.workbench.jobs.Uc6Jobs;
import org.energycommons.workbench.models.usecase.UseCase;
import org.energycommons.workbench.models.usecase.UseCaseResult;

/** uc6, gas network demand D+1..D+7 and cold peaks: {@link Uc6Jobs} and the gas demand report page. */
public final class Uc6Pipeline implements UseCasePipeline {

    @Override
    public UseCase useCase() {
        return Uc6Jobs.useCase();
    }

    @Override
    public long features(JobContext ctx) {
        return Uc6Jobs.features(ctx);
    }

    @Override
    public UseCaseResult train(JobContext ctx) {
        return Uc6Jobs.train(ctx);
    }

    @Override
    public String publish(JobContext ctx, UseCaseResult result, SecrecyGuard guard) {
        return Uc6Jobs.publish(ctx, result, guard);
    }
}
