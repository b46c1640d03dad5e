package org.energycommons.workbench.models.uc6;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.energycommons.workbench.datasets.lake.LakeFiles;
import org.energycommons.workbench.models.provenance.Json;
import org.energycommons.workbench.models.provenance.ModelProvenance;

/**
 * The convex degree-day model of uc6: for each area and horizon, the demand as a convex, decreasing, piecewise
 * linear curve of an effective temperature whose thermal inertia is learnt.
 *
 * <p>Why this shape: an area's demand is the sum of many buildings' {@code base_b + slope_b·max(0, bp_b − Te)},
 * whose balance points {@code bp_b} are spread over several degrees. The sum is a non-negative combination of
 * hinges, so it is fitted as {@code demand = c₀ + Σ_k c_k·max(0, k − Te*)} with all {@code c ≥ 0} (non-negative
 * least squares, Lawson–Hanson) and one knot k per whole °C strictly inside the training range of {@code Te*}: the
 * single-hinge {@link DegreeDayModel} is the special case of one knot. The fit weighs each day by
 * {@code 1 / demand²}, so that it minimises squared relative errors, the error the MAPE measures: otherwise a few
 * winter days would set the curve and summer days, ten times smaller, would carry the misfit.
 *
 * <p>Why a learnt inertia: how fast a building stock follows the outdoor temperature is a property of the stock,
 * not of the feature table's smoothing. The effective temperature is
 * {@code Te* = w·T(D+h) + (1 − w)·[v·T(D+h−1) + (1 − v)·Te(D+h−1)]} from the forecast daily means of the target
 * day and the day before ({@code t_fc_c}, {@code t_fc_prev_c}) and the feature table's effective temperature of the
 * day before ({@code te_fc_prev_c}); {@code w = 0.6, v = 0} is the table's own {@code te_fc_c} (α = 0.6). The pair
 * (w, v) is chosen per area and horizon on a grid by the least weighted squared error on training rows.
 */
public final class ConvexDegreeDayModel extends CalibratedGasModel {

    /** Type and model name. */
    public static final String TYPE = "degree-day-convex";
    /** Weights of the target day's mean temperature searched, from 0.3 to 1 by 0.05. */
    static final double[] TARGET_DAY_WEIGHTS = grid(0.3, 1.0, 0.05);
    /** Shares of the day before's mean (against its effective temperature) searched, from 0 to 1 by 0.25. */
    static final double[] PREVIOUS_DAY_SHARES = grid(0.0, 1.0, 0.25);
    /** Fewest training rows of an area and horizon for a fit. */
    public static final int MIN_ROWS = 7;

    /**
     * One area-horizon fit.
     *
     * @param targetDayWeight w, weight of the target day's mean temperature
     * @param previousDayShare v, share of the day before's mean in the rest
     * @param knots hinge knots, °C, increasing
     * @param intercept c₀, demand above every knot, kWh/day (≥ 0)
     * @param slopes c_k, kWh/day/°C (≥ 0), one per knot
     */
    public record Fit(double targetDayWeight, double previousDayShare, double[] knots, double intercept,
                      double[] slopes) implements Serializable {

        public Fit {
            if (knots.length != slopes.length) {
                throw new IllegalArgumentException("one slope per knot: " + knots.length + " vs " + slopes.length);
            }
            knots = knots.clone();
            slopes = slopes.clone();
        }

        /** The effective temperature of a row's target day under this fit's inertia. */
        public double effectiveTemperature(double tFc, double tFcPrev, double teFcPrev) {
            return targetDayWeight * tFc
                    + (1 - targetDayWeight) * (previousDayShare * tFcPrev + (1 - previousDayShare) * teFcPrev);
        }

        /** The demand at an effective temperature, kWh/day. */
        public double predict(double te) {
            double y = intercept;
            for (int k = 0; k < knots.length; k++) {
                y += slopes[k] * Math.max(0, knots[k] - te);
            }
            return y;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Fit f && f.targetDayWeight == targetDayWeight
                    && f.previousDayShare == previousDayShare && Arrays.equals(f.knots, knots)
                    && f.intercept == intercept && Arrays.equals(f.slopes, slopes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(knots) * 31 + Arrays.hashCode(slopes);
        }
    }

    private final Map<String, Fit> fits;

    ConvexDegreeDayModel(ModelProvenance provenance, Map<String, Fit> fits, HorizonIntervals intervals) {
        super(provenance, intervals);
        this.fits = Map.copyOf(fits);
    }

    private static double[] grid(double from, double to, double step) {
        int n = (int) Math.round((to - from) / step) + 1;
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = Math.round((from + i * step) * 1e6) / 1e6;
        }
        return g;
    }

