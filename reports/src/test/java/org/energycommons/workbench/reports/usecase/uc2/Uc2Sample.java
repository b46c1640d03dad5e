/*
 * Energy Commons Workbench
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package org.energycommons.workbench.reports.usecase.uc2;

import static org.energycommons.workbench.reports.usecase.PageFixtures.metrics;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.energycommons.workbench.models.usecase.MetricInterval;
import org.energycommons.workbench.models.usecase.UseCase;
import org.energycommons.workbench.models.usecase.UseCaseResult;
import org.energycommons.workbench.models.usecase.UseCases;
import org.energycommons.workbench.reports.usecase.PageFixtures;

/**
 * A realistic, fully populated uc2 page data, as the jobs would give it for the default synthetic region: the
 * expected-consumption model and the three detectors with their evaluation- and tuning-period metrics (intervals on
 * the best one), the six default rules, alert days per rule and fault type, the five fault types, the delay
 * histogram and a year of daily totals. The page tests and the site's rendering checks use it.
 */
public final class Uc2Sample {

    /** The best detector of the sample. */
    public static final String BEST = "rules";

    /** The fault types, as the jobs name them. */
    public static final List<String> FAULT_TYPES = List.of("heating_on_holidays", "night_base_load_drift",
            "use_on_closed_days", "flat_meter", "spikes");

    /** The split sentence the jobs write. */
    static final String SPLIT_RULE = "models fitted and thresholds tuned on the tuning period only; metrics reported "
            + "on the evaluation period";

    private static final UseCase UC2 = UseCases.require("uc2");
    private static final String KEPT = "flat_line,spikes,closed_day_use,holiday_heating,night_base_load";

    private Uc2Sample() {
    }

    /**
     * The sample page data.
     *
     * @return a new page data, every section filled
     */
    public static Uc2PageData data() {
        List<UseCaseResult.ModelEntry> models = List.of(
                PageFixtures.model("expected-consumption", "smile", "uc2-expected-consumption-5d1e0b7a",
                        metrics("mape_daily_kwh", 0.087, "median_abs_daily_residual_z", 0.62),
                        metrics("mape_daily_kwh", 0.071, "median_abs_daily_residual_z", 0.58),
                        Map.of("role", "expected consumption behind the residual features of the rules and the "
                                + "forest")),
                withIntervals(PageFixtures.model(BEST, "rules", "uc2-rules-9c41f2d0",
                        detection(0.912, 0.846, 0.876, 1.0, 0.42, new double[] {0.889, 0.714, 0.875, 1.0, 0.8}),
                        detection(0.934, 0.861, 0.896, 1.0, 0.35, null),
                        notes("rules_file", "classpath:default-rules.txt", "rules_kept", KEPT, "rules_dropped",
                                "residual_drift"))),
                PageFixtures.model("isolation-forest", "smile", "uc2-isolation-forest-1b8e6f33",
                        detection(0.471, 0.513, 0.491, 3.0, 2.84, new double[] {0.556, 0.571, 0.375, 0.25, 0.6}),
                        detection(0.502, 0.535, 0.518, 3.0, 2.51, null),
                        notes("threshold", "0.6127", "threshold_quantile", "0.995")),
                PageFixtures.model("rules+isolation-forest", "rules+smile", "uc2-rules+isolation-forest-77aa0c19",
                        detection(0.803, 0.872, 0.836, 1.0, 0.97, new double[] {0.889, 0.857, 0.875, 1.0, 0.8}),
                        detection(0.842, 0.884, 0.862, 1.0, 0.81, null),
                        notes("rules_file", "classpath:default-rules.txt", "rules_kept", KEPT, "threshold", "0.6841",
                                "threshold_quantile", "0.999")));
        Map<String, String> split = split();
        UseCaseResult result = PageFixtures.result(UC2, BEST, models, tables(),
                "split", split,
                "rules_file", "classpath:/org/energycommons/workbench/models/uc2/default-rules.txt",
                "truth", "truth/injected_faults (evaluation and tuning-period thresholds only, never a feature)",
                "outcome", "ok",
                "detections", List.of(metrics("building_id", "b-0007", "fault_type", "flat_meter", "start",
                        "2024-03-04", "days", 6, "delay_days", 0)),
                "alerts_by_rule_and_fault_type", alertsByRule());
        return new Uc2PageData(UC2, result, tables(), PageFixtures.REGION,
                split, rules(), alertsByRule(), faultTypes(), delayBins(), timeline(), visits(), "ok",
                "2026-12-06T01:48:42Z");
    }

