package org.energycommons.workbench.models.forecast;

import org.energycommons.workbench.models.registry.TrainedModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.energycommons.workbench.datasets.lake.LakeFiles;
import org.energycommons.workbench.models.provenance.ModelProvenance;

/**
 * A trained probabilistic load forecaster: from point-in-time feature rows to P10, P50 and P90 of the load.
 * Every implementation saves itself with its provenance and is loaded back by {@link ForecasterStore}.
 */
public interface LoadForecaster extends TrainedModel {

    /** Where the model comes from. */
    ModelProvenance provenance();

    /** The feature rows with {@code p10_kw, p50_kw, p90_kw} added. */
    Dataset<Row> predict(Dataset<Row> features);

    /** How the P10–P90 interval is obtained, in one sentence for reports. */
    String intervalMethod();

    /** Writes the model under {@code dir} (local or Hadoop URI). */
    void save(String dir, LakeFiles files);
}
