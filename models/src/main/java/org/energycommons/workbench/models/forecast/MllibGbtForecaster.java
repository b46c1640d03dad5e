package org.energycommons.workbench.models.forecast;

import static org.apache.spark.sql.functions.col;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.regression.GBTRegressor;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.energycommons.workbench.datasets.lake.LakeFiles;
import org.energycommons.workbench.models.provenance.Json;
import org.energycommons.workbench.models.provenance.ModelProvenance;

/**
 * Spark MLlib gradient-boosted trees on the ratio of load to level, trained distributed; P50 is the predicted
 * ratio times the level, P10/P90 are calibrated residual intervals from validation rows.
 */
public final class MllibGbtForecaster implements LoadForecaster {

    /** Type and model name. */
    public static final String TYPE = "gbt-mllib";
    private static final String PIPELINE = "pipeline";

    private final ModelProvenance provenance;
    private final PipelineModel model;
    private final ResidualIntervals intervals;

    MllibGbtForecaster(ModelProvenance provenance, PipelineModel model, ResidualIntervals intervals) {
        this.provenance = provenance;
        this.model = model;
        this.intervals = intervals;
    }

    /** Fits on train rows and calibrates intervals on validation rows. */
    public static MllibGbtForecaster fit(Dataset<Row> train, Dataset<Row> validation, TrainingContext ctx,
                                         ForecastOptions options) {
        VectorAssembler assembler = new VectorAssembler()
                .setInputCols(ctx.features().toArray(String[]::new))
                .setOutputCol("features_vector");
        GBTRegressor gbt = new GBTRegressor()
                .setFeaturesCol("features_vector")
                .setLabelCol(ctx.label())
                .setPredictionCol("predicted_ratio")
                .setMaxIter(options.gbtIterations())
                .setMaxDepth(options.gbtDepth())
                .setStepSize(options.gbtStepSize())
                .setSubsamplingRate(0.8)
                .setMaxBins(64)
                .setSeed(options.seed());
        PipelineModel model = new Pipeline().setStages(new PipelineStage[] {assembler, gbt}).fit(train);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("maxIter", String.valueOf(options.gbtIterations()));
        params.put("maxDepth", String.valueOf(options.gbtDepth()));
        params.put("stepSize", String.valueOf(options.gbtStepSize()));
        params.put("subsamplingRate", "0.8");
        params.put("maxBins", "64");
        params.put("lossType", "squared");
        ModelProvenance provenance = ModelProvenance.create(ctx.useCase(), TYPE, "spark-mllib", "GBTRegressor",
                params, options.seed(), ctx.inputTables(), ctx.features(), ctx.label(), ctx.split().describe(),
                ctx.trainingRows(), ctx.trainingFingerprint());
        ResidualIntervals intervals = ResidualIntervals.calibrate(pointForecast(model, validation));
        return new MllibGbtForecaster(provenance, model, intervals);
    }

    private static Dataset<Row> pointForecast(PipelineModel model, Dataset<Row> features) {
        return model.transform(features)
                .withColumn(ForecastColumns.P50, col("predicted_ratio").multiply(col(ForecastColumns.LEVEL)))
                .drop("features_vector", "predicted_ratio");
    }

    @Override
    public ModelProvenance provenance() {
        return provenance;
    }

    @Override
    public Dataset<Row> predict(Dataset<Row> features) {
        return intervals.apply(pointForecast(model, features));
    }

    @Override
    public String intervalMethod() {
        return "calibrated residual interval: 10% and 90% quantiles of log(actual/P50) on validation";
    }

    /** Feature importances of the boosted trees, by feature name. */
    public Map<String, Double> featureImportances() {
        org.apache.spark.ml.regression.GBTRegressionModel gbt =
                (org.apache.spark.ml.regression.GBTRegressionModel) model.stages()[1];
        double[] importances = gbt.featureImportances().toArray();
        Map<String, Double> m = new LinkedHashMap<>();
        List<String> features = provenance.features();
        for (int i = 0; i < features.size(); i++) {
            m.put(features.get(i), importances[i]);
        }
        return m;
    }

    @Override
    public void save(String dir, LakeFiles files) {
        try {
            model.write().overwrite().save(dir + "/" + PIPELINE);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot save MLlib model to " + dir + ": " + e.getMessage(), e);
        }
        files.writeString(dir + "/" + ModelFile.NAME, Json.write(new ModelFile(TYPE, provenance, intervals, Map.of())));
    }

    static MllibGbtForecaster load(String dir, ModelFile file) {
        return new MllibGbtForecaster(file.provenance(), PipelineModel.load(dir + "/" + PIPELINE), file.intervals());
    }
}
