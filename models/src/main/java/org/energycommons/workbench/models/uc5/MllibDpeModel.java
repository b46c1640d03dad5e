package org.energycommons.workbench.models.uc5;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.energycommons.workbench.datasets.FewAtOnce;
import org.energycommons.workbench.models.usecase.UseCases;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.classification.RandomForestClassifier;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.regression.GBTRegressor;
import org.apache.spark.ml.regression.RandomForestRegressor;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.energycommons.workbench.datasets.building.DpeThresholds;
import org.energycommons.workbench.datasets.lake.LakeFiles;
import org.energycommons.workbench.models.provenance.Json;
import org.energycommons.workbench.models.provenance.ModelProvenance;

/**
 * Spark MLlib models of uc5, trained distributed: a random-forest classifier of the certificate class with class
 * weights ({@value #RF_CLASS}), and random-forest ({@value #RF_INTENSITY}) or gradient-boosted-tree
 * ({@value #GBT_INTENSITY}) regressors of primary energy and GHG intensity, weighted likewise, whose predictions
 * are read with the official double threshold. (MLlib's GBT classifier is binary only, hence no GBT class model.)
 */
public final class MllibDpeModel implements DpeModel {

    /** Random-forest classifier of the class. */
    public static final String RF_CLASS = "rf-mllib-class";
    /** Random-forest regressors of the intensities. */
    public static final String RF_INTENSITY = "rf-mllib-intensity";
    /** Gradient-boosted-tree regressors of the intensities. */
    public static final String GBT_INTENSITY = "gbt-mllib-intensity";
    /** The three types. */
    public static final List<String> TYPES = List.of(RF_CLASS, RF_INTENSITY, GBT_INTENSITY);

    private static final String CLASS_PIPELINE = "pipeline-class";
    private static final String PE_PIPELINE = "pipeline-pe";
    private static final String GHG_PIPELINE = "pipeline-ghg";

    private final String type;
    private final ModelProvenance provenance;
    private final PipelineModel classModel;
    private final PipelineModel peModel;
    private final PipelineModel ghgModel;

    private MllibDpeModel(String type, ModelProvenance provenance, PipelineModel classModel, PipelineModel peModel,
                          PipelineModel ghgModel) {
        this.type = type;
        this.provenance = provenance;
        this.classModel = classModel;
        this.peModel = peModel;
        this.ghgModel = ghgModel;
    }

