package org.energycommons.workbench.models.uc1;

import org.energycommons.workbench.models.registry.TrainedModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.energycommons.workbench.datasets.lake.LakeFiles;
import org.energycommons.workbench.models.provenance.ModelProvenance;

/**
 * A fitted uc1 model that assigns a meter to one of its segments from the meter's point in the
 * {@link SegmentationSpace}: a clustering (k-means, bisecting k-means, Gaussian mixture, Ward hierarchy) or the
 * classifier that assigns new meters. Saved with its space, so a loaded model segments raw feature rows.
 */
public interface SegmentModel extends TrainedModel {

    /** Where the model comes from. */
    ModelProvenance provenance();

    /** The standardisation of the indicators the model was fitted on. */
    SegmentationSpace space();

    /** Number of segments. */
    int k();

    /** The segment (0..k-1) of a standardised point. */
    int assign(double[] point);

    /** The segments of standardised points. */
    default int[] assign(double[][] points) {
        int[] labels = new int[points.length];
        for (int i = 0; i < points.length; i++) {
            labels[i] = assign(points[i]);
        }
        return labels;
    }

    /** Saves the model and its {@code model.json} under {@code dir}. */
    void save(String dir, LakeFiles files);

    /** A point as an MLlib vector. */
    static Vector vector(double[] point) {
        return Vectors.dense(point);
    }
}
