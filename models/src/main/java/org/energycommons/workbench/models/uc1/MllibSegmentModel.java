package org.energycommons.workbench.models.uc1;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.energycommons.workbench.models.usecase.UseCases;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.clustering.BisectingKMeans;
import org.apache.spark.ml.clustering.BisectingKMeansModel;
import org.apache.spark.ml.clustering.GaussianMixture;
import org.apache.spark.ml.clustering.GaussianMixtureModel;
import org.apache.spark.ml.clustering.KMeans;
import org.apache.spark.ml.clustering.KMeansModel;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.energycommons.workbench.datasets.lake.LakeFiles;
import org.energycommons.workbench.models.provenance.Json;
import org.energycommons.workbench.models.provenance.ModelProvenance;

/**
 * A Spark MLlib clustering of meters in the segmentation space: k-means (k-means|| initialisation), bisecting
 * k-means or a Gaussian mixture (full covariances, a meter goes to its most probable component), fitted
 * distributed on a {@code features} vector column.
 */
public final class MllibSegmentModel extends FittedSegmentModel {

    /** Type of the k-means model. */
    public static final String KMEANS = "kmeans-mllib";
    /** Type of the bisecting k-means model. */
    public static final String BISECTING = "bisecting-kmeans-mllib";
    /** Type of the Gaussian mixture model. */
    public static final String GMM = "gmm-mllib";
    private static final String FOLDER = "mllib";

    private final String type;
    private final Model<?> model;

    MllibSegmentModel(String type, ModelProvenance provenance, SegmentationSpace space, Model<?> model, int k) {
        super(provenance, space, k);
        this.type = type;
        this.model = model;
    }

    /**
     * Fits one algorithm with {@code k} segments.
     *
     * @param points the fitted meters: a {@code features} vector column of standardised points
     */
    public static MllibSegmentModel fit(String type, Dataset<Row> points, int k, SegmentationSpace space,
                                        Uc1Options options, Uc1Training training) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("k", String.valueOf(k));
        params.put("maxIter", String.valueOf(options.maxIter()));
        Model<?> model;
        String algorithm;
        switch (type) {
            case KMEANS -> {
                algorithm = "KMeans";
                params.put("initMode", "k-means||");
                model = new KMeans().setK(k).setMaxIter(options.maxIter()).setSeed(options.seed())
                        .setFeaturesCol("features").fit(points);
            }
            case BISECTING -> {
                algorithm = "BisectingKMeans";
                model = new BisectingKMeans().setK(k).setMaxIter(options.maxIter()).setSeed(options.seed())
                        .setFeaturesCol("features").fit(points);
            }
            case GMM -> {
                algorithm = "GaussianMixture";
                params.put("tol", "0.01");
                model = new GaussianMixture().setK(k).setMaxIter(options.maxIter()).setSeed(options.seed())
                        .setTol(0.01).setFeaturesCol("features").fit(points);
            }
            default -> throw new IllegalArgumentException("unknown MLlib segmentation type '" + type + "'");
        }
        ModelProvenance provenance = ModelProvenance.create(UseCases.UC1.id(), type, "spark-mllib", algorithm, params,
                options.seed(), training.inputTables(), training.features(), Uc1Run.UNSUPERVISED_LABEL, training.split(),
                training.trainingRows(), training.fingerprint());
        return new MllibSegmentModel(type, provenance, space, model, k);
    }

    @Override
    public int assign(double[] point) {
        if (model instanceof KMeansModel m) {
            return m.predict(SegmentModel.vector(point));
        }
        if (model instanceof BisectingKMeansModel m) {
            return m.predict(SegmentModel.vector(point));
        }
        if (model instanceof GaussianMixtureModel m) {
            return m.predict(SegmentModel.vector(point));
        }
        throw new IllegalStateException("unexpected model " + model.getClass());
    }

    @Override
    public void save(String dir, LakeFiles files) {
        try {
            ((MLWritable) model).write().overwrite().save(dir + "/" + FOLDER);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save MLlib model to " + dir + ": " + e.getMessage(), e);
        }
        files.writeString(dir + "/" + SegmentModelFile.NAME,
                Json.write(new SegmentModelFile(type, provenance(), space(), k(), null, Map.of())));
    }

    static MllibSegmentModel load(String dir, SegmentModelFile file) {
        String path = dir + "/" + FOLDER;
        Model<?> model = switch (file.type()) {
            case KMEANS -> KMeansModel.load(path);
            case BISECTING -> BisectingKMeansModel.load(path);
            case GMM -> GaussianMixtureModel.load(path);
            default -> throw new IllegalArgumentException("unknown MLlib segmentation type '" + file.type() + "'");
        };
        return new MllibSegmentModel(file.type(), file.provenance(), file.space(), model, file.k());
    }
}