    /** Fits a model of the given type on the training set. */
    public static MllibDpeModel fit(String type, DpeTrainingSet training, Uc5Options options) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("classBalance", options.classBalance());
        params.put("maxClassWeight", String.valueOf(options.maxClassWeight()));
        String algorithm;
        PipelineModel cls = null;
        PipelineModel pe = null;
        PipelineModel ghg = null;
        Dataset<Row> rows = training.rows();
        switch (type) {
            case RF_CLASS -> {
                algorithm = "RandomForestClassifier";
                params.put("numTrees", String.valueOf(options.rfTrees()));
                params.put("maxDepth", String.valueOf(options.rfDepth()));
                RandomForestClassifier rf = new RandomForestClassifier()
                        .setFeaturesCol("features_class")
                        .setLabelCol(DpeTrainingSet.CLASS_INDEX)
                        .setWeightCol(DpeTrainingSet.CLASS_WEIGHT)
                        .setPredictionCol("class_prediction")
                        .setRawPredictionCol("class_raw")
                        .setProbabilityCol("class_probability")
                        .setNumTrees(options.rfTrees())
                        .setMaxDepth(options.rfDepth())
                        .setSeed(options.seed());
                cls = pipeline("features_class", rf).fit(rows);
            }
            case RF_INTENSITY -> {
                algorithm = "RandomForestRegressor (primary energy, GHG)";
                params.put("numTrees", String.valueOf(options.rfTrees()));
                params.put("maxDepth", String.valueOf(options.rfDepth()));
                List<PipelineModel> fitted = bothTargets(rows, (features, label, prediction) ->
                        rfRegressor(features, label, prediction, options));
                pe = fitted.get(0);
                ghg = fitted.get(1);
            }
            case GBT_INTENSITY -> {
                algorithm = "GBTRegressor (primary energy, GHG)";
                params.put("maxIter", String.valueOf(options.gbtIterations()));
                params.put("maxDepth", String.valueOf(options.gbtDepth()));
                params.put("stepSize", String.valueOf(options.gbtStepSize()));
                params.put("subsamplingRate", "0.8");
                List<PipelineModel> fitted = bothTargets(rows, (features, label, prediction) ->
                        gbtRegressor(features, label, prediction, options));
                pe = fitted.get(0);
                ghg = fitted.get(1);
            }
            default -> throw new IllegalArgumentException("unknown MLlib uc5 model type '" + type + "'; known: "
                    + TYPES);
        }
        ModelProvenance provenance = ModelProvenance.create(UseCases.UC5.id(), type, "spark-mllib", algorithm, params,
                options.seed(), training.inputTables(), Uc5Features.FEATURES,
                type.equals(RF_CLASS) ? "certificate_class" : "certificate_pe_kwh_m2,certificate_ghg_kg_m2",
                training.split(), training.size(), training.fingerprint());
        return new MllibDpeModel(type, provenance, cls, pe, ghg);
    }

    /** A regressor of one intensity target, from its vector, label and prediction columns. */
    private interface TargetLearner {
        PipelineStage of(String features, String label, String prediction);
    }

    /**
     * The primary-energy and GHG pipelines fitted side by side: on a few hundred rows in one partition, a fit is
     * thousands of tiny Spark jobs whose cost is the driver's scheduling of them, and two threads of jobs use both
     * cores (the GBT pair 25 to 30 % sooner, measured). Each fit is the same as alone: its own seed, the same rows.
     */
    private static List<PipelineModel> bothTargets(Dataset<Row> rows, TargetLearner learner) {
        return FewAtOnce.map(List.of(
                pipeline("features_pe", learner.of("features_pe", "certificate_pe_kwh_m2", "pe_prediction")),
                pipeline("features_ghg", learner.of("features_ghg", "certificate_ghg_kg_m2", "ghg_prediction"))),
                p -> p.fit(rows));
    }

    private static Pipeline pipeline(String vectorColumn, PipelineStage learner) {
        VectorAssembler assembler = new VectorAssembler()
                .setInputCols(Uc5Features.FEATURES.toArray(String[]::new))
                .setOutputCol(vectorColumn);
        return new Pipeline().setStages(new PipelineStage[] {assembler, learner});
    }

    private static RandomForestRegressor rfRegressor(String features, String label, String prediction,
                                                     Uc5Options options) {
        return new RandomForestRegressor()
                .setFeaturesCol(features)
                .setLabelCol(label)
                .setWeightCol(DpeTrainingSet.CLASS_WEIGHT)
                .setPredictionCol(prediction)
                .setNumTrees(options.rfTrees())
                .setMaxDepth(options.rfDepth())
                .setSeed(options.seed());
    }

    private static GBTRegressor gbtRegressor(String features, String label, String prediction, Uc5Options options) {
        return new GBTRegressor()
                .setFeaturesCol(features)
                .setLabelCol(label)
                .setWeightCol(DpeTrainingSet.CLASS_WEIGHT)
                .setPredictionCol(prediction)
                .setMaxIter(options.gbtIterations())
                .setMaxDepth(options.gbtDepth())
                .setStepSize(options.gbtStepSize())
                .setSubsamplingRate(0.8)
                .setSeed(options.seed());
    }

    @Override
    public ModelProvenance provenance() {
        return provenance;
    }

    @Override
    public String approach() {
        return type.equals(RF_CLASS) ? CLASSIFICATION : REGRESSION;
    }

    @Override
    public Dataset<Row> predict(Dataset<Row> features) {
        if (classModel != null) {
            Column letters = array(DpeThresholds.CLASSES.stream().map(c -> lit(c)).toArray(Column[]::new));
            return classModel.transform(features)
                    .withColumn(PREDICTED_CLASS, element_at(letters, col("class_prediction").cast("int").plus(1)))
                    .withColumn(PREDICTED_PE, lit(null).cast("double"))
                    .withColumn(PREDICTED_GHG, lit(null).cast("double"))
                    .drop("features_class", "class_prediction", "class_raw", "class_probability");
        }
        Dataset<Row> withPe = peModel.transform(features).drop("features_pe");
        return ghgModel.transform(withPe)
                .drop("features_ghg")
                .withColumn(PREDICTED_PE, greatest(lit(0.0), col("pe_prediction")))
                .withColumn(PREDICTED_GHG, greatest(lit(0.0), col("ghg_prediction")))
                .withColumn(PREDICTED_CLASS, DpeThresholds.officialClass(col(PREDICTED_PE), col(PREDICTED_GHG),
                        col("surface_m2"), col("reference_date")))
                .drop("pe_prediction", "ghg_prediction");
    }

    @Override
    public void save(String dir, LakeFiles files) {
        try {
            if (classModel != null) {
                classModel.write().overwrite().save(dir + "/" + CLASS_PIPELINE);
            } else {
                peModel.write().overwrite().save(dir + "/" + PE_PIPELINE);
                ghgModel.write().overwrite().save(dir + "/" + GHG_PIPELINE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save MLlib model to " + dir + ": " + e.getMessage(), e);
        }
        files.writeString(dir + "/" + DpeModelFile.NAME, Json.write(new DpeModelFile(type, approach(), provenance,
                Map.of())));
    }

    static MllibDpeModel load(String dir, DpeModelFile file) {
        if (file.type().equals(RF_CLASS)) {
            return new MllibDpeModel(file.type(), file.provenance(), PipelineModel.load(dir + "/" + CLASS_PIPELINE),
                    null, null);
        }
        return new MllibDpeModel(file.type(), file.provenance(), null, PipelineModel.load(dir + "/" + PE_PIPELINE),
                PipelineModel.load(dir + "/" + GHG_PIPELINE));
    }
}
