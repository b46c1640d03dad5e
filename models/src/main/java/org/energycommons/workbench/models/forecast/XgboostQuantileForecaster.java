package org.energycommons.workbench.models.forecast;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.energycommons.workbench.datasets.lake.LakeFiles;
import org.energycommons.workbench.models.artifact.PartitionScoring;
import org.energycommons.workbench.models.provenance.Json;
import org.energycommons.workbench.models.provenance.ModelProvenance;

/**
 * One XGBoost gradient-boosted tree model with quantile (pinball) loss at 10 %, 50 % and 90 % on the ratio of load
 * to level: the three quantiles are learned directly, in one fit, rather than calibrated. Trained on the driver
 * (the training set is substation-hours, not meter readings); predictions run on the executors.
 *
 * <p>By default a hybrid: a linear {@link DegreeHourPart} (hourly intercepts and heating degree-hour slopes) is
 * fitted first and the trees learn its residual, so that a cold spell below any training temperature still raises
 * the forecast (trees alone stay at their coldest leaf).
 *
 * <p>XGBoost's {@code reg:quantileerror} objective fits the three quantiles as three outputs of one booster, with
 * histogram split finding: several times less CPU than three exact-split ensembles (Smile's
 * {@code GradientTreeBoost}, which this model replaced; {@code docs/performance.md}). Its trees are the same for
 * any number of threads.
 */
public final class XgboostQuantileForecaster implements LoadForecaster {

    /** Type and model name. */
    public static final String TYPE = "gbt-xgboost-quantile";
    /** The type of the Smile model this one replaced: a saved one is refused with a way out. */
    static final String RETIRED_SMILE_TYPE = "gbt-smile-quantile";
    private static final String QUANTILES = "[0.1,0.5,0.9]";
    private static final String DEGREE_HOUR_PART = "degree_hour_part";
    private static final String MODEL_FILE = "xgboost-quantiles.ubj";
    private static final String FORMAT = "ubj";
    private static final float MISSING = Float.NaN;

    private final ModelProvenance provenance;
    private final byte[] booster;
    private final DegreeHourPart linear;

    XgboostQuantileForecaster(ModelProvenance provenance, byte[] booster, DegreeHourPart linear) {
        this.provenance = provenance;
        this.booster = booster;
        this.linear = linear;
    }

    /** Fits the hybrid on train rows: the degree-hour part, then the quantile model on its residual. */
    public static XgboostQuantileForecaster fit(Dataset<Row> train, TrainingContext ctx, ForecastOptions options) {
        return fit(train, ctx, options, true);
    }

