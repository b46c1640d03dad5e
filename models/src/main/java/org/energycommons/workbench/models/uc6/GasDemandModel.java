package org.energycommons.workbench.models.uc6;

import org.energycommons.workbench.models.registry.TrainedModel;
import java.util.List;
import org.energycommons.workbench.datasets.lake.LakeFiles;
import org.energycommons.workbench.models.provenance.ModelProvenance;

/**
 * A trained uc6 gas demand forecaster: from feature rows to the P50 demand of each row's target day, with
 * calibrated per-horizon P10–P90 intervals once {@link #withIntervals} has been applied. Every implementation saves
 * itself with its provenance and is loaded back by {@link Uc6ModelStore}.
 */
public interface GasDemandModel extends TrainedModel {

    /** Where the model comes from. */
    ModelProvenance provenance();

    /** The calibrated intervals, or null before calibration. */
    HorizonIntervals intervals();

    /** The same model with these intervals. */
    GasDemandModel withIntervals(HorizonIntervals intervals);

    /** The serialisable scoring function, shipped to executors by {@link GasDemandPrediction}. */
    GasScorer scorer();

    /** The P50 demand of each row, kWh PCS. */
    default double[] p50(List<GasRow> rows) {
        return scorer().p50(rows);
    }

    /** How the model predicts, in one sentence for reports, in French and in English. */
    Method method();

    /**
     * How a model predicts, in words, in the reports' two languages.
     *
     * @param french the sentence in French
     * @param english the same sentence in English
     */
    record Method(String french, String english) {
    }

    /** Writes the model under {@code dir} (local or Hadoop URI). */
    void save(String dir, LakeFiles files);
}