    /** 27 public buildings, 9 in alert; the smallest commune's counts withheld by the guard. */
    static Uc2PageData.Visits visits() {
        return new Uc2PageData.Visits(27, 9, List.of(new Uc2PageData.CommuneVisits("99001", 12, 5),
                new Uc2PageData.CommuneVisits("99002", 10, 3), new Uc2PageData.CommuneVisits("99003", -1, -1)));
    }

    private static Map<String, Object> detection(double precision, double recall, double f1, double delay,
                                                 double falseAlerts, double[] recallByType) {
        Map<String, Object> m = metrics("precision", precision, "recall", recall, "f1", f1,
                "median_detection_delay_days", delay, "false_alerts_per_building_year", falseAlerts,
                "faults", 39.0, "detected_faults", (double) Math.round(39 * recall), "alert_episodes", 41.0);
        if (recallByType != null) {
            long[] faults = {9, 7, 8, 5, 10};
            for (int i = 0; i < FAULT_TYPES.size(); i++) {
                String t = FAULT_TYPES.get(i);
                m.put("recall_" + t, recallByType[i]);
                m.put("faults_" + t, (double) faults[i]);
            }
        }
        return m;
    }

    private static Map<String, String> notes(String... namesAndValues) {
        Map<String, String> notes = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            notes.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return notes;
    }

    private static UseCaseResult.ModelEntry withIntervals(UseCaseResult.ModelEntry m) {
        Map<String, MetricInterval> intervals = new LinkedHashMap<>();
        intervals.put("f1", new MetricInterval(0.812, 0.931, 39, "fault"));
        intervals.put("median_detection_delay_days", new MetricInterval(1.0, 2.0, 33, "fault"));
        intervals.put("false_alerts_per_building_year", new MetricInterval(0.21, 0.68, 27, "building"));
        return new UseCaseResult.ModelEntry(m.name(), m.engine(), m.modelId(),
                m.evaluation().withIntervals(m.evaluation().judged(), intervals), m.notes());
    }

    private static Map<String, Long> tables() {
        Map<String, Long> tables = new LinkedHashMap<>();
        tables.put("gold/features/uc2", 5L);
        tables.put("silver/load_curve", 12L);
        tables.put("silver/buildings", 3L);
        tables.put("silver/weather_hourly", 7L);
        tables.put("silver/calendar", 2L);
        return tables;
    }

    private static Map<String, String> split() {
        Map<String, String> split = new LinkedHashMap<>();
        split.put("tuning", "2023-01-01..2023-12-31");
        split.put("evaluation", "2024-01-01..2024-12-30");
        split.put("rule", SPLIT_RULE);
        return split;
    }

    private static List<Uc2PageData.RuleRow> rules() {
        return List.of(
                new Uc2PageData.RuleRow("flat_line", "high", "flat_share >= 0.5", true),
                new Uc2PageData.RuleRow("spikes", "medium", "spike_ratio >= 2.5", true),
                new Uc2PageData.RuleRow("closed_day_use", "high",
                        "closed and day_residual_z > 4 and day_kw > 1.3 * night_kw", true),
                new Uc2PageData.RuleRow("holiday_heating", "medium",
                        "closed and hdd_15 > 2 and daily_residual_z > 3 and night_residual_z > 3", true),
                new Uc2PageData.RuleRow("night_base_load", "medium", "open and temperature_mean_c > 15 and "
                        + "night_to_day_ratio > 1.6 * ref_night_to_day_ratio", true),
                new Uc2PageData.RuleRow("residual_drift", "low", "mean(night_residual_z, 7) > 2.5", false));
    }

