package org.energycommons.workbench.jobs.usecase.uc4;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.energycommons.workbench.datasets.lake.LakeFiles;
import org.energycommons.workbench.datasets.lake.TableId;
import org.energycommons.workbench.jobs.usecase.Predictor;
import org.energycommons.workbench.models.forecast.ForecastColumns;
import org.energycommons.workbench.models.forecast.ForecasterStore;
import org.energycommons.workbench.models.forecast.LoadForecaster;
import org.energycommons.workbench.models.uc4.Uc4Tables;

/** A uc4 forecaster reloaded: P10, P50 and P90 of each substation hour of the uc4 feature table. */
record Uc4Predictor(LoadForecaster model) implements Predictor {

    static Uc4Predictor load(String dir, LakeFiles files) {
        return new Uc4Predictor(ForecasterStore.load(dir, files));
    }

    @Override
    public TableId features() {
        return Uc4Tables.FEATURES;
    }

    @Override
    public List<String> predictionColumns() {
        return List.of(ForecastColumns.P10, ForecastColumns.P50, ForecastColumns.P90);
    }

    @Override
    public Dataset<Row> predict(Dataset<Row> features) {
        return model.predict(features);
    }
}
