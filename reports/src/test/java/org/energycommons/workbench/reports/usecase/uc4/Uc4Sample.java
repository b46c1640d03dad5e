/*
 * Energy Commons Workbench
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package org.energycommons.workbench.reports.usecase.uc4;

import static org.energycommons.workbench.reports.usecase.PageFixtures.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.energycommons.workbench.models.usecase.EvaluationSets;
import org.energycommons.workbench.models.usecase.MetricInterval;
import org.energycommons.workbench.models.usecase.UseCaseResult;
import org.energycommons.workbench.models.usecase.UseCases;
import org.energycommons.workbench.reports.usecase.PageFixtures;

/**
 * A realistic, fully populated uc4 page data: three models (the best one with 90 % intervals, one criterion
 * missed), two weeks of a substation's forecast around its winter peak, six substations, and a backtest of four
 * origins with 24 lead times. Every section of the page has something to show, with names and values as long as a
 * real run gives; for the page tests and for a check that renders every page in a browser.
 */
public final class Uc4Sample {

    /** The model selected on validation. */
    public static final String BEST = "gbt-mllib";

    /** The substation of the forecast-vs-actual chart. */
    public static final String FOCUS = "PS-69123-004";

    /** The models, in the order the run fits them. */
    public static final List<String> MODELS = List.of("persistence", BEST, "gbt-xgboost-quantile");

    private static final String CONFORMAL = "; conformalized over a rolling window: the band is widened by the 80 % "
            + "quantile of the out-of-sample errors of the last 28 days known at issue";

    private Uc4Sample() {
    }

    /** The page data: every section filled, the backtest included. */
    public static Uc4PageData data() {
        Map<String, Long> tables = new LinkedHashMap<>();
        tables.put("lake/silver/meter_readings", 12L);
        tables.put("lake/silver/weather_hourly", 5L);
        tables.put("lake/gold/uc4_substation_load_hourly", 3L);
        tables.put("lake/gold/uc4_features", 3L);
        Map<String, String> split = new LinkedHashMap<>();
        split.put("train", "2023-01-09..2024-05-29");
        split.put("validation", "2024-05-30..2024-09-14");
        split.put("test", "2024-09-15..2024-12-31");
        Map<String, String> intervals = new LinkedHashMap<>();
        intervals.put("persistence", "calibrated residual interval: 10% and 90% quantiles of log(actual/P50) on "
                + "validation" + CONFORMAL);
        intervals.put(BEST, "calibrated residual interval: 10% and 90% quantiles of log(actual/P50) on validation"
                + CONFORMAL);
        intervals.put("gbt-xgboost-quantile", "quantile model: one boosted-tree ensemble fitted with pinball loss at "
                + "10%, 50% and 90% on the residual of a linear heating degree-hour part" + CONFORMAL);
        return new Uc4PageData(UseCases.UC4, result(), tables, PageFixtures.REGION, split, intervals, focus(),
                mapeByHour(),
                substations(), "2025-01-15T09:30:00Z", backtest());
    }

