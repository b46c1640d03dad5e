package org.energycommons.workbench.models.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.energycommons.workbench.datasets.lake.LakeFiles;
import org.energycommons.workbench.models.artifact.PartitionScoring;
import org.energycommons.workbench.models.artifact.SerializedModels;
import org.energycommons.workbench.models.provenance.Json;
import org.energycommons.workbench.models.provenance.ModelProvenance;
import smile.base.cart.Loss;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.regression.GradientTreeBoost;

/**
 * Three Smile gradient tree boosting models with quantile (pinball) loss at 10%, 50% and 90% on the ratio of
 * load to level: the P10/P50/P90 are learned directly rather than calibrated. Trained on the driver (the
 * training set is substation-hours, not meter readings); predictions run on the executors.
 *
 * <p>By default a hybrid: a linear {@link DegreeHourPart} (hourly intercepts and heating degree-hour slopes) is
 * fitted first and the trees learn its residual, so that a cold spell below any training temperature still raises
 * the forecast (trees alone stay at their coldest leaf).
 */
public final class SmileQuantileGbtForecaster implements LoadForecaster {

    /** Type and model name. */
    public static final String TYPE = "gbt-smile-quantile";
    private static final double[] QUANTILES = {0.1, 0.5, 0.9};
    private static final String DEGREE_HOUR_PART = "degree_hour_part";

    private final ModelProvenance provenance;
    private final GradientTreeBoost[] models;
    private final DegreeHourPart linear;

    SmileQuantileGbtForecaster(ModelProvenance provenance, GradientTreeBoost[] models, DegreeHourPart linear) {
        this.provenance = provenance;
        this.models = models;
        this.linear = linear;
    }

    /** Fits the hybrid on train rows: the degree-hour part, then the three quantile models on its residual. */
    public static SmileQuantileGbtForecaster fit(Dataset<Row> train, TrainingContext ctx, ForecastOptions options) {
        return fit(train, ctx, options, true);
    }

