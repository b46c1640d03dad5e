package org.energycommons.workbench.models.uc1;

import java.util.Map;
import org.energycommons.workbench.models.provenance.ModelProvenance;

/**
 * The {@code model.json} written beside every saved uc1 model: its type, provenance, segmentation space, number
 * of segments, centroids in the space (for the hierarchy) and engine-specific settings.
 */
public record SegmentModelFile(String type, ModelProvenance provenance, SegmentationSpace space, int k,
                               double[][] centroids, Map<String, String> settings) {

    /** File name inside a model folder. */
    public static final String NAME = "model.json";
}