    /** Fits every area and horizon of the training rows; the provenance records the fit. */
    public static ConvexDegreeDayModel fit(List<GasRow> train, Uc6TrainingContext ctx) {
        Map<String, List<GasRow>> groups = new TreeMap<>();
        for (GasRow r : train) {
            groups.computeIfAbsent(DegreeDayModel.key(r.areaId(), r.horizon()), k -> new ArrayList<>()).add(r);
        }
        Map<String, Fit> fits = new LinkedHashMap<>();
        groups.forEach((k, rows) -> {
            if (rows.size() >= MIN_ROWS) {
                fits.put(k, fitOne(column(rows, "t_fc_c"), column(rows, "t_fc_prev_c"), column(rows, "te_fc_prev_c"),
                        rows.stream().mapToDouble(GasRow::actualKwh).toArray()));
            }
        });
        Map<String, String> params = new LinkedHashMap<>();
        params.put("curve", "c0 + sum_k c_k max(0, k - Te*), c >= 0, knots every 1 °C inside the training range");
        params.put("effective_temperature", "Te* = w t_fc_c + (1 - w)(v t_fc_prev_c + (1 - v) te_fc_prev_c)");
        params.put("w_grid", TARGET_DAY_WEIGHTS[0] + ".." + TARGET_DAY_WEIGHTS[TARGET_DAY_WEIGHTS.length - 1]
                + " step 0.05");
        params.put("v_grid", "0..1 step 0.25");
        params.put("weights", "1 / demand^2 (squared relative error)");
        params.put("fits", "one per area and horizon");
        ModelProvenance provenance = ModelProvenance.create(ctx.useCase(), TYPE, "baseline",
                "weighted non-negative least squares (Lawson-Hanson) on heating hinges, inertia by grid search",
                params, ctx.seed(), ctx.inputTables(), List.of("t_fc_c", "t_fc_prev_c", "te_fc_prev_c", "horizon",
                        "area_id"), Uc6Features.LABEL, ctx.split(), ctx.trainingRows(),
                ctx.trainingFingerprint());
        return new ConvexDegreeDayModel(provenance, fits, null);
    }

    private static double[] column(List<GasRow> rows, String feature) {
        int j = Uc6Features.FEATURES.indexOf(feature);
        return rows.stream().mapToDouble(r -> r.features()[j]).toArray();
    }

