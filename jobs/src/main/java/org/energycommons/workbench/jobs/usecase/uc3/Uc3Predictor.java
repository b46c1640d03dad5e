package org.energycommons.workbench.jobs.usecase.uc3;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.energycommons.workbench.datasets.lake.LakeFiles;
import org.energycommons.workbench.datasets.lake.TableId;
import org.energycommons.workbench.jobs.usecase.Predictor;
import org.energycommons.workbench.models.mv.BaselineModel;
import org.energycommons.workbench.models.mv.BillingModel;
import org.energycommons.workbench.models.mv.DailyObservation;
import org.energycommons.workbench.models.mv.TowtModel;
import org.energycommons.workbench.models.uc3.BaselineSet;
import org.energycommons.workbench.models.uc3.SavingsFits;
import org.energycommons.workbench.models.uc3.Uc3Tables;

/**
 * A uc3 baseline set reloaded: the use each renovated building would have had without works (its counterfactual),
 * from its own baseline fitted before the works; daily for the CalTRACK methods, hourly for TOWT. A building
 * without a baseline keeps a null prediction.
 */
record Uc3Predictor(BaselineSet set) implements Predictor {

    /** The role of the renovated buildings' runs (placebo runs are not published models). */
    static final String TREATED = "treated";

    static Uc3Predictor load(String dir, LakeFiles files) {
        return new Uc3Predictor(BaselineSet.load(dir, files));
    }

    @Override
    public TableId features() {
        return SavingsFits.HOURLY.equals(set.method()) ? Uc3Tables.HOURLY_FEATURES : Uc3Tables.FEATURES;
    }

    @Override
    public List<String> predictionColumns() {
        return List.of("counterfactual_kwh");
    }

    /** On the driver: the renovated buildings' days or hours of a region. */
    @Override
    public Dataset<Row> predict(Dataset<Row> features) {
        boolean hourly = SavingsFits.HOURLY.equals(set.method());
        Map<String, Serializable> models = new HashMap<>();
        set.baselines().stream().filter(s -> TREATED.equals(s.assignment().role()))
                .forEach(s -> models.put(s.assignment().buildingId(), s.model()));
        return Predictor.appendOnDriver(features, features.collectAsList(),
                List.of(DataTypes.createStructField("counterfactual_kwh", DataTypes.DoubleType, true)), (i, r) -> {
                    Serializable model = models.get(r.getString(r.fieldIndex("building_id")));
                    double prediction = Double.NaN;
                    if (model instanceof TowtModel towt && hourly) {
                        prediction = towt.predict(r.getInt(r.fieldIndex("hour_of_week")),
                                r.getDouble(r.fieldIndex("temperature_c")));
                    } else if (model != null && !hourly) {
                        DailyObservation day = new DailyObservation(r.getDate(r.fieldIndex("local_date"))
                                .toLocalDate(), Double.NaN, r.getDouble(r.fieldIndex("temperature_mean_c")), null);
                        prediction = model instanceof BillingModel b ? b.predict(day)
                                : ((BaselineModel) model).predict(day);
                    }
                    return new Object[] {Double.isNaN(prediction) ? null : prediction};
                });
    }
}
