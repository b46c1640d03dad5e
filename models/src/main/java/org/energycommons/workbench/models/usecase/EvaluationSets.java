package org.energycommons.workbench.models.usecase;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The metrics of one model on each of its evaluation sets, under names nobody can confuse: the set the
 * criteria are judged on ({@link #TEST} rows of a time split, or {@link #HELD_OUT} units never fitted), then
 * {@link #VALIDATION} (what selection read) and {@link #TRAIN} or {@link #FITTED} (what the model saw).
 *
 * <p>In {@code ucN.json} the judged set is {@code metrics} (with {@code metrics_set} naming it) and every other
 * set is {@code <set>_metrics}; the 90 % intervals of a set, with their sample sizes, are {@code intervals} and
 * {@code <set>_intervals} beside them.
 *
 * @param judged name of the set the criteria are judged on
 * @param sets the metrics by set name, the judged set first
 * @param intervals the intervals of each set's metrics by set name, then metric name; a set or metric without one
 *     is absent
 */
public record EvaluationSets(String judged, Map<String, UseCaseMetrics> sets,
                             Map<String, Map<String, MetricInterval>> intervals) {

    /** Test rows of a time split (after validation). */
    public static final String TEST = "test";
    /** Validation rows of a time split, or validation units: what model selection read. */
    public static final String VALIDATION = "validation";
    /** Training rows of a time split. */
    public static final String TRAIN = "train";
    /** Units (meters, buildings) held out of every fit. */
    public static final String HELD_OUT = "held_out";
    /** Units the model was fitted on (e.g. a clustering's silhouette on its own meters). */
    public static final String FITTED = "fitted";

    public EvaluationSets {
        Objects.requireNonNull(judged, "judged");
        if (!sets.containsKey(judged)) {
            throw new IllegalArgumentException("evaluation sets " + sets.keySet() + " lack the judged set " + judged);
        }
        Map<String, UseCaseMetrics> ordered = new LinkedHashMap<>();
        ordered.put(judged, sets.get(judged));
        sets.forEach((k, v) -> ordered.put(k, Objects.requireNonNull(v, k)));
        sets = Collections.unmodifiableMap(ordered);
        Map<String, Map<String, MetricInterval>> byMetric = new LinkedHashMap<>();
        (intervals == null ? Map.<String, Map<String, MetricInterval>>of() : intervals).forEach((set, m) -> {
            if (!ordered.containsKey(set)) {
                throw new IllegalArgumentException("intervals for an unknown evaluation set " + set + " (sets: "
                        + ordered.keySet() + ")");
            }
            byMetric.put(set, Collections.unmodifiableMap(new LinkedHashMap<>(m)));
        });
        intervals = Collections.unmodifiableMap(byMetric);
    }

    /** Evaluation sets without intervals yet. */
    public EvaluationSets(String judged, Map<String, UseCaseMetrics> sets) {
        this(judged, sets, Map.of());
    }

    /** These sets with the intervals of one set's metrics (replacing any it had). */
    public EvaluationSets withIntervals(String set, Map<String, MetricInterval> setIntervals) {
        Map<String, Map<String, MetricInterval>> all = new LinkedHashMap<>(intervals);
        all.put(set, setIntervals);
        return new EvaluationSets(judged, sets, all);
    }

    /** The intervals of a set's metrics by metric name; empty when it has none. */
    public Map<String, MetricInterval> intervals(String set) {
        return intervals.getOrDefault(set, Map.of());
    }

    /** The intervals of the metrics the criteria are judged on. */
    public Map<String, MetricInterval> judgedIntervals() {
        return intervals(judged);
    }

    /** A time split: judged on test, selected on validation, fitted on train. */
    public static EvaluationSets ofTimeSplit(UseCaseMetrics train, UseCaseMetrics validation, UseCaseMetrics test) {
        Map<String, UseCaseMetrics> m = new LinkedHashMap<>();
        m.put(TEST, test);
        m.put(VALIDATION, validation);
        m.put(TRAIN, train);
        return new EvaluationSets(TEST, m);
    }

    /** Held-out units judged, the fitted units beside them. */
    public static EvaluationSets ofHeldOut(UseCaseMetrics fitted, UseCaseMetrics heldOut) {
        Map<String, UseCaseMetrics> m = new LinkedHashMap<>();
        m.put(HELD_OUT, heldOut);
        m.put(FITTED, fitted);
        return new EvaluationSets(HELD_OUT, m);
    }

    /** The metrics the criteria are judged on. */
    public UseCaseMetrics judgedMetrics() {
        return sets.get(judged);
    }

    /** The metrics of a named set, or null. */
    public UseCaseMetrics get(String set) {
        return sets.get(set);
    }

    /** Every set's published form, by set name (the registry's {@code metrics} column). */
    public Map<String, Map<String, Object>> toMap() {
        Map<String, Map<String, Object>> m = new LinkedHashMap<>();
        sets.forEach((k, v) -> m.put(k, v.toMap()));
        return m;
    }
}
