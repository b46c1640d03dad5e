/*
 * Energy Commons Workbench
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package org.energycommons.workbench.reports.usecase.uc6;

import static org.energycommons.workbench.reports.usecase.PageFixtures.metrics;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.energycommons.workbench.models.usecase.EvaluationSets;
import org.energycommons.workbench.models.usecase.MetricInterval;
import org.energycommons.workbench.models.usecase.UseCase;
import org.energycommons.workbench.models.usecase.UseCaseResult;
import org.energycommons.workbench.models.usecase.UseCases;
import org.energycommons.workbench.reports.usecase.PageFixtures;

/**
 * A realistic, fully populated uc6 page: the three models of a run, six gas areas, a winter test period, the figures
 * of the default region's demo (the selected convex degree-day model 2.1 % worse than the degree-day baseline on
 * RMSE) and six cold-peak alerts without any real exceedance. The page tests and the site's rendering checks share
 * it.
 */
public final class Uc6Sample {

    /** The use case of the sample. */
    public static final UseCase UC6 = UseCases.require("uc6");

    /** The sample's selected model. */
    public static final String BEST = "degree-day-convex";

    /** The sample's input tables and their versions. */
    public static final Map<String, Long> TABLES = tables("silver/gas_area_daily", 6L, "silver/weather_daily", 11L,
            "gold/features/uc6", 4L);

    /** The sample's gas areas. */
    public static final List<String> AREAS = List.of("GA-99001", "GA-99002", "GA-99003", "GA-99004", "GA-99005",
            "GA-99006");

    private static final long DAY = 86_400_000L;
    private static final LocalDate TEST_START = LocalDate.of(2024, 10, 1);
    private static final int TEST_DAYS = 120;

    private Uc6Sample() {
    }

    /** The sample page data: every section filled. */
    public static Uc6PageData data() {
        return data(result());
    }

    /** The sample page data around another result (e.g. one better than the baseline, or without false alerts). */
    public static Uc6PageData data(UseCaseResult result) {
        Map<String, Uc6PageData.Method> methods = new LinkedHashMap<>();
        methods.put("degree-day", new Uc6PageData.Method("régression sur les degrés-jours de la température efficace "
                + "prévue, une droite par zone et horizon, point d'équilibre cherché de 12.0 à 20.0 °C",
                "degree-day regression on the forecast effective temperature, one line per area and horizon, balance "
                + "point searched from 12.0 to 20.0 °C"));
        methods.put(BEST, new Uc6PageData.Method("courbe convexe des degrés-jours (somme de charnières à pentes "
                + "positives, un nœud par °C), pondérée en erreur relative, inertie thermique apprise, par zone et "
                + "horizon", "convex degree-day curve (non-negative hinges every 1 °C) fitted on relative errors with "
                + "a learnt thermal inertia, per area and horizon"));
        methods.put("gbt-smile", new Uc6PageData.Method("arbres de décision boostés (Smile, moindres carrés) sur le "
                + "logarithme de la part de la capacité, toutes zones et horizons ensemble", "Smile gradient-boosted "
                + "trees (least squares) on the log of the demand as a share of capacity, one model for all areas and "
                + "horizons"));
        double[] sdByLead = new double[7];
        for (int k = 1; k <= sdByLead.length; k++) {
            sdByLead[k - 1] = 0.8 * Math.sqrt(k);
        }
        Map<String, double[]> mapeByHorizon = new LinkedHashMap<>();
        mapeByHorizon.put("degree-day", new double[] {0.034, 0.047, 0.061, 0.074, 0.086, 0.097, 0.108});
        mapeByHorizon.put(BEST, new double[] {0.030, 0.044, 0.058, 0.071, 0.084, 0.096, 0.107});
        mapeByHorizon.put("gbt-smile", new double[] {0.041, 0.052, 0.066, 0.078, 0.091, 0.101, 0.113});
        List<Uc6PageData.AreaRow> areas = new ArrayList<>();
        List<Uc6PageData.AlertRow> alerts = new ArrayList<>();
        for (int a = 0; a < AREAS.size(); a++) {
            double capacity = capacityKwh(a);
            areas.add(new Uc6PageData.AreaRow(AREAS.get(a), 31 + 17L * a, capacity, thresholdKwh(a),
                    0.026 + 0.003 * a, 8 + a, 9 + a, 8 + a - (a % 2), 0, 1, a % 2, 0,
                    AREAS.get(a).substring(3),
                    TEST_START.plusDays(70 + 3L * a).toString(), TEST_START.plusDays(70 + 3L * a).toString()));
            alerts.add(new Uc6PageData.AlertRow(AREAS.get(a), TEST_START.plusDays(70 + 3L * a).toString(),
                    capacity * 1.012 + 123.456, capacity * 0.962 - 78.9, capacity, true, false));
        }
        return new Uc6PageData(UC6, result, TABLES, PageFixtures.REGION,
                split(), methods,
                new Uc6PageData.NoiseModel(0.8, 42, sdByLead), null, focus(), mapeByHorizon, areas, alerts,
                "2026-03-14T09:31:07Z");
    }