    /** The result: three models with test and validation metrics, the best one with intervals, and provenance. */
    public static UseCaseResult result() {
        UseCaseResult.ModelEntry best = model(BEST, "spark-mllib", "uc4-gbt-mllib-20250115-c3d4e5f6",
                metrics(0.0432, 13.0, 0.3512, 0.824, 9.41, 0.65, 0.712), metrics(0.041, 12.66, 0.36, 0.8, 9.1, 0.7,
                        0.7), Map.of("trees", "200"));
        Map<String, MetricInterval> judged = new LinkedHashMap<>();
        judged.put("mape", new MetricInterval(0.0398, 0.0471, 108, "day"));
        judged.put("skill_vs_persistence", new MetricInterval(0.318, 0.384, 108, "day"));
        judged.put("coverage_p10_p90", new MetricInterval(0.797, 0.851, 108, "day"));
        judged.put("congestion_recall", new MetricInterval(0.52, 0.78, 46, "congestion_hour"));
        EvaluationSets e = best.evaluation();
        best = new UseCaseResult.ModelEntry(best.name(), best.engine(), best.modelId(),
                new EvaluationSets(e.judged(), e.sets(), Map.of(e.judged(), judged)), best.notes());
        List<UseCaseResult.ModelEntry> models = List.of(
                model("persistence", "engine", "uc4-persistence-20250115-a1b2c3d4",
                        metrics(0.091, 20.04, 0.0, 0.81, 14.87, 0.5, 0.4), metrics(0.088, 19.5, 0.0, 0.8, 14.2, 0.5,
                                0.4), Map.of()),
                best,
                model("gbt-xgboost-quantile", "xgboost", "uc4-gbt-xgboost-quantile-20250115-e5f6a7b8",
                        metrics(0.0501, 14.2, 0.29, 0.951, 10.02, 0.7, null), metrics(0.049, 13.9, 0.3, 0.9, 9.8, 0.7,
                                0.6), Map.of()));
        Map<String, Object> backtestOptions = new LinkedHashMap<>();
        backtestOptions.put("origins", "4");
        backtestOptions.put("validation_fraction", "0.15");
        return PageFixtures.result(UseCases.UC4, BEST, models, Map.of("lake/gold/uc4_features", 3L), "seed", 42,
                "selection", "best model = lowest validation RMSE among learned models",
                "backtest_options", backtestOptions, "started", "2025-01-15T09:29:58.123Z");
    }

    private static Map<String, Object> metrics(double mape, double rmse, double skill, double coverage, double crps,
                                               Double recall, Double precision) {
        return PageFixtures.metrics("rows", 62_208L, "mape", mape, "rmse", rmse, "skill_vs_persistence", skill,
                "coverage_p10_p90", coverage, "crps", crps, "congestion_recall", recall, "congestion_precision",
                precision, "congestion_hours", 46L, "alert_hours", 52L);
    }

