/*
 * Energy Commons Workbench
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package org.energycommons.workbench.reports.usecase;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.energycommons.workbench.datasets.synthetic.Geography;
import org.energycommons.workbench.models.usecase.EvaluationSets;
import org.energycommons.workbench.models.usecase.MapMetrics;
import org.energycommons.workbench.models.usecase.UseCase;
import org.energycommons.workbench.models.usecase.UseCaseMetrics;
import org.energycommons.workbench.models.usecase.UseCaseResult;
import org.energycommons.workbench.reports.render.CommuneMap;

/** The one fixture builder of the page tests: metrics, model entries and a {@link UseCaseResult} with provenance. */
public final class PageFixtures {

    /** The commit every fixture result records. */
    public static final String COMMIT = "abc123";

    /** The synthetic region every fixture page describes. */
    public static final RegionDescription REGION = RegionDescription.synthetic(1200, 24, 730,
            java.time.LocalDate.of(2023, 1, 1), 42, communes());

    /** The synthetic region's communes with their centres, as the lake gives them to the maps. */
    public static List<CommuneMap.Place> communes() {
        return Geography.COMMUNES.stream().map(c -> new CommuneMap.Place(c.code(), c.name(), c.lat(), c.lon()))
                .toList();
    }

    /** The run id every fixture result records. */
    public static final String RUN_ID = "run-1";

    private PageFixtures() {
    }

    /** Metrics from name, value pairs, in order; a null value stays (a missing metric). */
    public static Map<String, Object> metrics(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("metrics take name, value pairs, got " + namesAndValues.length
                    + " arguments");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            m.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return m;
    }

    /** A model with test and validation metrics, no train metrics, and notes. */
    public static UseCaseResult.ModelEntry model(String name, String engine, String modelId, Map<String, Object> test,
                                                 Map<String, Object> validation, Map<String, String> notes) {
        Map<String, UseCaseMetrics> sets = new LinkedHashMap<>();
        sets.put(EvaluationSets.TEST, new MapMetrics(test));
        if (validation != null && !validation.isEmpty()) {
            sets.put(EvaluationSets.VALIDATION, new MapMetrics(validation));
        }
        return new UseCaseResult.ModelEntry(name, engine, modelId, new EvaluationSets(EvaluationSets.TEST, sets),
                notes);
    }

    /**
     * A result whose criteria are checked against the models, with the provenance every job records (run id,
     * commit, libraries, input tables) and any further entries.
     */
    public static UseCaseResult result(UseCase useCase, String best, List<UseCaseResult.ModelEntry> models,
                                       Map<String, Long> inputTables, Object... moreProvenance) {
        Map<String, Object> provenance = metrics(moreProvenance);
        provenance.put("run_id", RUN_ID);
        provenance.put("git_commit", COMMIT);
        provenance.put("libraries", metrics("spark", "3.5.1", "smile", "3.1.1"));
        provenance.put("input_tables", inputTables);
        return new UseCaseResult(useCase.id(), useCase.title(), best, models,
                UseCaseResult.check(useCase, best, models), provenance);
    }

    /** A result without any model (insufficient data), its criteria all unmet. */
    public static UseCaseResult withoutModels(UseCase useCase, Object... provenance) {
        return new UseCaseResult(useCase.id(), useCase.title(), null, List.of(),
                UseCaseResult.check(useCase, null, List.of()), metrics(provenance));
    }
}
