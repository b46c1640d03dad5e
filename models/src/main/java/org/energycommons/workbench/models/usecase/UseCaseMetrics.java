package org.energycommons.workbench.models.usecase;

import java.util.Map;

/**
 * The metrics of one model on one evaluation set, as a use case's typed record (e.g. {@code Uc2Metrics}):
 * computed once by the use case's run, then read by the registry, {@code ucN.json}, the pages and the notes,
 * which never recompute them.
 */
public interface UseCaseMetrics {

    /**
     * The published form: snake_case metric names in publication order, numbers (NaN for an undefined metric),
     * and the few descriptive values a metric set carries (e.g. a model's chosen k).
     */
    Map<String, Object> toMap();

    /** A metric by its published name; NaN when absent or not a number. */
    default double value(String name) {
        Object v = toMap().get(name);
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
