package org.energycommons.workbench.jobs.usecase;

import java.util.List;
import java.util.Optional;
import org.energycommons.workbench.models.usecase.UseCases;

/** The pipelines of the implemented use cases, in the order the demo runs them. */
public final class UseCasePipelines {

    private UseCasePipelines() {
    }

    /** Every implemented pipeline. */
    public static List<UseCasePipeline> all() {
        return List.of(new Uc1Pipeline(), new Uc2Pipeline(), new Uc3Pipeline(), new Uc4Pipeline(), new Uc5Pipeline(),
                new Uc6Pipeline());
    }

    /** The pipeline of a use case id; unknown or unimplemented ids get a clear {@code UnknownUseCaseException}. */
    public static UseCasePipeline require(String id) {
        UseCases.require(id);
        return find(id).orElseThrow(() -> new IllegalStateException("use case " + id + " has no pipeline"));
    }

    /** The pipeline of a use case id, if implemented. */
    public static Optional<UseCasePipeline> find(String id) {
        return all().stream().filter(p -> p.useCase().id().equals(id)).findFirst();
    }
}
