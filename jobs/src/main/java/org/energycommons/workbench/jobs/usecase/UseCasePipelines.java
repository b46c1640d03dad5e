package org.energycommons.workbench.jobs.usecase;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.energycommons.workbench.datasets.lake.TableId;
import org.energycommons.workbench.datasets.lake.Tables;
import org.energycommons.workbench.jobs.usecase.uc1.Uc1Pipeline;
import org.energycommons.workbench.jobs.usecase.uc2.Uc2Pipeline;
import org.energycommons.workbench.jobs.usecase.uc3.Uc3Pipeline;
import org.energycommons.workbench.jobs.usecase.uc4.Uc4Pipeline;
import org.energycommons.workbench.jobs.usecase.uc5.Uc5Pipeline;
import org.energycommons.workbench.jobs.usecase.uc6.Uc6Pipeline;
import org.energycommons.workbench.models.usecase.UseCases;

/** The pipelines of the implemented use cases, in the order the demo runs them: one registration line each. */
public final class UseCasePipelines {

    private static final List<UseCasePipeline> ALL = List.of(
            new Uc1Pipeline(),
            new Uc2Pipeline(),
            new Uc3Pipeline(),
            new Uc4Pipeline(),
            new Uc5Pipeline(),
            new Uc6Pipeline());

    private UseCasePipelines() {
    }

    /** Every implemented pipeline. */
    public static List<UseCasePipeline> all() {
        return ALL;
    }

    /**
     * Every table of the lake with what it holds, in lake order: the lake's own tables ({@link Tables}), then each
     * use case's feature and result tables.
     */
    public static Map<TableId, String> tables() {
        Map<TableId, String> all = new LinkedHashMap<>();
        for (TableId t : Tables.all()) {
            all.put(t, Tables.DESCRIPTIONS.getOrDefault(t, t.layer().folder() + " table " + t.name()));
        }
        ALL.forEach(p -> all.putAll(p.tables()));
        return all;
    }

    /** The pipeline of a use case id; unknown or unimplemented ids get a clear {@code UnknownUseCaseException}. */
    public static UseCasePipeline require(String id) {
        UseCases.require(id);
        return find(id).orElseThrow(() -> new IllegalStateException("use case " + id + " has no pipeline"));
    }

    /** The pipeline of a use case id, if implemented. */
    public static Optional<UseCasePipeline> find(String id) {
        return ALL.stream().filter(p -> p.useCase().id().equals(id)).findFirst();
    }
}
