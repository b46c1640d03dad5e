package org.energycommons.workbench.models.uc6;

import org.energycommons.workbench.models.provenance.ModelProvenance;

/** The part every uc6 {@link GasDemandModel} shares: where it comes from and its calibrated intervals. */
abstract class CalibratedGasModel implements GasDemandModel {

    private final ModelProvenance provenance;
    private final HorizonIntervals intervals;

    CalibratedGasModel(ModelProvenance provenance, HorizonIntervals intervals) {
        this.provenance = provenance;
        this.intervals = intervals;
    }

    @Override
    public final ModelProvenance provenance() {
        return provenance;
    }

    @Override
    public final HorizonIntervals intervals() {
        return intervals;
    }
}
