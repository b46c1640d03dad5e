package org.energycommons.workbench.models.uc3;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.energycommons.workbench.models.mv.SavingsEstimate;
import org.energycommons.workbench.models.usecase.BootstrapIntervals;
import org.energycommons.workbench.models.usecase.EvaluationSets;
import org.energycommons.workbench.models.usecase.MetricInterval;
import org.energycommons.workbench.models.usecase.UseCaseMetrics;

/**
 * The uc3 metrics of each method, from its fits and the true savings (evaluation only):
 * <ul>
 *   <li>test (treated buildings against {@code truth/true_savings}, placebo runs of the comparison group):
 *       {@code savings_abs_error_pct_points_median} = median of |estimated − true savings fraction| × 100 (points
 *       of the counterfactual), {@code placebo_coverage_90} = share of placebo runs whose 90 % savings interval
 *       holds 0 (no works, no savings), {@code cvrmse} and {@code nmbe} = medians over the treated buildings'
 *       baselines, and counts, biases and widths beside them;</li>
 *   <li>validation (other buildings without works, fake dates): the same placebo error and coverage, which select
 *       the best method ({@link #selectBest});</li>
 *   <li>train: the baseline fit statistics over every fitted run.</li>
 * </ul>
 *
 * <p>Every estimate gets a 90 % interval over buildings drawn with replacement, recomputed by the function that
 * gives the point value: on the test set the treated buildings and the placebo buildings are drawn separately (two
 * independent samples; a treated metric is redrawn over treated buildings with the placebo runs as they are, and
 * the other way round), on validation the validation buildings, on train every run of the method. Each interval
 * states the buildings its metric counts: treated buildings with a true savings figure for the savings errors and
 * the treated coverage, fitted treated buildings for the fit statistics and widths, fitted placebo runs for the
 * placebo metrics. The counts ({@code treated_buildings}, {@code runs}, {@code baselines_fitted}, ...) are sample
 * sizes and get none.
 */
public final class Uc3Evaluation {

    private Uc3Evaluation() {
    }

    /**
     * The true savings of a renovated building over its reporting year.
     *
     * @param fraction true savings / true counterfactual
     * @param counterfactualKwh true counterfactual use, kWh
     */
    public record TrueSavings(double fraction, double counterfactualKwh) {
    }

    /**
     * The metrics of one method: {@link Uc3Metrics.Test} (judged), {@link Uc3Metrics.Validation} and
     * {@link Uc3Metrics.Train}, each with the 90 % intervals of its estimates (see the class comment).
     *
     * @param seed the bootstrap seed (the run's seed)
     */
    public static EvaluationSets evaluate(String method, List<BuildingFit> fits, Map<String, TrueSavings> truth,
                                          long seed) {
        List<BuildingFit> own = fits.stream().filter(f -> f.method().equals(method)).toList();
        List<BuildingFit> treated = role(own, Assignment.TREATED);
        List<BuildingFit> placebo = role(own, Assignment.PLACEBO);
        List<BuildingFit> validation = role(own, Assignment.VALIDATION);
        Uc3Metrics.Test test = test(method, treated, placebo, truth);
        EvaluationSets sets = EvaluationSets.ofTimeSplit(train(own), validation(validation), test);

        Map<String, MetricInterval> testIntervals = new LinkedHashMap<>();
        Map<String, MetricInterval> overTreated = BootstrapIntervals.of(treated, "treated_building",
                draw -> estimates(test(method, draw, placebo, truth), TREATED_KEYS), seed);
        Map<String, MetricInterval> overPlacebo = BootstrapIntervals.of(placebo, "placebo_building",
                draw -> estimates(test(method, treated, draw, truth), PLACEBO_KEYS), seed);
        for (String name : test.toMap().keySet()) {
            if (overTreated.containsKey(name)) {
                int n = TREATED_WITH_TRUTH_KEYS.contains(name) ? test.treatedWithTruth() : test.treatedFitted();
                testIntervals.put(name, overTreated.get(name).withSample(n, "treated_building"));
            } else if (overPlacebo.containsKey(name)) {
                int n = name.equals(Uc3Metrics.Test.HOURLY_FORMULA_KEY) ? hourlyFormulaRuns(placebo)
                        : test.placeboFitted();
                testIntervals.put(name, overPlacebo.get(name).withSample(n, "placebo_building"));
            }
        }
        return sets.withIntervals(EvaluationSets.TEST, testIntervals)
                .withIntervals(EvaluationSets.VALIDATION, intervals(validation, "validation_building",
                        draw -> validation(draw), Uc3Metrics.Validation::fitted, seed))
                .withIntervals(EvaluationSets.TRAIN, intervals(own, "baseline",
                        draw -> train(draw), Uc3Metrics.Train::baselinesFitted, seed));
    }

