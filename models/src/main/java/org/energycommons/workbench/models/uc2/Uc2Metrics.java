package org.energycommons.workbench.models.uc2;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.energycommons.workbench.models.usecase.MapMetrics;
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

        @Override
        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("precision", precision);
            m.put("recall", recall);
            m.put("f1", f1);
            m.put("median_detection_delay_days", medianDetectionDelayDays);
            m.put("false_alerts_per_building_year", falseAlertsPerBuildingYear);
            if (counts != null) {
                m.put("faults", (double) counts.faults());
                m.put("detected_faults", (double) counts.detectedFaults());
                m.put("alert_episodes", (double) counts.alertEpisodes());
                m.put("false_alerts", (double) counts.falseAlerts());
            }
            byFaultType.forEach((type, s) -> {
                m.put("recall_" + type, s.recall());
                m.put("precision_" + type, s.precision());
                m.put("f1_" + type, s.f1());
                m.put("median_detection_delay_days_" + type, s.medianDetectionDelayDays());
                m.put("faults_" + type, (double) s.faults());
            });
            return m;
        }

        /** Reads the published form back ({@code null} values are undefined metrics, NaN). */
        public static Detection fromMap(Map<String, Object> map) {
            MapMetrics v = new MapMetrics(map);
            Counts counts = map.containsKey("faults") ? new Counts((int) v.value("faults"),
                    (int) v.value("detected_faults"), (int) v.value("alert_episodes"), (int) v.value("false_alerts"))
                    : null;
            Map<String, FaultTypeScores> byType = new LinkedHashMap<>();
            for (String key : map.keySet()) {
                if (key.startsWith("recall_")) {
                    String type = key.substring("recall_".length());
                    byType.put(type, new FaultTypeScores(v.value(key), v.value("precision_" + type),
                            v.value("f1_" + type), v.value("median_detection_delay_days_" + type),
                            (int) v.value("faults_" + type)));
                }
            }
            return new Detection(v.value("precision"), v.value("recall"), v.value("f1"),
                    v.value("median_detection_delay_days"), v.value("false_alerts_per_building_year"), counts, byType);
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

        @Override
        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("mape_daily_kwh", mapeDailyKwh);
            m.put("median_abs_daily_residual_z", medianAbsDailyResidualZ);
            return m;
        }

        /** Reads the published form back ({@code null} values are undefined metrics, NaN). */
        public static ExpectedConsumption fromMap(Map<String, Object> map) {
            MapMetrics v = new MapMetrics(map);
            return new ExpectedConsumption(v.value("mape_daily_kwh"), v.value("median_abs_daily_residual_z"));
        }
    }
}
