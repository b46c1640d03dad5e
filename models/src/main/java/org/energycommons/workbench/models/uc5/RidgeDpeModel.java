package org.energycommons.workbench.models.uc5;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.energycommons.workbench.datasets.building.DpeThresholds;
import org.energycommons.workbench.datasets.lake.LakeFiles;
import org.energycommons.workbench.models.mv.Ols;
import org.energycommons.workbench.models.provenance.Json;
import org.energycommons.workbench.models.provenance.ModelProvenance;
import org.energycommons.workbench.models.usecase.UseCases;

/**
 * Ridge regressions of a dwelling's primary energy and GHG intensities on its {@link Uc5Features}, read with the
 * official double threshold ({@value #RIDGE_INTENSITY}).
 *
 * <p>Why a linear model next to the trees: a certificate's intensities are, to first order, sums of the metered
 * and conventional parts the features carry (heating = metered use above the base, plus the off-peak water heater,
 * or the conventional estimate when no meter sees the heating), and the *passoires* F and G are the extremes of
 * those sums. Trees fitted on a few dozen certificates average the extremes away; a linear model extrapolates to
 * them. Features are standardised on the training rows (a constant feature gets no coefficient), and the penalty
 * is chosen per intensity among {@link #LAMBDAS} by the exact leave-one-out error of ridge regression
 * ({@code e_i / (1 - h_ii)}), so no held-out certificate is spent on it.
 *
 * <p>Scoring is a Spark column expression (no model shipped to the executors), and the saved model is its
 * coefficients in {@code model.json}, readable as they are. Solved by hand with {@link Ols#invert} (a 30-unknown
 * system): Smile's ridge regression needs a native BLAS this workbench does not ship.
 */
public final class RidgeDpeModel implements DpeModel {

    /** Ridge regressions of the intensities. */
    public static final String RIDGE_INTENSITY = "ridge-intensity";
    /** The one type. */
    public static final List<String> TYPES = List.of(RIDGE_INTENSITY);
    /** Penalties tried on standardised features, the smallest leave-one-out error wins. */
    public static final List<Double> LAMBDAS = List.of(0.3, 1.0, 3.0, 10.0, 30.0, 100.0);

    private final ModelProvenance provenance;
    private final Fit pe;
    private final Fit ghg;

    private RidgeDpeModel(ModelProvenance provenance, Fit pe, Fit ghg) {
        this.provenance = provenance;
        this.pe = pe;
        this.ghg = ghg;
    }

    /**
     * One fitted ridge regression: {@code y = intercept + Σ coefficient_j × (x_j − mean_j) / scale_j} over the
     * features of {@link Uc5Features#FEATURES} (a coefficient of 0 for a constant feature).
     */
    record Fit(double intercept, double[] mean, double[] scale, double[] coefficient, double lambda,
               double looRmse) {

        double predict(double[] x) {
            double y = intercept;
            for (int j = 0; j < x.length; j++) {
                if (scale[j] > 0) {
                    y += coefficient[j] * (x[j] - mean[j]) / scale[j];
                }
            }
            return y;
        }

        Column column(List<String> names) {
            Column y = lit(intercept);
            for (int j = 0; j < names.size(); j++) {
                if (scale[j] > 0 && coefficient[j] != 0) {
                    y = y.plus(coalesce(col(names.get(j)).cast("double"), lit(0.0)).minus(mean[j])
                            .multiply(coefficient[j] / scale[j]));
                }
            }
            return y;
        }

        Map<String, String> settings(String prefix, List<String> names) {
            Map<String, String> s = new LinkedHashMap<>();
            s.put(prefix + ".intercept", Double.toString(intercept));
            s.put(prefix + ".lambda", Double.toString(lambda));
            s.put(prefix + ".loo_rmse", Double.toString(looRmse));
            for (int j = 0; j < names.size(); j++) {
                s.put(prefix + "." + names.get(j), mean[j] + " " + scale[j] + " " + coefficient[j]);
            }
            return s;
        }

        static Fit of(Map<String, String> settings, String prefix, List<String> names) {
            double[] mean = new double[names.size()];
            double[] scale = new double[names.size()];
            double[] coefficient = new double[names.size()];
            for (int j = 0; j < names.size(); j++) {
                String v = settings.get(prefix + "." + names.get(j));
                if (v == null) {
                    throw new IllegalArgumentException("ridge model: no coefficient for feature '" + names.get(j)
                            + "' (saved with other features?)");
                }
                String[] parts = v.trim().split(" ");
                mean[j] = Double.parseDouble(parts[0]);
                scale[j] = Double.parseDouble(parts[1]);
                coefficient[j] = Double.parseDouble(parts[2]);
            }
            return new Fit(Double.parseDouble(settings.get(prefix + ".intercept")), mean, scale, coefficient,
                    Double.parseDouble(settings.get(prefix + ".lambda")),
                    Double.parseDouble(settings.get(prefix + ".loo_rmse")));
        }
    }