    /** The sample's result: the demo's figures, {@value #BEST} selected, every criterion met. */
    public static UseCaseResult result() {
        return result(BEST, List.of(
                model("degree-day", test(0.034, 0.108, 61_240.5, 0.0, 0.979, 0.78, 0, 0, Double.NaN), 0.036),
                model(BEST, test(0.030, 0.107, 62_526.8, -0.021, 1.0, 0.825, 6, 0, 0.0), 0.029),
                model("gbt-smile", test(0.041, 0.113, 70_118.2, -0.145, 0.936, 0.733, 9, 0, 0.0), 0.043)));
    }

    /** A result of these models, with the provenance a uc6 run records (thresholds in kWh/day, unrounded). */
    public static UseCaseResult result(String best, List<UseCaseResult.ModelEntry> models) {
        Map<String, Object> thresholds = new LinkedHashMap<>();
        Map<String, Object> levels = new LinkedHashMap<>();
        for (int a = 0; a < AREAS.size(); a++) {
            thresholds.put(AREAS.get(a), thresholdKwh(a));
            levels.put(AREAS.get(a), capacityKwh(a));
        }
        return PageFixtures.result(UC6, best, models, TABLES,
                "peak_thresholds_kwh", thresholds, "cold_peak_levels_kwh", levels,
                "forecast_temperature_noise", "forecast daily mean of D+k issued on D = observed daily mean of D+k + "
                        + "e(D,k), e(D,k) = 0.80 °C × (z1 + ... + zk)",
                "peak_definition", "peak day = demand above the area's P95 of training-period daily demand");
    }

    /** A uc6 model entry: its test metrics (with intervals on 120 days, 47 peak days, 57 alerts). */
    public static UseCaseResult.ModelEntry model(String name, Map<String, Object> test, double validationMapeD1) {
        Map<String, Object> validation = new LinkedHashMap<>(test);
        validation.put("mape_d1", validationMapeD1);
        UseCaseResult.ModelEntry m = PageFixtures.model(name, name.startsWith("gbt") ? "smile" : "baseline",
                "uc6-" + name + "-20260314", test, validation, Map.of("method", name));
        Map<String, MetricInterval> intervals = Map.of(
                "mape_d1", new MetricInterval(0.9 * (double) test.get("mape_d1"), 1.1 * (double) test.get("mape_d1"),
                        TEST_DAYS, "day"),
                "peak_recall", new MetricInterval(0.938, 1.0, 47, "peak_day"),
                "peak_precision", new MetricInterval(0.69, 0.92, 57, "peak_alert"));
        return new UseCaseResult.ModelEntry(m.name(), m.engine(), m.modelId(),
                m.evaluation().withIntervals(EvaluationSets.TEST, intervals), m.notes());
    }

