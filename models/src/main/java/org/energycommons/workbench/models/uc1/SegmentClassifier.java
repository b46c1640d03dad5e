package org.energycommons.workbench.models.uc1;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.energycommons.workbench.models.usecase.UseCases;
import org.apache.spark.ml.classification.RandomForestClassificationModel;
import org.apache.spark.ml.classification.RandomForestClassifier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.energycommons.workbench.datasets.lake.LakeFiles;
import org.energycommons.workbench.models.provenance.Json;
import org.energycommons.workbench.models.provenance.ModelProvenance;

/**
 * The classifier that assigns a new meter to a segment: a Spark MLlib random forest trained on the fitted
 * meters' points with the selected segmentation's segments as labels, so a meter never seen by the clustering
 * gets a segment from its features alone.
 */
public final class SegmentClassifier extends FittedSegmentModel {

    /** Type and model name. */
    public static final String TYPE = "segment-classifier-rf-mllib";
    private static final String FOLDER = "mllib";

    private final RandomForestClassificationModel model;

    SegmentClassifier(ModelProvenance provenance, SegmentationSpace space, RandomForestClassificationModel model,
                      int k) {
        super(provenance, space, k);
        this.model = model;
    }

    /**
     * Trains on labelled points.
     *
     * @param labelled a {@code features} vector column and a {@code label} double column (segment 0..k-1)
     * @param segmentation the name of the segmentation whose segments are the labels
     */
    public static SegmentClassifier fit(Dataset<Row> labelled, int k, String segmentation, SegmentationSpace space,
                                        Uc1Options options, Uc1Training training) {
        RandomForestClassificationModel model = new RandomForestClassifier()
                .setFeaturesCol("features")
                .setLabelCol("label")
                .setNumTrees(options.classifierTrees())
                .setMaxDepth(6)
                .setSeed(options.seed())
                .fit(labelled);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("numTrees", String.valueOf(options.classifierTrees()));
        params.put("maxDepth", "6");
        params.put("labels", segmentation);
        ModelProvenance provenance = ModelProvenance.create(UseCases.UC1.id(), TYPE, "spark-mllib", "RandomForestClassifier",
                params, options.seed(), training.inputTables(), training.features(), "segment of " + segmentation,
                training.split(), training.trainingRows(), training.fingerprint());
        return new SegmentClassifier(provenance, space, model, k);
    }

    @Override
    public int assign(double[] point) {
        return (int) model.predict(SegmentModel.vector(point));
    }

    @Override
    public void save(String dir, LakeFiles files) {
        try {
            model.write().overwrite().save(dir + "/" + FOLDER);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save MLlib classifier to " + dir + ": " + e.getMessage(), e);
        }
        files.writeString(dir + "/" + SegmentModelFile.NAME,
                Json.write(new SegmentModelFile(TYPE, provenance(), space(), k(), null, Map.of())));
    }

    static SegmentClassifier load(String dir, SegmentModelFile file) {
        return new SegmentClassifier(file.provenance(), file.space(),
                RandomForestClassificationModel.load(dir + "/" + FOLDER), file.k());
    }
}
