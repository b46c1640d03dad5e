package org.energycommons.workbench.models.uc2;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.energycommons.workbench.models.usecase.MetricMap;
import org.energycommons.workbench.models.usecase.UseCaseMetrics;

/**
 * The uc2 metrics of one model on one period, as published in {@code uc2.json}: a detector's scores against the
 * injected faults ({@link Detection}), or the expected-consumption model's accuracy ({@link ExpectedConsumption}),
 * the model behind the detectors' residual features.
 */
public sealed interface Uc2Metrics extends UseCaseMetrics permits Uc2Metrics.Detection, Uc2Metrics.ExpectedConsumption {

    /**
     * Reads either published form back: a detector's when it has {@code f1}, else the expected-consumption
     * model's ({@code null} values are undefined metrics, NaN).
     */
    static Uc2Metrics fromMap(Map<String, Object> map) {
        return map.containsKey("f1") ? Detection.fromMap(map) : ExpectedConsumption.fromMap(map);
    }

    /**
     * A detector's alerts scored against the injected faults over one period (see {@link FaultMatching} for the
     * definitions).
     *
     * @param precision true alert episodes / alert episodes
     * @param recall detected faults / faults starting in the period
     * @param f1 harmonic mean of precision and recall
     * @param medianDetectionDelayDays median delay of the detected faults, days
     * @param falseAlertsPerBuildingYear false alert episodes per monitored building-year
     * @param counts the counts behind the ratios, or null when nothing could be scored (insufficient data)
     * @param byFaultType the same scores per fault type, in fault-type order (empty when nothing was scored)
     */
    record Detection(double precision, double recall, double f1, double medianDetectionDelayDays,
                     double falseAlertsPerBuildingYear, Counts counts, Map<String, FaultTypeScores> byFaultType)
            implements Uc2Metrics {

        public Detection {
            byFaultType = byFaultType == null ? Map.of()
                    : Collections.unmodifiableMap(new LinkedHashMap<>(byFaultType));
        }

        /** The scores of a detector that could not run: every ratio undefined, no count. */
        public static Detection undefined() {
            return new Detection(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, null, Map.of());
        }

        /** The published names of a detector's ratios, in publication order. */
        public static final List<String> KEYS = List.of("precision", "recall", "f1", "median_detection_delay_days",
                "false_alerts_per_building_year");

        /** The published names of the counts behind the ratios, published when there are counts. */
        public static final List<String> COUNT_KEYS = List.of("faults", "detected_faults", "alert_episodes",
                "false_alerts");

        /** The published names of the per-fault-type scores, each followed by {@code _<type>}. */
        public static final List<String> FAULT_TYPE_KEYS = List.of("recall", "precision", "f1",
                "median_detection_delay_days", "faults");

        @Override
        public Map<String, Object> toMap() {
            MetricMap m = MetricMap.writing()
                    .put(KEYS, precision, recall, f1, medianDetectionDelayDays, falseAlertsPerBuildingYear);
            if (counts != null) {
                m.put(COUNT_KEYS, (double) counts.faults(), (double) counts.detectedFaults(),
                        (double) counts.alertEpisodes(), (double) counts.falseAlerts());
            }
            byFaultType.forEach((type, s) -> m.put(FAULT_TYPE_KEYS.stream().map(k -> k + "_" + type).toList(),
                    s.recall(), s.precision(), s.f1(), s.medianDetectionDelayDays(), (double) s.faults()));
            return m.toMap();
        }

        /** Reads the published form back ({@code null} values are undefined metrics, NaN). */
        public static Detection fromMap(Map<String, Object> map) {
            MetricMap v = MetricMap.reading(map);
            Counts counts = v.has("faults") ? new Counts(v.count("faults"), v.count("detected_faults"),
                    v.count("alert_episodes"), v.count("false_alerts")) : null;
            Map<String, FaultTypeScores> byType = new LinkedHashMap<>();
            for (String key : map.keySet()) {
                if (key.startsWith("recall_")) {
                    String type = key.substring("recall_".length());
                    byType.put(type, new FaultTypeScores(v.number(key), v.number("precision_" + type),
                            v.number("f1_" + type), v.number("median_detection_delay_days_" + type),
                            v.count("faults_" + type)));
                }
            }
            return new Detection(v.number("precision"), v.number("recall"), v.number("f1"),
                    v.number("median_detection_delay_days"), v.number("false_alerts_per_building_year"), counts,
                    byType);
        }
    }

    /**
     * The counts behind a detector's ratios.
     *
     * @param faults faults starting in the period
     * @param detectedFaults those with an alert day inside their window
     * @param alertEpisodes alert episodes in the period
     * @param falseAlerts alert episodes outside every fault window of their building
     */
    record Counts(int faults, int detectedFaults, int alertEpisodes, int falseAlerts) {
    }

    /**
     * A detector's scores on one fault type, as if it were the only one.
     *
     * @param recall detected faults of the type / faults of the type
     * @param precision episodes touching a fault of the type / (those + false episodes)
     * @param f1 harmonic mean of both
     * @param medianDetectionDelayDays median delay of the detected faults of the type, days
     * @param faults faults of the type starting in the period
     */
    record FaultTypeScores(double recall, double precision, double f1, double medianDetectionDelayDays, int faults) {
    }

    /**
     * The expected-consumption model's accuracy on the building-days of one period with consumption.
     *
     * @param mapeDailyKwh mean absolute percentage error of the expected daily consumption (fraction)
     * @param medianAbsDailyResidualZ median absolute standardised daily residual
     */
    record ExpectedConsumption(double mapeDailyKwh, double medianAbsDailyResidualZ) implements Uc2Metrics {

        /** The published names, in publication order. */
        public static final List<String> KEYS = List.of("mape_daily_kwh", "median_abs_daily_residual_z");

        @Override
        public Map<String, Object> toMap() {
            return MetricMap.of(KEYS, mapeDailyKwh, medianAbsDailyResidualZ);
        }

        /** Reads the published form back ({@code null} values are undefined metrics, NaN). */
        public static ExpectedConsumption fromMap(Map<String, Object> map) {
            MetricMap v = MetricMap.reading(map);
            return new ExpectedConsumption(v.number("mape_daily_kwh"), v.number("median_abs_daily_residual_z"));
        }
    }
}
