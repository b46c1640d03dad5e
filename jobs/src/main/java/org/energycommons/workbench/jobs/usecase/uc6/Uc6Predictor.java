package org.energycommons.workbench.jobs.usecase.uc6;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
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

    /** Driver-side, as the model scores lists of rows: areas × days × 7 horizons, a few thousand rows. */
    @Override
    public Dataset<Row> predict(Dataset<Row> features) {
        List<Row> in = features.collectAsList();
        double[] p50 = model.p50(GasRow.of(in));
        StructType out = features.schema().add("p10_kwh", DataTypes.DoubleType, true)
                .add("p50_kwh", DataTypes.DoubleType, true).add("p90_kwh", DataTypes.DoubleType, true);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            Row r = in.get(i);
            int horizon = r.getInt(r.fieldIndex("horizon"));
            Object[] values = new Object[r.size() + 3];
            for (int j = 0; j < r.size(); j++) {
                values[j] = r.get(j);
            }
            values[r.size()] = model.intervals().p10(p50[i], horizon);
            values[r.size() + 1] = p50[i];
            values[r.size() + 2] = model.intervals().p90(p50[i], horizon);
            rows.add(RowFactory.create(values));
        }
        return features.sparkSession().createDataFrame(rows, out);
    }
}