    /** Alert days per source and fault type, as the jobs cross them: sources in name order, types then none. */
    private static Map<String, Map<String, Long>> alertsByRule() {
        Map<String, long[]> counts = new TreeMap<>();
        counts.put("closed_day_use", new long[] {3, 0, 41, 0, 0, 2});
        counts.put("flat_line", new long[] {0, 0, 0, 29, 0, 1});
        counts.put("holiday_heating", new long[] {112, 4, 6, 0, 0, 5});
        counts.put("isolation_forest", new long[] {38, 51, 12, 9, 17, 64});
        counts.put("night_base_load", new long[] {0, 187, 0, 0, 0, 9});
        counts.put("residual_drift", new long[] {21, 233, 3, 0, 0, 58});
        counts.put("spikes", new long[] {0, 0, 0, 0, 34, 3});
        Map<String, Map<String, Long>> byRule = new LinkedHashMap<>();
        counts.forEach((rule, values) -> {
            Map<String, Long> row = new LinkedHashMap<>();
            for (int i = 0; i < FAULT_TYPES.size(); i++) {
                row.put(FAULT_TYPES.get(i), values[i]);
            }
            row.put("none", values[FAULT_TYPES.size()]);
            byRule.put(rule, row);
        });
        return byRule;
    }

    private static List<Uc2PageData.FaultTypeRow> faultTypes() {
        return List.of(
                new Uc2PageData.FaultTypeRow("heating_on_holidays", 9, 0.889, 0.571, 0.696, 2.0),
                new Uc2PageData.FaultTypeRow("night_base_load_drift", 7, 0.714, 0.455, 0.556, 4.0),
                new Uc2PageData.FaultTypeRow("use_on_closed_days", 8, 0.875, 0.5, 0.636, 1.0),
                new Uc2PageData.FaultTypeRow("flat_meter", 5, 1.0, 0.385, 0.556, 0.0),
                new Uc2PageData.FaultTypeRow("spikes", 10, 0.8, Double.NaN, Double.NaN, 1.0));
    }

    private static Map<String, Long> delayBins() {
        Map<String, Long> bins = new LinkedHashMap<>();
        bins.put("0", 9L);
        bins.put("1", 11L);
        bins.put("2", 5L);
        bins.put("3–7", 6L);
        bins.put("8–30", 2L);
        bins.put("> 30", 0L);
        bins.put("manqué · missed", 6L);
        return bins;
    }

    /** A year of daily totals of 27 public buildings: heating in winter, closed weekends and holidays. */
    private static Uc2PageData.Timeline timeline() {
        LocalDate first = LocalDate.of(2024, 1, 1);
        int days = 366;
        long[] t = new long[days];
        double[] actual = new double[days];
        double[] expected = new double[days];
        double[] alerts = new double[days];
        for (int i = 0; i < days; i++) {
            LocalDate d = first.plusDays(i);
            t[i] = d.atStartOfDay(ZoneId.of("Europe/Paris")).toInstant().toEpochMilli();
            boolean closed = d.getDayOfWeek().getValue() >= 6 || (d.getMonthValue() == 8)
                    || (d.getMonthValue() == 7 && d.getDayOfMonth() > 6);
            double heating = 1400 * Math.max(0, Math.cos((d.getDayOfYear() - 15) / 366.0 * 2 * Math.PI));
            expected[i] = Math.round((closed ? 620 + 0.45 * heating : 1550 + heating) * 10) / 10.0;
            double noise = 60 * Math.sin(i * 2.3) + 35 * Math.cos(i * 0.7);
            double fault = i >= 40 && i < 62 ? 240 : i >= 300 && i < 330 ? 180 : 0;
            actual[i] = Math.round((expected[i] + noise + fault) * 10) / 10.0;
            alerts[i] = fault > 0 ? 1 + (i % 3 == 0 ? 1 : 0) : (i % 17 == 0 ? 1 : 0);
        }
        return new Uc2PageData.Timeline(t, actual, expected, alerts, 27);
    }
}
