package org.energycommons.workbench.models.uc3;

import java.util.List;
import java.util.Map;
import org.energycommons.workbench.models.usecase.MetricMap;
import org.energycommons.workbench.models.usecase.UseCaseMetrics;

/**
 * The uc3 metrics of one savings method on one set of runs, as published in {@code uc3.json} (see
 * {@link Uc3Evaluation} for the definitions): the treated buildings and placebo runs it is judged on
 * ({@link Test}), the validation placebo runs that select the best method ({@link Validation}), and the fit
 * statistics of every fitted baseline ({@link Train}).
 */
public sealed interface Uc3Metrics extends UseCaseMetrics
        permits Uc3Metrics.Test, Uc3Metrics.Validation, Uc3Metrics.Train {

    /**
     * Reads any of the three published forms back, told apart by their sample-size key ({@code null} values are
     * undefined metrics, NaN).
     *
     * @throws IllegalArgumentException when the map is none of them
     */
    static Uc3Metrics fromMap(Map<String, Object> map) {
        if (map.containsKey("treated_buildings")) {
            return Test.fromMap(map);
        }
        if (map.containsKey("runs")) {
            return Validation.fromMap(map);
        }
        if (map.containsKey("baselines_fitted")) {
            return Train.fromMap(map);
        }
        throw new IllegalArgumentException("not a uc3 metric set (no treated_buildings, runs or baselines_fitted): "
                + map.keySet());
    }

    /**
     * Savings against the true savings of the treated buildings, and placebo runs of the comparison group.
     *
     * @param savingsAbsErrorPctPointsMedian median |estimated − true savings fraction| × 100
     * @param placeboCoverage90 share of placebo runs whose 90 % savings interval holds 0
     * @param cvrmse median CV(RMSE) of the treated buildings' baselines
     * @param nmbe median NMBE of the treated buildings' baselines
     * @param savingsErrorPctPointsMean mean signed savings error, percentage points
     * @param savingsAbsErrorPctPointsP90 90th percentile of the absolute savings error, percentage points
     * @param treatedCoverage90 share of treated buildings whose 90 % interval holds the true savings
     * @param halfWidth90PctPointsMedian median half-width of the treated buildings' 90 % intervals, points
     * @param placeboAbsErrorPctPointsMedian median absolute placebo savings, percentage points
     * @param placeboHalfWidth90PctPointsMedian median half-width of the placebo runs' 90 % intervals, points
     * @param placeboCoverage90HourlyFormula placebo coverage had the Guideline 14 formula been applied to hourly
     *     points: the hourly method only, else null
     * @param treatedBuildings treated buildings
     * @param treatedFitted treated buildings with a fitted baseline
     * @param treatedWithTruth fitted treated buildings with a true savings figure
     * @param placeboRuns placebo runs
     * @param placeboFitted placebo runs with a fitted baseline
     */
    record Test(double savingsAbsErrorPctPointsMedian, double placeboCoverage90, double cvrmse, double nmbe,
                double savingsErrorPctPointsMean, double savingsAbsErrorPctPointsP90, double treatedCoverage90,
                double halfWidth90PctPointsMedian, double placeboAbsErrorPctPointsMedian,
                double placeboHalfWidth90PctPointsMedian, Double placeboCoverage90HourlyFormula,
                int treatedBuildings, int treatedFitted, int treatedWithTruth, int placeboRuns, int placeboFitted)
            implements Uc3Metrics {

        /** The published names of the savings and placebo metrics, in publication order. */
        public static final List<String> KEYS = List.of("savings_abs_error_pct_points_median", "placebo_coverage_90",
                "cvrmse", "nmbe", "savings_error_pct_points_mean", "savings_abs_error_pct_points_p90",
                "treated_coverage_90", "half_width_90_pct_points_median", "placebo_abs_error_pct_points_median",
                "placebo_half_width_90_pct_points_median");

        /** The published name of the hourly-formula placebo coverage, after {@link #KEYS} where present. */
        public static final String HOURLY_FORMULA_KEY = "placebo_coverage_90_hourly_formula";

        /** The published names of the sample sizes, last. */
        public static final List<String> SAMPLE_KEYS = List.of("treated_buildings", "treated_fitted",
                "treated_with_truth", "placebo_runs", "placebo_fitted");

        @Override
        public Map<String, Object> toMap() {
            return MetricMap.writing()
                    .put(KEYS, savingsAbsErrorPctPointsMedian, placeboCoverage90, cvrmse, nmbe,
                            savingsErrorPctPointsMean, savingsAbsErrorPctPointsP90, treatedCoverage90,
                            halfWidth90PctPointsMedian, placeboAbsErrorPctPointsMedian,
                            placeboHalfWidth90PctPointsMedian)
                    .putPresent(HOURLY_FORMULA_KEY, placeboCoverage90HourlyFormula)
                    .put(SAMPLE_KEYS, treatedBuildings, treatedFitted, treatedWithTruth, placeboRuns, placeboFitted)
                    .toMap();
        }

        /** Reads the published form back. */
        public static Test fromMap(Map<String, Object> map) {
            MetricMap v = MetricMap.reading(map);
            return new Test(v.number("savings_abs_error_pct_points_median"), v.number("placebo_coverage_90"),
                    v.number("cvrmse"), v.number("nmbe"), v.number("savings_error_pct_points_mean"),
                    v.number("savings_abs_error_pct_points_p90"), v.number("treated_coverage_90"),
                    v.number("half_width_90_pct_points_median"), v.number("placebo_abs_error_pct_points_median"),
                    v.number("placebo_half_width_90_pct_points_median"), v.optional(HOURLY_FORMULA_KEY),
                    v.count("treated_buildings"), v.count("treated_fitted"), v.count("treated_with_truth"),
                    v.count("placebo_runs"), v.count("placebo_fitted"));
        }
    }

    /**
     * Placebo runs of the validation buildings (no works, fake dates: true savings 0), which select the method.
     *
     * @param placeboAbsErrorPctPointsMedian median absolute placebo savings, percentage points (the selection
     *     criterion, lower is better)
     * @param placeboCoverage90 share of fitted runs whose 90 % savings interval holds 0
     * @param runs validation runs
     * @param fitted validation runs with a fitted baseline
     */
    record Validation(double placeboAbsErrorPctPointsMedian, double placeboCoverage90, int runs, int fitted)
            implements Uc3Metrics {

        /** The published names, in publication order. */
        public static final List<String> KEYS = List.of("placebo_abs_error_pct_points_median", "placebo_coverage_90",
                "runs", "fitted");

        @Override
        public Map<String, Object> toMap() {
            return MetricMap.of(KEYS, placeboAbsErrorPctPointsMedian, placeboCoverage90, runs, fitted);
        }

        /** Reads the published form back. */
        public static Validation fromMap(Map<String, Object> map) {
            MetricMap v = MetricMap.reading(map);
            return new Validation(v.number("placebo_abs_error_pct_points_median"), v.number("placebo_coverage_90"),
                    v.count("runs"), v.count("fitted"));
        }
    }

    /**
     * Fit statistics of every fitted baseline of the method (treated, placebo and validation runs).
     *
     * @param cvrmse median CV(RMSE) of the baselines
     * @param nmbe median NMBE of the baselines
     * @param residualAutocorrelationMedian median lag-1 autocorrelation of the baseline residuals
     * @param baselinesFitted fitted baselines
     */
    record Train(double cvrmse, double nmbe, double residualAutocorrelationMedian, int baselinesFitted)
            implements Uc3Metrics {

        /** The published names, in publication order. */
        public static final List<String> KEYS = List.of("cvrmse", "nmbe", "residual_autocorrelation_median",
                "baselines_fitted");

        @Override
        public Map<String, Object> toMap() {
            return MetricMap.of(KEYS, cvrmse, nmbe, residualAutocorrelationMedian, baselinesFitted);
        }

        /** Reads the published form back. */
        public static Train fromMap(Map<String, Object> map) {
            MetricMap v = MetricMap.reading(map);
            return new Train(v.number("cvrmse"), v.number("nmbe"), v.number("residual_autocorrelation_median"),
                    v.count("baselines_fitted"));
        }
    }
}