    /**
     * Fits the three quantile models on train rows, on the residual of a degree-hour part when
     * {@code degreeHourPart}, on the ratio itself otherwise (plain trees, kept to show what the linear part buys).
     */
    public static SmileQuantileGbtForecaster fit(Dataset<Row> train, TrainingContext ctx, ForecastOptions options,
                                                 boolean degreeHourPart) {
        List<String> features = ctx.features();
        List<Row> rows = train.selectExpr(columnsAsDouble(features, ctx.label())).collectAsList();
        double[][] x = new double[rows.size()][features.size() + 1];
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            for (int j = 0; j <= features.size(); j++) {
                x[i][j] = r.getDouble(j);
            }
        }
        DegreeHourPart linear = null;
        if (degreeHourPart) {
            double[][] inputs = new double[x.length][];
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                inputs[i] = Arrays.copyOf(x[i], features.size());
                y[i] = x[i][features.size()];
            }
            linear = DegreeHourPart.fit(inputs, y, features);
            for (int i = 0; i < x.length; i++) {
                x[i][features.size()] = y[i] - linear.predict(inputs[i], features);
            }
        }
        String[] names = names(features, ctx.label());
        DataFrame data = DataFrame.of(x, names);
        Formula formula = Formula.lhs(ctx.label());
        GradientTreeBoost[] models = new GradientTreeBoost[QUANTILES.length];
        // Smile draws its subsamples from a global generator: seed it for reproducible trees.
        smile.math.MathEx.setSeed(options.seed());
        SmileBoosting boosting = new SmileBoosting(options.smileTrees(), options.smileDepth(),
                options.smileMaxNodes(), 5, options.smileShrinkage(), options.smileSubsample());
        for (int q = 0; q < QUANTILES.length; q++) {
            models[q] = boosting.fit(formula, data, Loss.quantile(QUANTILES[q]));
        }
        Map<String, String> params = boosting.params(linear == null ? Map.of("loss", "quantile(0.1|0.5|0.9)")
                : Map.of("loss", "quantile(0.1|0.5|0.9)", "degree_hour_part", "hourly intercept and heating slope + "
                        + String.join(" + ", linear.features()) + ", trees on its residual"));
        ModelProvenance provenance = ModelProvenance.create(ctx.useCase(), TYPE, "smile",
                "GradientTreeBoost (quantile loss)", params, options.seed(), ctx.inputTables(), features,
                ctx.label(), ctx.split().describe(), ctx.trainingRows(), ctx.trainingFingerprint());
        return new SmileQuantileGbtForecaster(provenance, models, linear);
    }

    private static String[] columnsAsDouble(List<String> features, String label) {
        List<String> exprs = new ArrayList<>();
        for (String f : features) {
            exprs.add("CAST(" + f + " AS DOUBLE) AS " + f);
        }
        exprs.add(label == null ? "0.0 AS label" : "CAST(" + label + " AS DOUBLE) AS " + label);
        return exprs.toArray(String[]::new);
    }

    private static String[] names(List<String> features, String label) {
        String[] names = Arrays.copyOf(features.toArray(String[]::new), features.size() + 1);
        names[features.size()] = label;
        return names;
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
        String[] names = names(provenance.features(), provenance.label());
        GradientTreeBoost[] quantileModels = models;
        DegreeHourPart linearPart = linear;
        List<String> featureNames = provenance.features();
        return PartitionScoring.append(features, out, buffer -> {
            double[][] x = new double[buffer.size()][featureIndex.length + 1];
            for (int i = 0; i < buffer.size(); i++) {
                Row r = buffer.get(i);
                for (int j = 0; j < featureIndex.length; j++) {
                    x[i][j] = ((Number) r.get(featureIndex[j])).doubleValue();
                }
            }
            DataFrame frame = DataFrame.of(x, names);
            double[][] ratios = new double[quantileModels.length][];
            for (int q = 0; q < quantileModels.length; q++) {
                ratios[q] = quantileModels[q].predict(frame);
            }
            Object[][] quantiles = new Object[buffer.size()][];
            for (int i = 0; i < buffer.size(); i++) {
                double level = buffer.get(i).getDouble(levelIndex);
                double base = linearPart == null ? 0 : linearPart.predict(x[i], featureNames);
                // Separately fitted quantiles may cross: sorting restores P10 <= P50 <= P90.
                // A load is not negative, whatever the linear part says far outside its data.
                double[] q = {Math.max(0, base + ratios[0][i]) * level, Math.max(0, base + ratios[1][i]) * level,
                        Math.max(0, base + ratios[2][i]) * level};
                Arrays.sort(q);
                quantiles[i] = new Object[] {q[0], q[1], q[2]};
            }
            return quantiles;
        });
    }

    @Override
    public String intervalMethod() {
        return "quantile models: three boosted-tree ensembles fitted with pinball loss at 10%, 50% and 90%"
                + (linear == null ? "" : " on the residual of a linear heating degree-hour part");
    }

    @Override
    public void save(String dir, LakeFiles files) {
        for (int q = 0; q < models.length; q++) {
            SerializedModels.save(models[q], dir + "/" + fileName(q), files, "Smile model");
        }
        Map<String, String> settings = new java.util.LinkedHashMap<>();
        settings.put("quantiles", "0.1,0.5,0.9");
        if (linear != null) {
            settings.put(DEGREE_HOUR_PART, linear.encode());
        }
        files.writeString(dir + "/" + ModelFile.NAME, Json.write(new ModelFile(TYPE, provenance, null, settings)));
    }

    private static String fileName(int q) {
        return "smile-q" + Math.round(QUANTILES[q] * 100) + ".ser";
    }

    static SmileQuantileGbtForecaster load(String dir, ModelFile file, LakeFiles files) {
        GradientTreeBoost[] models = new GradientTreeBoost[QUANTILES.length];
        for (int q = 0; q < QUANTILES.length; q++) {
            models[q] = SerializedModels.load(dir + "/" + fileName(q), files, GradientTreeBoost.class, "Smile model");
        }
        String linear = file.settings() == null ? null : file.settings().get(DEGREE_HOUR_PART);
        return new SmileQuantileGbtForecaster(file.provenance(), models,
                linear == null ? null : DegreeHourPart.decode(linear));
    }

}
