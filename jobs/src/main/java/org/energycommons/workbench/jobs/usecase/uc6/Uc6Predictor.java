package org.energycommons.workbench.jobs.usecase.uc6;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.energycommons.workbench.datasets.lake.LakeFiles;
import org.energycommons.workbench.datasets.lake.TableId;
import org.energycommons.workbench.jobs.usecase.Predictor;
import org.energycommons.workbench.models.uc6.GasDemandModel;
import org.energycommons.workbench.models.uc6.GasRow;
import org.energycommons.workbench.models.uc6.Uc6ModelStore;
import org.energycommons.workbench.models.uc6.Uc6Tables;

/** A uc6 gas demand model reloaded: P10, P50 and P90 of each gas area, issue day and horizon. */
record Uc6Predictor(GasDemandModel model) implements Predictor {

    static Uc6Predictor load(String dir, LakeFiles files) {
        return new Uc6Predictor(Uc6ModelStore.load(dir, files));
    }

    @Override
    public TableId features() {
        return Uc6Tables.FEATURES;
    }

    @Override
    public List<String> predictionColumns() {
        return List.of("p10_kwh", "p50_kwh", "p90_kwh");
    }

    /** On the driver, as the model scores lists of rows: areas × days × 7 horizons, a few thousand rows. */
    @Override
    public Dataset<Row> predict(Dataset<Row> features) {
        List<Row> rows = features.collectAsList();
        double[] p50 = model.p50(GasRow.of(rows));
        return Predictor.appendOnDriver(features, rows, predictionColumns().stream()
                        .map(c -> DataTypes.createStructField(c, DataTypes.DoubleType, true)).toList(),
                (i, r) -> {
                    int horizon = r.getInt(r.fieldIndex("horizon"));
                    return new Object[] {model.intervals().p10(p50[i], horizon), p50[i],
                        model.intervals().p90(p50[i], horizon)};
                });
    }
}