    /** Fits both intensities on the training set (class-weighted rows, as the other intensity models). */
    public static RidgeDpeModel fit(DpeTrainingSet training, Uc5Options options) {
        Fit pe = fit(training.x(), training.primaryEnergy(), training.weight());
        Fit ghg = fit(training.x(), training.ghg(), training.weight());
        Map<String, String> params = new LinkedHashMap<>();
        params.put("lambdas", LAMBDAS.toString());
        params.put("pe.lambda", Double.toString(pe.lambda()));
        params.put("ghg.lambda", Double.toString(ghg.lambda()));
        params.put("classBalance", options.classBalance());
        ModelProvenance provenance = ModelProvenance.create(UseCases.UC5.id(), RIDGE_INTENSITY, "workbench",
                "ridge regression of primary energy and GHG (standardised features, penalty by leave-one-out)",
                params, options.seed(), training.inputTables(), Uc5Features.FEATURES,
                "certificate_pe_kwh_m2,certificate_ghg_kg_m2", training.split(), training.size(),
                training.fingerprint());
        return new RidgeDpeModel(provenance, pe, ghg);
    }

    /** The ridge fit with the penalty of least leave-one-out error; rows weighted by {@code weight}. */
    static Fit fit(double[][] x, double[] y, double[] weight) {
        int n = x.length;
        int p = n == 0 ? 0 : x[0].length;
        if (n < 3) {
            throw new IllegalArgumentException("ridge model: " + n + " training rows, need at least 3");
        }
        double totalWeight = 0;
        double yMean = 0;
        double[] mean = new double[p];
        for (int i = 0; i < n; i++) {
            totalWeight += weight[i];
            yMean += weight[i] * y[i];
            for (int j = 0; j < p; j++) {
                mean[j] += weight[i] * x[i][j];
            }
        }
        yMean /= totalWeight;
        double[] scale = new double[p];
        for (int j = 0; j < p; j++) {
            mean[j] /= totalWeight;
            double v = 0;
            for (int i = 0; i < n; i++) {
                v += weight[i] * (x[i][j] - mean[j]) * (x[i][j] - mean[j]);
            }
            double sd = Math.sqrt(v / totalWeight);
            scale[j] = sd > 1e-12 * Math.max(1.0, Math.abs(mean[j])) ? sd : 0.0;
        }
        double[][] z = new double[n][p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                z[i][j] = scale[j] > 0 ? (x[i][j] - mean[j]) / scale[j] : 0.0;
            }
        }
        // Weighted Gram matrix and right-hand side, once; each penalty only changes the diagonal.
        double[][] gram = new double[p][p];
        double[] rhs = new double[p];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < p; a++) {
                if (z[i][a] == 0) {
                    continue;
                }
                rhs[a] += weight[i] * z[i][a] * (y[i] - yMean);
                for (int b = 0; b < p; b++) {
                    gram[a][b] += weight[i] * z[i][a] * z[i][b];
                }
            }
        }
        Fit best = null;
        for (double lambda : LAMBDAS) {
            double[][] a = new double[p][];
            for (int j = 0; j < p; j++) {
                a[j] = gram[j].clone();
                // A constant feature has a zero row: the unit diagonal keeps the system solvable, its coefficient 0.
                a[j][j] += scale[j] > 0 ? lambda : 1.0;
            }
            double[][] inverse = Ols.invert(a);
            double[] beta = new double[p];
            for (int r = 0; r < p; r++) {
                for (int c = 0; c < p; c++) {
                    beta[r] += inverse[r][c] * rhs[c];
                }
            }
            // Leave-one-out residual of a linear smoother: e_i / (1 - h_ii), h_ii = w_i z_i' A⁻¹ z_i + w_i / Σw
            // (the intercept is the weighted mean).
            double press = 0;
            for (int i = 0; i < n; i++) {
                double fitted = yMean;
                double h = weight[i] / totalWeight;
                for (int r = 0; r < p; r++) {
                    fitted += beta[r] * z[i][r];
                    double s = 0;
                    for (int c = 0; c < p; c++) {
                        s += inverse[r][c] * z[i][c];
                    }
                    h += weight[i] * z[i][r] * s;
                }
                double e = (y[i] - fitted) / Math.max(1e-6, 1 - h);
                press += weight[i] * e * e;
            }
            double looRmse = Math.sqrt(press / totalWeight);
            if (best == null || looRmse < best.looRmse()) {
                best = new Fit(yMean, mean, scale, beta, lambda, looRmse);
            }
        }
        return best;
    }

    @Override
    public ModelProvenance provenance() {
        return provenance;
    }

    @Override
    public String approach() {
        return REGRESSION;
    }

    @Override
    public Dataset<Row> predict(Dataset<Row> features) {
        Column predictedPe = greatest(lit(0.0), pe.column(Uc5Features.FEATURES));
        Column predictedGhg = greatest(lit(0.0), ghg.column(Uc5Features.FEATURES));
        return features
                .withColumn(PREDICTED_PE, predictedPe)
                .withColumn(PREDICTED_GHG, predictedGhg)
                .withColumn(PREDICTED_CLASS, DpeThresholds.officialClass(col(PREDICTED_PE), col(PREDICTED_GHG),
                        col("surface_m2"), col("reference_date")))
                .select(selectOrder(features));
    }

    /** The input columns, then the class, primary energy and GHG (the order of the other uc5 models). */
    private static Column[] selectOrder(Dataset<Row> features) {
        List<Column> columns = new ArrayList<>();
        for (String c : features.columns()) {
            columns.add(col(c));
        }
        columns.add(col(PREDICTED_CLASS));
        columns.add(col(PREDICTED_PE));
        columns.add(col(PREDICTED_GHG));
        return columns.toArray(Column[]::new);
    }

    /** The predicted primary energy of one feature vector, {@link Uc5Features#FEATURES} order (tests). */
    double predictPe(double[] x) {
        return Math.max(0.0, pe.predict(x));
    }

    @Override
    public void save(String dir, LakeFiles files) {
        Map<String, String> settings = new LinkedHashMap<>(pe.settings("pe", Uc5Features.FEATURES));
        settings.putAll(ghg.settings("ghg", Uc5Features.FEATURES));
        files.writeString(dir + "/" + DpeModelFile.NAME, Json.write(new DpeModelFile(RIDGE_INTENSITY, approach(),
                provenance, settings)));
    }

    static RidgeDpeModel load(DpeModelFile file) {
        List<String> names = file.provenance().features() == null ? Uc5Features.FEATURES
                : file.provenance().features();
        if (!names.equals(Uc5Features.FEATURES)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "ridge model: saved on %d features, this workbench has %d; retrain uc5", names.size(),
                    Uc5Features.FEATURES.size()));
        }
        return new RidgeDpeModel(file.provenance(), Fit.of(file.settings(), "pe", names),
                Fit.of(file.settings(), "ghg", names));
    }
}
