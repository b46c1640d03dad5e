/*
 * Energy Commons Workbench
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package org.energycommons.workbench.reports.usecase.uc3;

import static org.energycommons.workbench.reports.usecase.PageFixtures.metrics;
import static org.energycommons.workbench.reports.usecase.PageFixtures.model;

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
 * A realistic, fully populated uc3 page data: three methods (the best one with 90 % intervals and one criterion
 * missed, as in some runs), six groups of similar savings, four works types
 * published and two suppressed, a year of weekly baseline fit on each side of the works. Every section of the page
 * has something to show, with values and names as long as a real run gives; for the page tests and for a check
 * that renders every page in a browser.
 */
public final class Uc3Sample {

    /** The method selected on validation. */
    public static final String BEST = "caltrack-billing";

    /** The method whose test metrics include the hourly formula's coverage. */
    public static final String HOURLY = "towt-hourly";

    private Uc3Sample() {
    }

    /** The page data: every section filled. */
    public static Uc3PageData data() {
        List<Uc3PageData.SavingsGroup> groups = List.of(
                group("1", 10, 0.21, 0.013, 0.010, -0.012, 0.032, 8.4, 18.2),
                group("2", 10, 0.18, 0.087, 0.081, 0.058, 0.104, 61.5, 17.5),
                group("3", 10, 0.16, 0.152, 0.158, 0.134, 0.182, 122.9, 18.7),
                group("4", 10, 0.19, 0.211, 0.207, 0.190, 0.224, 173.8, 14.3),
                group("5", 10, 0.17, 0.284, 0.276, 0.252, 0.300, 241.0, 21.0),
                group("6", 13, 0.14, 0.431, 0.447, 0.421, 0.473, 512.6, 29.8));
        List<Uc3PageData.SavingsGroup> types = List.of(
                group("global", 14, 0.15, 0.452, 0.463, 0.437, 0.489, 498.1, 28.0),
                group("heat_pump", 11, 0.19, 0.538, 0.529, 0.498, 0.560, 402.3, 23.6),
                group("insulation_roof", 12, 0.17, 0.173, 0.169, 0.142, 0.196, 118.7, 19.0),
                group("insulation_walls", 13, 0.16, 0.241, 0.236, 0.211, 0.261, 190.2, 20.1));
        Uc3PageData.SavingsGroup all = group("all", 63, 0.05, 0.196, 0.193, 0.182, 0.204, 1120.4, 52.9);
        Map<String, Long> tables = new LinkedHashMap<>();
        tables.put("lake/gold/uc3_features", 3L);
        tables.put("lake/gold/uc3_savings", 3L);
        tables.put("lake/gold/uc3_predictions", 3L);
        tables.put("lake/truth/true_savings", 1L);
        return new Uc3PageData(UseCases.UC3, result(), tables, PageFixtures.REGION, BEST, groups, 1,
                types, 2, all, fit(), "2026-01-15T09:30:00Z");
    }

    /** The result: three methods with test and validation metrics and their provenance. */
    public static UseCaseResult result() {
        Map<String, Object> hourly = test(0.77, 0.857, -0.21, 0.141, 0.0012);
        hourly.put("placebo_coverage_90_hourly_formula", 0.659);
        List<UseCaseResult.ModelEntry> models = List.of(
                model("caltrack-daily", "spark-grouped-ols", "uc3-caltrack-daily-20260115-4f2a9c1e",
                        test(0.48, 0.934, 0.12, 0.118, -0.0004), validation(0.925, 0.52), Map.of()),
                withIntervals(model(BEST, "spark-grouped-ols", "uc3-caltrack-billing-20260115-8b31d07a",
                        test(0.51, 0.953, -0.08, 0.094, 0.0001), validation(0.975, 0.44), Map.of()),
                        Map.of("savings_abs_error_pct_points_median", new MetricInterval(0.38, 0.78, 63, "building"),
                                "placebo_coverage_90", new MetricInterval(0.918, 0.985, 134, "placebo_run"))),
                model(HOURLY, "spark-grouped-ols", "uc3-towt-hourly-20260115-c2e5a9f0", hourly,
                        validation(0.775, 0.81), Map.of()));
        Map<String, Long> inputs = new LinkedHashMap<>();
        inputs.put("lake/silver/meter_readings", 12L);
        inputs.put("lake/silver/weather_daily", 4L);
        inputs.put("lake/gold/uc3_features", 3L);
        return PageFixtures.result(UseCases.UC3, BEST, models, inputs, "seed", 42,
                "selection", "lowest median placebo error on the validation buildings",
                "started", "2026-01-15T09:12:41.372Z");
    }

    /** A model entry with 90 % intervals on the metrics its criteria are judged on. */
    private static UseCaseResult.ModelEntry withIntervals(UseCaseResult.ModelEntry m,
                                                          Map<String, MetricInterval> intervals) {
        EvaluationSets e = m.evaluation();
        return new UseCaseResult.ModelEntry(m.name(), m.engine(), m.modelId(),
                new EvaluationSets(e.judged(), e.sets(), Map.of(e.judged(), intervals)), m.notes());
    }

    private static Map<String, Object> test(double error, double coverage, double bias, double cvrmse,
                                            double nmbe) {
        return metrics("savings_abs_error_pct_points_median", error, "placebo_coverage_90", coverage,
                "savings_error_pct_points_mean", bias, "cvrmse", cvrmse, "nmbe", nmbe, "treated_buildings", 71,
                "treated_fitted", 63, "placebo_fitted", 134, "placebo_abs_error_pct_points_median", 1.2 + error,
                "placebo_half_width_90_pct_points_median", 3.9 + error, "treated_coverage_90", coverage - 0.04);
    }

    private static Map<String, Object> validation(double coverage, double error) {
        return metrics("placebo_coverage_90", coverage, "placebo_abs_error_pct_points_median", error);
    }

    private static Uc3PageData.SavingsGroup group(String label, int buildings, double largest, double trueFraction,
                                                  double estimated, double lower, double upper, double mwh,
                                                  double halfWidth) {
        return new Uc3PageData.SavingsGroup(label, buildings, largest, trueFraction, estimated, lower, upper, mwh,
                halfWidth);
    }

    /** A year of weeks on each side of the works: winter peaks, the baseline above the metered use after. */
    private static Uc3PageData.FitPicture fit() {
        List<double[]> points = new ArrayList<>();
        for (int w = -52; w <= 51; w++) {
            double season = 38 + 22 * Math.cos(2 * Math.PI * (w + 10) / 52.0);
            double noise = 1.5 * Math.sin(w * 2.3);
            double metered = w < 0 ? season + noise : 0.8 * season + noise;
            points.add(new double[] {w, metered, season + 0.4 * Math.sin(w * 0.7)});
        }
        double[] weeks = new double[points.size()];
        double[] metered = new double[points.size()];
        double[] predicted = new double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            weeks[i] = points.get(i)[0];
            metered[i] = points.get(i)[1];
            predicted[i] = points.get(i)[2];
        }
        return new Uc3PageData.FitPicture(BEST, weeks, metered, predicted, 41);
    }
}
