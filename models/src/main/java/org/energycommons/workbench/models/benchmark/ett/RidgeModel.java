package org.energycommons.workbench.models.benchmark.ett;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A linear map from a window's features to its H targets, fitted in closed form by ridge regression on the
 * training windows; the penalty is the one of {@link #lambdas()} with the lowest MSE on the validation windows.
 * With {@code refit}, the chosen penalty is then used to fit once more on the training and validation windows
 * together (the test rows are never used; this departs from the papers, which train on the training rows only, and
 * is reported as a separate model).
 */
public final class RidgeModel implements EttModel {

    /** The default penalty grid: 10^-4 to 10^2 in half decades (per-row penalty on scaled values). */
    public static final double[] DEFAULT_LAMBDAS = grid(-4, 2, 0.5);

    private final String name;
    private final String description;
    private final FeatureMap features;
    private final double[] lambdas;
    private final boolean refit;

    /** A ridge model over {@code features}. */
    public RidgeModel(String name, String description, FeatureMap features, double[] lambdas, boolean refit) {
        if (lambdas.length == 0) {
            throw new IllegalArgumentException("at least one penalty is needed");
        }
        this.name = name;
        this.description = description;
        this.features = features;
        this.lambdas = lambdas.clone();
        this.refit = refit;
    }

    /** NLinear by ridge: inputs minus the last value, last value added back. */
    public static RidgeModel nlinear() {
        return new RidgeModel("nlinear", "ridge on the inputs minus the last input value (added back), "
                + "penalty chosen on validation", FeatureMap.lastValueNormalised(), DEFAULT_LAMBDAS, false);
    }

    /** DLinear by ridge: moving-average (25) trend and seasonal remainder, one linear map each. */
    public static RidgeModel dlinear() {
        return new RidgeModel("dlinear", "ridge on the moving-average (25) trend and seasonal parts, one linear map "
                + "each, penalty chosen on validation", FeatureMap.decomposition(25), DEFAULT_LAMBDAS, false);
    }

    /** NLinear plus hour-of-day and day-of-week indicators of the first forecast row. */
    public static RidgeModel nlinearCalendar() {
        return new RidgeModel("nlinear-cal", "nlinear plus hour-of-day and day-of-week indicators of the first "
                + "forecast row, penalty chosen on validation",
                FeatureMap.withCalendar(FeatureMap.lastValueNormalised()), DEFAULT_LAMBDAS, false);
    }

    /** NLinear, penalty chosen on validation, then refitted on training + validation windows. */
    public static RidgeModel nlinearRefit() {
        return new RidgeModel("nlinear-refit", "nlinear with the penalty chosen on validation, then refitted on the "
                + "training and validation windows together (protocol variant: the papers train on training rows "
                + "only)", FeatureMap.lastValueNormalised(), DEFAULT_LAMBDAS, true);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    /** The penalties tried. */
    public double[] lambdas() {
        return lambdas.clone();
    }

    @Override
    public Forecast forecast(Task task) {
        Ridge.Gram train = gram(task.series(), task.times(), task.train());
        Ridge.Gram validation = gram(task.series(), task.times(), task.validation());
        double cells = (double) validation.rows() * validation.outputs();
        double bestLambda = Double.NaN;
        double bestMse = Double.POSITIVE_INFINITY;
        Ridge.Fit best = null;
        List<Double> curve = new ArrayList<>();
        for (double lambda : lambdas) {
            Ridge.Fit fit = Ridge.fit(train, lambda);
            double mse = Ridge.sse(fit, validation) / cells;
            curve.add(mse);
            if (mse < bestMse) {
                bestMse = mse;
                bestLambda = lambda;
                best = fit;
            }
        }
        Ridge.Fit chosen = refit ? Ridge.fit(train.plus(validation), bestLambda) : best;
        double[][] x = featureRows(task.series(), task.times(), task.test());
        double[][] pred = chosen.predict(x);
        for (int i = 0; i < pred.length; i++) {
            double off = features.offset(task.series(), task.test().inputStart(i), task.lookBack());
            if (off != 0) {
                for (int k = 0; k < pred[i].length; k++) {
                    pred[i][k] += off;
                }
            }
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("lambda", bestLambda);
        details.put("validation_mse", bestMse);
        details.put("features", features.dimension(task.lookBack()));
        details.put("fitted_on_windows", refit ? train.rows() + validation.rows() : train.rows());
        return new Forecast(pred, details);
    }

    private Ridge.Gram gram(double[] series, java.time.LocalDateTime[] times, Windows w) {
        double[][] x = featureRows(series, times, w);
        double[][] y = new double[w.count()][];
        for (int i = 0; i < y.length; i++) {
            y[i] = w.target(series, i);
            double off = features.offset(series, w.inputStart(i), w.lookBack());
            if (off != 0) {
                for (int k = 0; k < y[i].length; k++) {
                    y[i][k] -= off;
                }
            }
        }
        return Ridge.Gram.of(x, y);
    }

    private double[][] featureRows(double[] series, java.time.LocalDateTime[] times, Windows w) {
        if (w.count() == 0) {
            throw new IllegalArgumentException("no windows in rows [" + w.from() + ", " + w.to() + ") for look-back "
                    + w.lookBack() + " and horizon " + w.horizon());
        }
        int p = features.dimension(w.lookBack());
        double[][] x = new double[w.count()][p];
        for (int i = 0; i < x.length; i++) {
            features.features(series, times, w.inputStart(i), w.lookBack(), x[i]);
        }
        return x;
    }

    /** {@code 10^from, 10^(from + step), ..., 10^to}. */
    public static double[] grid(double from, double to, double step) {
        int n = (int) Math.round((to - from) / step) + 1;
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = Math.pow(10, from + i * step);
        }
        return g;
    }
}
