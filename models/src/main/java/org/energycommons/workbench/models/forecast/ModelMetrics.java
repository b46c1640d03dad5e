package org.energycommons.workbench.models.forecast;

import java.util.LinkedHashMap;
import java.util.Map;
import org.energycommons.workbench.models.usecase.EvaluationSets;

/**
 * The metrics of one model on train, validation and test rows, travelling together: model cards, registry and
 * reports read them from here and never recompute.
 */
public record ModelMetrics(ForecastMetrics train, ForecastMetrics validation, ForecastMetrics test) {

    /** As evaluation sets: judged on test, selected on validation, fitted on train. */
    public EvaluationSets evaluationSets() {
        return EvaluationSets.ofTimeSplit(train, validation, test);
    }

    /** By split name. */
    public Map<String, Map<String, Object>> toMap() {
        Map<String, Map<String, Object>> m = new LinkedHashMap<>();
        m.put(TimeSplit.TRAIN, train.toMap());
        m.put(TimeSplit.VALIDATION, validation.toMap());
        m.put(TimeSplit.TEST, test.toMap());
        return m;
    }
}
