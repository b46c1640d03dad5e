package org.energycommons.workbench.models.uc6;

import java.io.Serializable;
import java.util.List;

/** The serialisable P50 function of a {@link GasDemandModel}: a batch of feature rows to their P50 demand, kWh. */
@FunctionalInterface
public interface GasScorer extends Serializable {

    /** The P50 of each row, in row order ({@code NaN} for a row the model cannot score, e.g. an unknown area). */
    double[] p50(List<GasRow> rows);
}