    /** Two weeks of hourly load around a winter peak, above the capacity on the coldest evenings. */
    public static Uc4PageData.FocusSeries focus() {
        int n = 14 * 24;
        long start = Instant.parse("2024-12-01T23:00:00Z").toEpochMilli();
        long[] t = new long[n];
        double[] actual = new double[n];
        double[] p10 = new double[n];
        double[] p50 = new double[n];
        double[] p90 = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = start + i * 3_600_000L;
            int hour = i % 24;
            double cold = 40 * Math.exp(-Math.pow((i / 24.0 - 9) / 2.0, 2));
            double base = 250 + cold + 80 * Math.sin((hour - 7) * Math.PI / 12) + (hour == 19 ? 55 : 0);
            p50[i] = base;
            p10[i] = base - 28;
            p90[i] = base + 30;
            actual[i] = base + 20 * Math.sin(i * 1.7);
        }
        actual[130] = Double.NaN;
        return new Uc4PageData.FocusSeries(FOCUS, 61, 412.0, BEST, t, actual, p10, p50, p90);
    }

    private static Map<String, double[]> mapeByHour() {
        Map<String, double[]> byHour = new LinkedHashMap<>();
        for (int m = 0; m < MODELS.size(); m++) {
            double[] v = new double[24];
            for (int h = 0; h < 24; h++) {
                v[h] = 0.03 + 0.025 * (MODELS.size() - 1 - m) / 2.0 + 0.02 * Math.abs(Math.sin(h * Math.PI / 24));
            }
            byHour.put(MODELS.get(m), v);
        }
        return byHour;
    }

    private static List<Uc4PageData.SubstationRow> substations() {
        return List.of(
                new Uc4PageData.SubstationRow("PS-69029-001", 48, 630, 0.0412, 12.35, 0.816, 0, 4, "99001",
                        new Uc4PageData.AlertWindow("2024-11-19", "2024-11-21", 18)),
                new Uc4PageData.SubstationRow("PS-69123-002", 55, 400, 0.0387, 11.02, 0.833, 3, 7, "99001",
                        new Uc4PageData.AlertWindow("2024-11-19", "2024-12-03", 19)),
                new Uc4PageData.SubstationRow(FOCUS, 61, 412, 0.0451, 14.88, 0.808, 31, 29, "99002",
                        new Uc4PageData.AlertWindow("2024-11-12", "2024-12-20", 19)),
                new Uc4PageData.SubstationRow("PS-69266-001", 37, 250, 0.0498, 9.71, 0.792, 12, 15, "99003",
                        new Uc4PageData.AlertWindow("2024-11-20", "2024-12-18", 18)),
                new Uc4PageData.SubstationRow("PS-69383-003", 44, 400, 0.0423, 10.64, 0.841, 0, 1, "99004",
                        new Uc4PageData.AlertWindow("2024-12-02", "2024-12-02", 8)),
                new Uc4PageData.SubstationRow("PS-69384-001", 29, 160, 0.0576, 8.93, 0.779, 0, 0, "99004", null));
    }

    /** Four origins, every model refitted at each, 24 lead times, the best model by substation. */
    public static Uc4PageData.Backtest backtest() {
        List<Uc4PageData.OriginRow> origins = new ArrayList<>();
        LocalDate first = LocalDate.parse("2024-05-30");
        int[] days = {54, 54, 54, 52};
        LocalDate origin = first;
        for (int o = 0; o < days.length; o++) {
            String range = origin + ".." + origin.plusDays(days[o] - 1);
            for (int m = 0; m < MODELS.size(); m++) {
                double mape = 0.041 + 0.006 * o + (m == 0 ? 0.045 : m == 2 ? 0.007 : 0);
                origins.add(new Uc4PageData.OriginRow(origin.toString(), range, MODELS.get(m), days[o] * 24L * 24,
                        mape, 10.5 + 2.25 * o + 6 * (m == 0 ? 1 : 0) + m, m == 0 ? 0 : 0.33 - 0.02 * o - 0.03 * m,
                        0.78 + 0.01 * o + 0.05 * (m == 2 ? 1 : 0), 3.125 + 0.5 * o + m, 7.25 + o + 1.5 * m));
            }
            origin = origin.plusDays(days[o]);
        }
        int[] leads = new int[24];
        for (int i = 0; i < 24; i++) {
            leads[i] = 14 + i;
        }
        Map<String, double[]> mapeByLead = new LinkedHashMap<>();
        Map<String, double[]> crpsByLead = new LinkedHashMap<>();
        for (int m = 0; m < MODELS.size(); m++) {
            double[] mape = new double[24];
            double[] crps = new double[24];
            for (int i = 0; i < 24; i++) {
                mape[i] = (m == 0 ? 0.085 : 0.04 + 0.006 * m) + 0.015 * Math.abs(Math.sin(i * Math.PI / 24));
                crps[i] = (m == 0 ? 14.0 : 8.5 + m) + 3 * Math.abs(Math.sin(i * Math.PI / 24));
            }
            mapeByLead.put(MODELS.get(m), mape);
            crpsByLead.put(MODELS.get(m), crps);
        }
        List<Uc4PageData.BacktestSubstation> substations = List.of(
                new Uc4PageData.BacktestSubstation("PS-69029-001", 48, 0.0441, 12.9, 8.75, 0.804),
                new Uc4PageData.BacktestSubstation("PS-69123-002", 55, 0.0402, 11.6, 8.02, 0.821),
                new Uc4PageData.BacktestSubstation(FOCUS, 61, 0.0478, 15.3, 10.44, 0.797),
                new Uc4PageData.BacktestSubstation("PS-69266-001", 37, 0.0533, 10.2, 7.13, 0.788),
                new Uc4PageData.BacktestSubstation("PS-69383-003", 44, 0.0439, 11.1, 7.66, 0.836),
                new Uc4PageData.BacktestSubstation("PS-69384-001", 29, 0.0612, 9.4, 6.38, 0.771));
        return new Uc4PageData.Backtest(0.15, origins, leads, mapeByLead, crpsByLead, BEST, substations);
    }
}
