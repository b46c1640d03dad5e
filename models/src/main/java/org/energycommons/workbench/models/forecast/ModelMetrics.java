package org.energycommons.workbench.models.forecast;

import java.util.LinkedHashMap;
import java.util.Map;
import org.energycommons.workbench.models.usecase.EvaluationSets;
import org.energycommons.workbench.models.usecase.MetricInterval;

/**
 * The metrics of one model on train, validation and test rows, with the 90 % intervals of each split's estimates
 * (bootstrapped over its target days), travelling together: model cards, registry and reports read them from here
 * and never recompute.
 *
 * @param train metrics of the train rows
 * @param validation metrics of the validation rows
 * @param test metrics of the test rows (what the criteria are judged on)
 * @param intervals split name → metric name → interval; a split without intervals is absent
 */
public record ModelMetrics(ForecastMetrics train, ForecastMetrics validation, ForecastMetrics test,
                           Map<String, Map<String, MetricInterval>> intervals) {

    public ModelMetrics {
        intervals = Map.copyOf(intervals);
    }

    /** The metrics of the three splits, without intervals. */
    public ModelMetrics(ForecastMetrics train, ForecastMetrics validation, ForecastMetrics test) {
        this(train, validation, test, Map.of());
    }

    /** As evaluation sets: judged on test, selected on validation, fitted on train, each with its intervals. */
    public EvaluationSets evaluationSets() {
        EvaluationSets sets = EvaluationSets.ofTimeSplit(train, validation, test);
        for (String split : new String[] {TimeSplit.TEST, TimeSplit.VALIDATION, TimeSplit.TRAIN}) {
            if (intervals.containsKey(split)) {
                sets = sets.withIntervals(split, intervals.get(split));
            }
        }
        return sets;
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
