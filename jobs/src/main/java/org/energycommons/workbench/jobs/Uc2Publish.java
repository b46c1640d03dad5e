package org.energycommons.workbench.jobs;

import org.energycommons.workbench.datasets.privacy.SecrecyGuard;
import org.energycommons.workbench.models.usecase.UseCaseResult;

/** Publishes the uc2 page (work in progress). */
public final class Uc2Publish {
    private Uc2Publish() {
    }

    /** Renders the page; returns the headline. */
    public static String publish(JobContext ctx, UseCaseResult result, SecrecyGuard guard) {
        throw new UnsupportedOperationException("uc2 page not written yet");
    }
}
