package org.energycommons.workbench.jobs.usecase;

import org.energycommons.workbench.datasets.privacy.SecrecyGuard;
import org.energycommons.workbench.jobs.JobContext;
import org.energycommons.workbench.models.usecase.UseCase;
import org.energycommons.workbench.models.usecase.UseCaseResult;

/**
 * The three job steps of a use case, as {@code workbench features|train|publish} and the demo run them: a
 * point-in-time feature table from silver, then models, results tables, the registry and
 * {@code DIR/metrics/<uc>.json}, then the report page.
 */
public interface UseCasePipeline {

    /** The use case this pipeline runs. */
    UseCase useCase();

    /** Builds the use case's feature table(s) from silver; returns the number of feature rows. */
    long features(JobContext ctx);

    /**
     * Trains and evaluates the models, writes results tables, registers every model and writes
     * {@code DIR/metrics/<uc>.json}; returns that result.
     */
    UseCaseResult train(JobContext ctx);

    /**
     * Renders {@code DIR/site/<uc>.html} from the gold tables and the result; every aggregate shown must pass the
     * guard.
     *
     * @return the one-line headline shown on the site index
     */
    String publish(JobContext ctx, UseCaseResult result, SecrecyGuard guard);

    /** The page file name under {@code DIR/site}. */
    default String page() {
        return useCase().id() + ".html";
    }
}