    /** The test metrics that are redrawn over treated buildings. */
    static final List<String> TREATED_KEYS = List.of("savings_abs_error_pct_points_median", "cvrmse", "nmbe",
            "savings_error_pct_points_mean", "savings_abs_error_pct_points_p90", "treated_coverage_90",
            "half_width_90_pct_points_median");

    /** The treated metrics that count treated buildings with a true savings figure (the others: fitted ones). */
    static final List<String> TREATED_WITH_TRUTH_KEYS = List.of("savings_abs_error_pct_points_median",
            "savings_error_pct_points_mean", "savings_abs_error_pct_points_p90", "treated_coverage_90");

    /** The test metrics that are redrawn over placebo buildings. */
    static final List<String> PLACEBO_KEYS = List.of("placebo_coverage_90", "placebo_abs_error_pct_points_median",
            "placebo_half_width_90_pct_points_median", Uc3Metrics.Test.HOURLY_FORMULA_KEY);

    /** The published names of the counts, which get no interval. */
    static final List<String> COUNTS = List.of("treated_buildings", "treated_fitted", "treated_with_truth",
            "placebo_runs", "placebo_fitted", "runs", "fitted", "baselines_fitted");

    /**
     * The estimates of a metric set by published name, those of {@code names} only (all but the counts when
     * null): what the bootstrap recomputes.
     */
    static Map<String, Double> estimates(UseCaseMetrics metrics, List<String> names) {
        Map<String, Double> m = new LinkedHashMap<>();
        metrics.toMap().forEach((name, value) -> {
            if (!COUNTS.contains(name) && (names == null || names.contains(name))) {
                m.put(name, value instanceof Number x ? x.doubleValue() : Double.NaN);
            }
        });
        return m;
    }

    private static <M extends UseCaseMetrics> Map<String, MetricInterval> intervals(
            List<BuildingFit> runs, String unit, Function<List<BuildingFit>, M> metrics, ToIntFunction<M> fitted,
            long seed) {
        int n = fitted.applyAsInt(metrics.apply(runs));
        Map<String, MetricInterval> out = new LinkedHashMap<>();
        BootstrapIntervals.of(runs, unit, draw -> estimates(metrics.apply(draw), null), seed)
                .forEach((name, i) -> out.put(name, i.withSample(n, unit)));
        return out;
    }

    /** The test metrics of treated buildings and placebo runs. */
    static Uc3Metrics.Test test(String method, List<BuildingFit> treated, List<BuildingFit> placebo,
                                Map<String, TrueSavings> truth) {
        List<Double> absError = new ArrayList<>();
        List<Double> error = new ArrayList<>();
        List<Double> cv = new ArrayList<>();
        List<Double> nmbe = new ArrayList<>();
        int covered = 0;
        int withTruth = 0;
        for (BuildingFit f : treated) {
            if (!f.fitted()) {
                continue;
            }
            cv.add(f.cvrmse());
            nmbe.add(f.nmbe());
            TrueSavings t = truth.get(f.buildingId());
            if (t == null) {
                continue;
            }
            withTruth++;
            SavingsEstimate s = f.savings();
            double e = 100 * (s.fraction() - t.fraction());
            error.add(e);
            absError.add(Math.abs(e));
            if (t.fraction() >= s.fractionLower90() && t.fraction() <= s.fractionUpper90()) {
                covered++;
            }
        }
        return new Uc3Metrics.Test(median(absError), coverage(placebo), median(cv), median(nmbe),
                mean(error), quantile(absError, 0.9), withTruth == 0 ? Double.NaN : covered / (double) withTruth,
                median(halfWidths(treated)), median(absFractions(placebo)), median(halfWidths(placebo)),
                method.equals(SavingsFits.HOURLY) ? hourlyFormulaCoverage(placebo) : null, treated.size(),
                count(treated), withTruth, placebo.size(), count(placebo));
    }