    /**
     * The best fit over the inertia grid of one area and horizon.
     *
     * @param tFc forecast mean temperature of the target day per row
     * @param tFcPrev forecast (or observed) mean temperature of the day before the target per row
     * @param teFcPrev effective temperature of the day before the target per row
     * @param y demand per row, kWh/day (rows with a demand ≤ 0 are left out: they have no relative error)
     * @throws IllegalArgumentException if the arrays differ in length or no row has a positive demand
     */
    public static Fit fitOne(double[] tFc, double[] tFcPrev, double[] teFcPrev, double[] y) {
        if (tFc.length != y.length || tFcPrev.length != y.length || teFcPrev.length != y.length) {
            throw new IllegalArgumentException("convex degree-day fit needs one temperature triple per demand");
        }
        double scale = Arrays.stream(y).filter(v -> v > 0).average()
                .orElseThrow(() -> new IllegalArgumentException("convex degree-day fit needs a positive demand"));
        Fit best = null;
        double bestLoss = Double.POSITIVE_INFINITY;
        double[] te = new double[y.length];
        for (double w : TARGET_DAY_WEIGHTS) {
            for (double v : PREVIOUS_DAY_SHARES) {
                if (w == 1.0 && v > 0) {
                    continue;
                }
                Fit shape = new Fit(w, v, new double[0], 0, new double[0]);
                for (int i = 0; i < y.length; i++) {
                    te[i] = shape.effectiveTemperature(tFc[i], tFcPrev[i], teFcPrev[i]);
                }
                Fit candidate = fitCurve(w, v, te, y, scale);
                double loss = relativeLoss(candidate, te, y);
                // Ties keep the first pair of the grid, for reproducible fits.
                if (Double.isFinite(loss) && (best == null || loss < bestLoss - 1e-12 * bestLoss)) {
                    best = candidate;
                    bestLoss = loss;
                }
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("convex degree-day fit failed: no finite loss on the inertia grid");
        }
        return best;
    }

    /** The weighted NNLS curve on given effective temperatures, knots every whole °C inside their range. */
    static Fit fitCurve(double w, double v, double[] te, double[] y, double scale) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < te.length; i++) {
            if (y[i] > 0) {
                lo = Math.min(lo, te[i]);
                hi = Math.max(hi, te[i]);
            }
        }
        List<Double> knotList = new ArrayList<>();
        for (double k = Math.floor(lo) + 1; k < hi; k += 1.0) {
            knotList.add(k);
        }
        double[] knots = knotList.stream().mapToDouble(Double::doubleValue).toArray();
        int p = knots.length + 1;
        // Normal equations of the relative errors: row i of the design is x_i / y_i, its target y_i / y_i = 1;
        // demands are divided by their mean first so that the system is well scaled.
        double[][] gram = new double[p][p];
        double[] rhs = new double[p];
        double[] x = new double[p];
        for (int i = 0; i < te.length; i++) {
            if (!(y[i] > 0)) {
                continue;
            }
            double yi = y[i] / scale;
            x[0] = 1 / yi;
            for (int k = 0; k < knots.length; k++) {
                x[k + 1] = Math.max(0, knots[k] - te[i]) / yi;
            }
            for (int a = 0; a < p; a++) {
                rhs[a] += x[a];
                for (int b = a; b < p; b++) {
                    gram[a][b] += x[a] * x[b];
                }
            }
        }
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < a; b++) {
                gram[a][b] = gram[b][a];
            }
        }
        double[] c = Nnls.solve(gram, rhs);
        double[] slopes = new double[knots.length];
        for (int k = 0; k < knots.length; k++) {
            slopes[k] = c[k + 1] * scale;
        }
        return new Fit(w, v, knots, c[0] * scale, slopes);
    }

    private static double relativeLoss(Fit f, double[] te, double[] y) {
        double s = 0;
        for (int i = 0; i < te.length; i++) {
            if (y[i] > 0) {
                double e = (y[i] - f.predict(te[i])) / y[i];
                s += e * e;
            }
        }
        return s;
    }

    /** The fits by {@code area|horizon}. */
    public Map<String, Fit> fits() {
        return fits;
    }

    @Override
    public ConvexDegreeDayModel withIntervals(HorizonIntervals intervals) {
        return new ConvexDegreeDayModel(provenance(), fits, intervals);
    }

    @Override
    public GasScorer scorer() {
        Map<String, Fit> own = new LinkedHashMap<>(fits);
        int tFc = Uc6Features.FEATURES.indexOf("t_fc_c");
        int tFcPrev = Uc6Features.FEATURES.indexOf("t_fc_prev_c");
        int teFcPrev = Uc6Features.FEATURES.indexOf("te_fc_prev_c");
        return rows -> {
            double[] out = new double[rows.size()];
            for (int i = 0; i < out.length; i++) {
                GasRow r = rows.get(i);
                Fit f = own.get(DegreeDayModel.key(r.areaId(), r.horizon()));
                double[] x = r.features();
                out[i] = f == null ? Double.NaN
                        : Math.max(0, f.predict(f.effectiveTemperature(x[tFc], x[tFcPrev], x[teFcPrev])));
            }
            return out;
        };
    }

    @Override
    public Method method() {
        return new Method("courbe convexe des degrés-jours (somme de charnières à pentes positives, un nœud par "
                + "°C), pondérée en erreur relative, inertie thermique apprise, par zone et horizon",
                "convex degree-day curve (non-negative hinges every 1 °C) fitted on relative errors with a learnt "
                + "thermal inertia, per area and horizon");
    }

    @Override
    public void save(String dir, LakeFiles files) {
        Map<String, String> settings = new TreeMap<>();
        fits.forEach((k, f) -> settings.put(k, String.format(Locale.ROOT, "%.17g;%.17g;%.17g;%s;%s",
                f.targetDayWeight(), f.previousDayShare(), f.intercept(), joined(f.knots()), joined(f.slopes()))));
        files.writeString(dir + "/" + Uc6ModelFile.NAME, Json.write(new Uc6ModelFile(TYPE, provenance(), intervals(),
                settings)));
    }

    private static String joined(double[] values) {
        return Arrays.stream(values).mapToObj(v -> String.format(Locale.ROOT, "%.17g", v))
                .collect(Collectors.joining(","));
    }

    private static double[] parsed(String values) {
        return values.isEmpty() ? new double[0]
                : Arrays.stream(values.split(",")).mapToDouble(Double::parseDouble).toArray();
    }

    static ConvexDegreeDayModel load(Uc6ModelFile file) {
        Map<String, Fit> fits = new LinkedHashMap<>();
        file.settings().forEach((k, v) -> {
            String[] p = v.split(";", -1);
            fits.put(k, new Fit(Double.parseDouble(p[0]), Double.parseDouble(p[1]), parsed(p[3]),
                    Double.parseDouble(p[2]), parsed(p[4])));
        });
        return new ConvexDegreeDayModel(file.provenance(), fits, file.intervals());
    }
}
