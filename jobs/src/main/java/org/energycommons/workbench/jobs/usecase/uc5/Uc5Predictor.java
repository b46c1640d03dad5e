package org.energycommons.workbench.jobs.usecase.uc5;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.energycommons.workbench.datasets.lake.LakeFiles;
import org.energycommons.workbench.datasets.lake.TableId;
import org.energycommons.workbench.jobs.usecase.Predictor;
import org.energycommons.workbench.models.uc5.DpeModel;
import org.energycommons.workbench.models.uc5.Uc5ModelStore;
import org.energycommons.workbench.models.uc5.Uc5Tables;

/** A uc5 model reloaded: the DPE class (and intensity, for an intensity model) of each dwelling. */
record Uc5Predictor(DpeModel model) implements Predictor {

    static Uc5Predictor load(String dir, LakeFiles files) {
        return new Uc5Predictor(Uc5ModelStore.load(dir, files));
    }

    @Override
    public TableId features() {
        return Uc5Tables.FEATURES;
    }

    @Override
    public List<String> predictionColumns() {
        return List.of(DpeModel.PREDICTED_CLASS, DpeModel.PREDICTED_PE, DpeModel.PREDICTED_GHG);
    }

    @Override
    public Dataset<Row> predict(Dataset<Row> features) {
        return model.predict(features);
    }
}
