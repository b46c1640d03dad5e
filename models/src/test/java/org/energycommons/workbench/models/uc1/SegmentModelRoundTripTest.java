package org.energycommons.workbench.models.uc1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.energycommons.workbench.datasets.SharedSparkSession;
import org.energycommons.workbench.datasets.lake.LakeFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every uc1 model type fitted on three well-separated blobs in the segmentation space, saved, loaded back and
 * checked to assign every point to the same segment, with the same provenance.
 */
class SegmentModelRoundTripTest implements SharedSparkSession {

    private static final int PER_BLOB = 25;
    private static double[][] points;
    private static int[] truth;
    private static SegmentationSpace space;
    private static final Uc1Options OPTIONS = new Uc1Options(7L, 5, 18.0, 2, 5, 10, 3, 0.3, 10);
    private static final Uc1Training TRAINING = new Uc1Training(Map.of("silver/load_curve", 1L),
            Map.of("train", "all"), 3 * PER_BLOB, "n=75;h=0", SegmentationSpace.indicatorNames());

    @TempDir
    Path dir;

    @BeforeAll
    static void blobs() {
        int d = SegmentationSpace.indicatorNames().size();
        SplittableRandom rnd = new SplittableRandom(3);
        points = new double[3 * PER_BLOB][d];
        truth = new int[3 * PER_BLOB];
        for (int i = 0; i < points.length; i++) {
            truth[i] = i / PER_BLOB;
            for (int j = 0; j < d; j++) {
                double centre = j % 3 == truth[i] ? 6.0 : 0.0;
                points[i][j] = centre + 0.3 * (rnd.nextDouble() - 0.5);
            }
        }
        space = new SegmentationSpace(SegmentationSpace.indicatorNames(), new double[d], filled(d, 1.0));
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    private static Dataset<Row> frame(int[] labels) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < points.length; i++) {
            rows.add(RowFactory.create(SegmentModel.vector(points[i]), labels == null ? 0.0 : (double) labels[i]));
        }
        StructType schema = new StructType()
                .add("features", SQLDataTypes.VectorType(), false)
                .add("label", DataTypes.DoubleType, false);
        return SPARK.createDataFrame(rows, schema).coalesce(1);
    }

    private void roundTrip(SegmentModel model, boolean findsBlobs) {
        int[] before = model.assign(points);
        if (findsBlobs) {
            assertEquals(1.0, ClusterQuality.adjustedRandIndex(truth, before), 1e-12,
                    model.provenance().name() + " finds the three blobs");
        }
        String path = dir.resolve(model.provenance().name()).toString();
        LakeFiles files = new LakeFiles(SPARK);
        model.save(path, files);
        SegmentModel loaded = Uc1ModelStore.load(path, files);
        assertEquals(model.getClass(), loaded.getClass());
        assertEquals(model.provenance().modelId(), loaded.provenance().modelId());
        assertEquals(model.k(), loaded.k());
        assertArrayEquals(model.space().means(), loaded.space().means());
        assertArrayEquals(before, loaded.assign(points), model.provenance().name() + " assigns the same after load");
    }

    @Test
    void kmeansRoundTrip() {
        roundTrip(MllibSegmentModel.fit(MllibSegmentModel.KMEANS, frame(null), 3, space, OPTIONS, TRAINING), true);
    }

    @Test
    void bisectingKmeansRoundTrip() {
        roundTrip(MllibSegmentModel.fit(MllibSegmentModel.BISECTING, frame(null), 3, space, OPTIONS, TRAINING), true);
    }

    @Test
    void gaussianMixtureRoundTrip() {
        // MLlib's mixture starts from random sample means and may settle in a local optimum: only persistence is checked.
        roundTrip(MllibSegmentModel.fit(MllibSegmentModel.GMM, frame(null), 3, space, OPTIONS, TRAINING), false);
    }

    @Test
    void smileHierarchyRoundTrip() {
        HierarchicalSegmentModel model = HierarchicalSegmentModel.cut(HierarchicalSegmentModel.tree(points), points,
                3, space, OPTIONS, TRAINING);
        assertArrayEquals(model.fittedLabels(), model.assign(points), "nearest centroid reproduces the tree cut");
        roundTrip(model, true);
    }

    @Test
    void classifierRoundTrip() {
        roundTrip(SegmentClassifier.fit(frame(truth), 3, "blobs", space, OPTIONS, TRAINING), true);
    }

    @Test
    void loadingAFolderWithoutModelFails() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Uc1ModelStore.load(dir.resolve("nothing").toString(), new LakeFiles(SPARK)));
        assertTrue(e.getMessage().contains("no saved uc1 model"), e.getMessage());
    }
}