    /**
     * Fits the quantile model on train rows, on the residual of a degree-hour part when {@code degreeHourPart}, on
     * the ratio itself otherwise (plain trees, kept to show what the linear part buys).
     */
    public static XgboostQuantileForecaster fit(Dataset<Row> train, TrainingContext ctx, ForecastOptions options,
                                                boolean degreeHourPart) {
        List<String> features = ctx.features();
        int width = features.size();
        List<Row> rows = train.selectExpr(columnsAsDouble(features, ctx.label())).collectAsList();
        double[][] inputs = new double[rows.size()][width];
        double[] y = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            for (int j = 0; j < width; j++) {
                inputs[i][j] = r.getDouble(j);
            }
            y[i] = r.getDouble(width);
        }
        rows = null; // the driver holds the rows once, not twice, while it fits
        DegreeHourPart linear = degreeHourPart ? DegreeHourPart.fit(inputs, y, features) : null;
        float[] labels = new float[y.length];
        for (int i = 0; i < y.length; i++) {
            labels[i] = (float) (linear == null ? y[i] : y[i] - linear.predict(inputs[i], features));
        }
        Map<String, Object> params = boosterParams(options);
        byte[] model;
        DMatrix data = matrix(inputs);
        try {
            data.setLabel(labels);
            Booster booster = XGBoost.train(data, params, options.xgbTrees(), new HashMap<>(), null, null);
            model = booster.toByteArray(FORMAT);
            booster.dispose();
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost could not fit the uc4 quantile model: " + e.getMessage(), e);
        } finally {
            data.dispose();
        }
        // The provenance publishes what shapes the trees; the thread count and the log level do not.
        Map<String, String> published = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (!k.equals("nthread") && !k.equals("verbosity")) {
                published.put(k, String.valueOf(v));
            }
        });
        published.put("num_boost_round", String.valueOf(options.xgbTrees()));
        if (linear != null) {
            published.put("degree_hour_part", "hourly intercept and heating slope + "
                    + String.join(" + ", linear.features()) + ", trees on its residual");
        }
        ModelProvenance provenance = ModelProvenance.create(ctx.useCase(), TYPE, "xgboost",
                "XGBoost (reg:quantileerror, one booster for P10, P50 and P90)", published, options.seed(),
                ctx.inputTables(), features, ctx.label(), ctx.split().describe(), ctx.trainingRows(),
                ctx.trainingFingerprint());
        return new XgboostQuantileForecaster(provenance, model, linear);
    }

    /** XGBoost's parameters for {@code options}, in a fixed order. */
    private static Map<String, Object> boosterParams(ForecastOptions options) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("objective", "reg:quantileerror");
        params.put("quantile_alpha", QUANTILES);
        params.put("tree_method", "hist");
        params.put("max_depth", options.xgbDepth());
        params.put("max_leaves", options.xgbMaxNodes());
        // Pinball loss has a unit hessian: a weight of 5 is 5 rows, as Smile's node size was.
        params.put("min_child_weight", 5);
        params.put("eta", options.xgbShrinkage());
        params.put("subsample", options.xgbSubsample());
        params.put("seed", options.seed());
        // The trees do not depend on the thread count (checked): use the cores the JVM has.
        params.put("nthread", Runtime.getRuntime().availableProcessors());
        params.put("verbosity", 1);
        return params;
    }

    private static DMatrix matrix(double[][] x) {
        int width = x.length == 0 ? 0 : x[0].length;
        float[] flat = new float[x.length * width];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < width; j++) {
                flat[i * width + j] = (float) x[i][j];
            }
        }
        try {
            return new DMatrix(flat, x.length, width, MISSING);
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost could not hold " + x.length + " rows: " + e.getMessage(), e);
        }
    }

    private static String[] columnsAsDouble(List<String> features, String label) {
        List<String> exprs = new ArrayList<>();
        for (String f : features) {
            exprs.add("CAST(" + f + " AS DOUBLE) AS " + f);
        }
        exprs.add("CAST(" + label + " AS DOUBLE) AS " + label);
        return exprs.toArray(String[]::new);
    }

    @Override
    public ModelProvenance provenance() {
        return provenance;
    }

    @Override
    public Dataset<Row> predict(Dataset<Row> features) {
        StructType in = features.schema();
        StructType out = in
                .add(ForecastColumns.P10, DataTypes.DoubleType, false)
                .add(ForecastColumns.P50, DataTypes.DoubleType, false)
                .add(ForecastColumns.P90, DataTypes.DoubleType, false);
        int[] featureIndex = provenance.features().stream().mapToInt(in::fieldIndex).toArray();
        int levelIndex = in.fieldIndex(ForecastColumns.LEVEL);
        byte[] model = booster;
        DegreeHourPart linearPart = linear;
        List<String> featureNames = provenance.features();
        return PartitionScoring.append(features, out, buffer -> {
            double[][] x = new double[buffer.size()][featureIndex.length];
            for (int i = 0; i < buffer.size(); i++) {
                Row r = buffer.get(i);
                for (int j = 0; j < featureIndex.length; j++) {
                    x[i][j] = ((Number) r.get(featureIndex[j])).doubleValue();
                }
            }
            float[][] ratios = predictRatios(model, x);
            Object[][] quantiles = new Object[buffer.size()][];
            for (int i = 0; i < buffer.size(); i++) {
                double level = buffer.get(i).getDouble(levelIndex);
                double base = linearPart == null ? 0 : linearPart.predict(x[i], featureNames);
                // The quantile outputs may cross: sorting restores P10 <= P50 <= P90.
                // A load is not negative, whatever the linear part says far outside its data.
                double[] q = {Math.max(0, base + ratios[i][0]) * level, Math.max(0, base + ratios[i][1]) * level,
                        Math.max(0, base + ratios[i][2]) * level};
                java.util.Arrays.sort(q);
                quantiles[i] = new Object[] {q[0], q[1], q[2]};
            }
            return quantiles;
        });
    }

    /** The three quantile outputs of each row, on one thread (Spark runs a task per core already). */
    private static float[][] predictRatios(byte[] model, double[][] x) {
        DMatrix data = matrix(x);
        Booster booster = null;
        try {
            booster = XGBoost.loadModel(model);
            booster.setParam("nthread", "1");
            return booster.predict(data);
        } catch (XGBoostError | java.io.IOException e) {
            throw new IllegalStateException("XGBoost could not score " + x.length + " rows: " + e.getMessage(), e);
        } finally {
            if (booster != null) {
                booster.dispose();
            }
            data.dispose();
        }
    }

    @Override
    public String intervalMethod() {
        return "quantile model: one boosted-tree ensemble fitted with pinball loss at 10%, 50% and 90%"
                + (linear == null ? "" : " on the residual of a linear heating degree-hour part");
    }

    @Override
    public void save(String dir, LakeFiles files) {
        files.writeBytes(dir + "/" + MODEL_FILE, booster);
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("quantiles", "0.1,0.5,0.9");
        settings.put("booster_format", "XGBoost " + FORMAT + " (Universal Binary JSON), " + MODEL_FILE);
        if (linear != null) {
            settings.put(DEGREE_HOUR_PART, linear.encode());
        }
        files.writeString(dir + "/" + ModelFile.NAME, Json.write(new ModelFile(TYPE, provenance, null, settings)));
    }

    static XgboostQuantileForecaster load(String dir, ModelFile file, LakeFiles files) {
        byte[] model = files.readBytes(dir + "/" + MODEL_FILE);
        try {
            XGBoost.loadModel(model).dispose(); // a damaged file fails here, not in a Spark task
        } catch (XGBoostError | java.io.IOException e) {
            throw new IllegalArgumentException("the XGBoost model at " + dir + "/" + MODEL_FILE
                    + " cannot be read: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        String linear = file.settings() == null ? null : file.settings().get(DEGREE_HOUR_PART);
        return new XgboostQuantileForecaster(file.provenance(), model,
                linear == null ? null : DegreeHourPart.decode(linear));
    }
}