    /**
     * The test metrics of a uc6 model.
     *
     * @param rmseKwh root mean squared error over every horizon, kWh/day
     * @param skill 1 − RMSE / RMSE of the degree-day baseline
     * @param coldPeakAlerts D+1 cold-peak alerts
     * @param coldPeakDays D+1 area-days above the cold-peak level
     * @param coldPeakPrecision share of the alerts that were cold peaks ({@code NaN} without alert)
     */
    public static Map<String, Object> test(double mapeD1, double mapeD7, double rmseKwh, double skill,
                                           double peakRecall, double peakPrecision, long coldPeakAlerts,
                                           long coldPeakDays, double coldPeakPrecision) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int h = 1; h <= 7; h++) {
            m.put("mape_d" + h, mapeD1 + (mapeD7 - mapeD1) * (h - 1) / 6);
        }
        m.putAll(metrics("mape", (mapeD1 + mapeD7) / 2, "rmse_kwh", rmseKwh, "coverage_p10_p90", 0.784,
                "peak_recall", peakRecall, "peak_precision", peakPrecision, "peak_days", 47L, "peak_alerts", 57L,
                "cold_peak_recall", coldPeakDays == 0 ? null : (double) Math.round(coldPeakPrecision * coldPeakAlerts)
                        / coldPeakDays,
                "cold_peak_precision", Double.isNaN(coldPeakPrecision) ? null : coldPeakPrecision,
                "cold_peak_days", coldPeakDays, "cold_peak_alerts", coldPeakAlerts, "capacity_exceedance_days", 0L,
                "rows", 6L * 7 * TEST_DAYS, "skill_vs_degree_day", skill));
        return m;
    }

    private static Map<String, String> split() {
        Map<String, String> split = new LinkedHashMap<>();
        split.put("train", "2023-01-08..2024-05-31");
        split.put("validation", "2024-06-01..2024-09-30");
        split.put("test", TEST_START + ".." + TEST_START.plusDays(TEST_DAYS - 1));
        return split;
    }

    private static double capacityKwh(int area) {
        return 1_850_000.0 + 734_512.3456789 * area;
    }

    private static double thresholdKwh(int area) {
        return capacityKwh(area) * 0.8712345678;
    }

    /** The first area's D+1 test forecasts: a winter with a cold spell in mid-December. */
    private static Uc6PageData.FocusSeries focus() {
        long[] t = new long[TEST_DAYS];
        double[] actual = new double[TEST_DAYS];
        double[] p10 = new double[TEST_DAYS];
        double[] p50 = new double[TEST_DAYS];
        double[] p90 = new double[TEST_DAYS];
        long start = TEST_START.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        for (int d = 0; d < TEST_DAYS; d++) {
            t[d] = start + d * DAY;
            double season = 0.35 + 0.5 * Math.min(1, d / 80.0) + (d > 70 && d < 78 ? 0.18 : 0);
            double weekly = d % 7 >= 5 ? -0.04 : 0.0;
            actual[d] = capacityKwh(0) * (season + weekly + 0.03 * Math.sin(d * 1.7));
            p50[d] = capacityKwh(0) * (season + weekly + 0.02 * Math.sin(d * 1.7 + 0.4));
            p10[d] = p50[d] * 0.94;
            p90[d] = p50[d] * 1.06;
        }
        return new Uc6PageData.FocusSeries(AREAS.get(0), 31, capacityKwh(0), thresholdKwh(0), BEST, t, actual, p10,
                p50, p90);
    }

    /** Table path → version, in the order given (a page lists them so, every time). */
    private static Map<String, Long> tables(Object... pathsAndVersions) {
        Map<String, Long> tables = new LinkedHashMap<>();
        PageFixtures.metrics(pathsAndVersions).forEach((path, version) -> tables.put(path, (Long) version));
        return Collections.unmodifiableMap(tables);
    }
}
