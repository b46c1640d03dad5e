package org.energycommons.workbench.models.uc3;

import java.util.LinkedHashMap;
import java.util.Map;
import org.energycommons.workbench.models.usecase.MapMetrics;
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

        @Override
        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("savings_abs_error_pct_points_median", savingsAbsErrorPctPointsMedian);
            m.put("placebo_coverage_90", placeboCoverage90);
            m.put("cvrmse", cvrmse);
            m.put("nmbe", nmbe);
            m.put("savings_error_pct_points_mean", savingsErrorPctPointsMean);
            m.put("savings_abs_error_pct_points_p90", savingsAbsErrorPctPointsP90);
            m.put("treated_coverage_90", treatedCoverage90);
            m.put("half_width_90_pct_points_median", halfWidth90PctPointsMedian);
            m.put("placebo_abs_error_pct_points_median", placeboAbsErrorPctPointsMedian);
            m.put("placebo_half_width_90_pct_points_median", placeboHalfWidth90PctPointsMedian);
            if (placeboCoverage90HourlyFormula != null) {
                m.put("placebo_coverage_90_hourly_formula", placeboCoverage90HourlyFormula);
            }
            m.put("treated_buildings", treatedBuildings);
            m.put("treated_fitted", treatedFitted);
            m.put("treated_with_truth", treatedWithTruth);
            m.put("placebo_runs", placeboRuns);
            m.put("placebo_fitted", placeboFitted);
            return m;
        }

        /** Reads the published form back. */
        public static Test fromMap(Map<String, Object> map) {
            MapMetrics v = new MapMetrics(map);
            return new Test(v.value("savings_abs_error_pct_points_median"), v.value("placebo_coverage_90"),
                    v.value("cvrmse"), v.value("nmbe"), v.value("savings_error_pct_points_mean"),
                    v.value("savings_abs_error_pct_points_p90"), v.value("treated_coverage_90"),
                    v.value("half_width_90_pct_points_median"), v.value("placebo_abs_error_pct_points_median"),
                    v.value("placebo_half_width_90_pct_points_median"),
                    map.containsKey("placebo_coverage_90_hourly_formula")
                            ? v.value("placebo_coverage_90_hourly_formula") : null,
                    (int) v.value("treated_buildings"), (int) v.value("treated_fitted"),
                    (int) v.value("treated_with_truth"), (int) v.value("placebo_runs"),
                    (int) v.value("placebo_fitted"));
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

        @Override
        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("placebo_abs_error_pct_points_median", placeboAbsErrorPctPointsMedian);
            m.put("placebo_coverage_90", placeboCoverage90);
            m.put("runs", runs);
            m.put("fitted", fitted);
            return m;
        }

        /** Reads the published form back. */
        public static Validation fromMap(Map<String, Object> map) {
            MapMetrics v = new MapMetrics(map);
            return new Validation(v.value("placebo_abs_error_pct_points_median"), v.value("placebo_coverage_90"),
                    (int) v.value("runs"), (int) v.value("fitted"));
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

        @Override
        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("cvrmse", cvrmse);
            m.put("nmbe", nmbe);
            m.put("residual_autocorrelation_median", residualAutocorrelationMedian);
            m.put("baselines_fitted", baselinesFitted);
            return m;
        }

        /** Reads the published form back. */
        public static Train fromMap(Map<String, Object> map) {
            MapMetrics v = new MapMetrics(map);
            return new Train(v.value("cvrmse"), v.value("nmbe"), v.value("residual_autocorrelation_median"),
                    (int) v.value("baselines_fitted"));
        }
    }
}
