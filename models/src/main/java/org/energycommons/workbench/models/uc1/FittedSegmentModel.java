package org.energycommons.workbench.models.uc1;

import org.energycommons.workbench.models.provenance.ModelProvenance;

/** The part every uc1 {@link SegmentModel} shares: where it comes from, its space and its number of segments. */
abstract class FittedSegmentModel implements SegmentModel {

    private final ModelProvenance provenance;
    private final SegmentationSpace space;
    private final int k;

    FittedSegmentModel(ModelProvenance provenance, SegmentationSpace space, int k) {
        this.provenance = provenance;
        this.space = space;
        this.k = k;
    }

    @Override
    public final ModelProvenance provenance() {
        return provenance;
    }

    @Override
    public final SegmentationSpace space() {
        return space;
    }

    @Override
    public final int k() {
        return k;
    }
}
