package org.energycommons.workbench.models.uc1;

import java.util.LinkedHashMap;
import java.util.Map;
import org.energycommons.workbench.models.usecase.UseCases;
import org.energycommons.workbench.datasets.lake.LakeFiles;
import org.energycommons.workbench.models.artifact.SerializedModels;
import org.energycommons.workbench.models.provenance.Json;
import org.energycommons.workbench.models.provenance.ModelProvenance;
import smile.clustering.HierarchicalClustering;
import smile.clustering.linkage.WardLinkage;

/**
 * Smile agglomerative hierarchical clustering (Ward linkage) of the meters' typical days, as summarised by their
 * points in the segmentation space, cut into {@code k} segments. The whole tree is kept; a new meter goes to the
 * segment with the nearest centroid (Ward merges minimise the within-segment variance around centroids).
 */
public final class HierarchicalSegmentModel extends FittedSegmentModel {

    /** Type and model name. */
    public static final String TYPE = "hierarchical-ward-smile";
    private static final String TREE = "hierarchy.ser";

    private final HierarchicalClustering tree;
    private final double[][] centroids;

    HierarchicalSegmentModel(ModelProvenance provenance, SegmentationSpace space, HierarchicalClustering tree,
                             double[][] centroids) {
        super(provenance, space, centroids.length);
        this.tree = tree;
        this.centroids = centroids;
    }

    /** The Ward tree of standardised points (built once, cut at any k). */
    public static HierarchicalClustering tree(double[][] points) {
        return HierarchicalClustering.fit(WardLinkage.of(points));
    }

    /** The model that cuts {@code tree} of {@code points} into {@code k} segments. */
    public static HierarchicalSegmentModel cut(HierarchicalClustering tree, double[][] points, int k,
                                               SegmentationSpace space, Uc1Options options, Uc1Training training) {
        int[] labels = tree.partition(k);
        double[][] centroids = new double[k][points[0].length];
        int[] sizes = new int[k];
        for (int i = 0; i < points.length; i++) {
            sizes[labels[i]]++;
            for (int j = 0; j < points[i].length; j++) {
                centroids[labels[i]][j] += points[i][j];
            }
        }
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < centroids[c].length; j++) {
                centroids[c][j] /= Math.max(1, sizes[c]);
            }
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("linkage", "ward");
        params.put("k", String.valueOf(k));
        ModelProvenance provenance = ModelProvenance.create(UseCases.UC1.id(), TYPE, "smile", "HierarchicalClustering", params,
                options.seed(), training.inputTables(), training.features(), Uc1Run.UNSUPERVISED_LABEL, training.split(),
                training.trainingRows(), training.fingerprint());
        return new HierarchicalSegmentModel(provenance, space, tree, centroids);
    }

    /** The segments of the fitted meters, as the tree cut gives them. */
    public int[] fittedLabels() {
        return tree.partition(centroids.length);
    }

    /** The Ward tree. */
    public HierarchicalClustering tree() {
        return tree;
    }

    @Override
    public int assign(double[] point) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int c = 0; c < centroids.length; c++) {
            double d = ClusterQuality.distance(point, centroids[c]);
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return best;
    }

    @Override
    public void save(String dir, LakeFiles files) {
        SerializedModels.save(tree, dir + "/" + TREE, files, "Smile hierarchy");
        files.writeString(dir + "/" + SegmentModelFile.NAME, Json.write(new SegmentModelFile(TYPE, provenance(),
                space(), k(), centroids, Map.of("linkage", "ward"))));
    }

    static HierarchicalSegmentModel load(String dir, SegmentModelFile file, LakeFiles files) {
        HierarchicalClustering tree = SerializedModels.load(dir + "/" + TREE, files, HierarchicalClustering.class,
                "Smile hierarchy");
        return new HierarchicalSegmentModel(file.provenance(), file.space(), tree, file.centroids());
    }
}