    /** The validation metrics of validation runs. */
    static Uc3Metrics.Validation validation(List<BuildingFit> validation) {
        return new Uc3Metrics.Validation(median(absFractions(validation)), coverage(validation), validation.size(),
                count(validation));
    }

    /** The fit statistics of every fitted run. */
    static Uc3Metrics.Train train(List<BuildingFit> own) {
        List<Double> allCv = new ArrayList<>();
        List<Double> allNmbe = new ArrayList<>();
        List<Double> rho = new ArrayList<>();
        for (BuildingFit f : own) {
            if (f.fitted()) {
                allCv.add(f.cvrmse());
                allNmbe.add(f.nmbe());
                rho.add(f.rho());
            }
        }
        return new Uc3Metrics.Train(median(allCv), median(allNmbe), median(rho), allCv.size());
    }

    private static int hourlyFormulaRuns(List<BuildingFit> runs) {
        return (int) runs.stream().filter(f -> f.fitted() && Double.isFinite(f.hourlyFormulaHalfWidth90())).count();
    }

    /**
     * The best method, chosen without test data: the lowest median absolute placebo error on the validation
     * buildings (true savings 0); ties, or no validation run at all, keep the earlier method of {@code methods}
     * (CalTRACK daily first: the reference method when daily data exist).
     */
    public static String selectBest(List<String> methods, Map<String, EvaluationSets> metrics) {
        String best = methods.get(0);
        double bestValue = Double.NaN;
        for (String m : methods) {
            double d = ((Uc3Metrics.Validation) metrics.get(m).get(EvaluationSets.VALIDATION))
                    .placeboAbsErrorPctPointsMedian();
            if (Double.isFinite(d) && (Double.isNaN(bestValue) || d < bestValue)) {
                best = m;
                bestValue = d;
            }
        }
        return best;
    }

    private static List<BuildingFit> role(List<BuildingFit> fits, String role) {
        return fits.stream().filter(f -> f.role().equals(role)).toList();
    }

    private static int count(List<BuildingFit> fits) {
        return (int) fits.stream().filter(BuildingFit::fitted).count();
    }

    /** Share of fitted runs whose 90 % interval holds 0; NaN without any. */
    static double coverage(List<BuildingFit> runs) {
        int n = 0;
        int in = 0;
        for (BuildingFit f : runs) {
            if (f.fitted()) {
                n++;
                if (f.savings().lower90() <= 0 && f.savings().upper90() >= 0) {
                    in++;
                }
            }
        }
        return n == 0 ? Double.NaN : in / (double) n;
    }

    /** Placebo coverage had the Guideline 14 formula been applied to hourly points (hourly method only). */
    static double hourlyFormulaCoverage(List<BuildingFit> runs) {
        int n = 0;
        int in = 0;
        for (BuildingFit f : runs) {
            if (f.fitted() && Double.isFinite(f.hourlyFormulaHalfWidth90())) {
                n++;
                if (Math.abs(f.savings().fraction()) <= f.hourlyFormulaHalfWidth90()) {
                    in++;
                }
            }
        }
        return n == 0 ? Double.NaN : in / (double) n;
    }

    private static List<Double> absFractions(List<BuildingFit> runs) {
        List<Double> out = new ArrayList<>();
        for (BuildingFit f : runs) {
            if (f.fitted()) {
                out.add(100 * Math.abs(f.savings().fraction()));
            }
        }
        return out;
    }

    private static List<Double> halfWidths(List<BuildingFit> runs) {
        List<Double> out = new ArrayList<>();
        for (BuildingFit f : runs) {
            if (f.fitted()) {
                out.add(100 * f.savings().halfWidth90() / Math.abs(f.savings().counterfactual()));
            }
        }
        return out;
    }

    /** The median; NaN of an empty list. */
    public static double median(List<Double> values) {
        return quantile(values, 0.5);
    }

    /** The q-quantile with linear interpolation between order statistics; NaN of an empty list. */
    public static double quantile(List<Double> values, double q) {
        double[] v = values.stream().filter(Double::isFinite).mapToDouble(Double::doubleValue).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        double pos = q * (v.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(v.length - 1, lo + 1);
        return v[lo] + (pos - lo) * (v[hi] - v[lo]);
    }

    private static double mean(List<Double> values) {
        return values.isEmpty() ? Double.NaN : Arrays.stream(values.stream().mapToDouble(Double::doubleValue)
                .toArray()).average().orElse(Double.NaN);
    }
}
