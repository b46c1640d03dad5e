package org.energycommons.workbench.models.uc5;

import org.energycommons.workbench.models.registry.TrainedModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.energycommons.workbench.datasets.lake.LakeFiles;
import org.energycommons.workbench.models.provenance.ModelProvenance;

/**
 * A trained uc5 model: from the {@link Uc5Features} of dwellings to a DPE class, either
 * predicted directly ({@link #CLASSIFICATION}) or read with the official thresholds from predicted primary energy
 * and GHG intensities ({@link #REGRESSION}).
 */
public interface DpeModel extends TrainedModel {

    /** Approach: the class is predicted directly. */
    String CLASSIFICATION = "classification";
    /** Approach: intensities are predicted and mapped to a class with {@code DpeThresholds}. */
    String REGRESSION = "regression";

    /** Column of the predicted class letter. */
    String PREDICTED_CLASS = "predicted_class";
    /** Column of the predicted primary energy, kWh/m²/yr (null for a classifier). */
    String PREDICTED_PE = "predicted_pe_kwh_m2";
    /** Column of the predicted GHG emissions, kgCO2e/m²/yr (null for a classifier). */
    String PREDICTED_GHG = "predicted_ghg_kg_m2";

    /** Where the model comes from. */
    ModelProvenance provenance();

    /** {@link #CLASSIFICATION} or {@link #REGRESSION}. */
    String approach();

    /** The rows with {@link #PREDICTED_CLASS}, {@link #PREDICTED_PE} and {@link #PREDICTED_GHG} added. */
    Dataset<Row> predict(Dataset<Row> features);

    /** Saves the model and its {@link DpeModelFile} under {@code dir}. */
    void save(String dir, LakeFiles files);
}
