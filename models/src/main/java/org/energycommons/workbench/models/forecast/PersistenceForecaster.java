package org.energycommons.workbench.models.forecast;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.energycommons.workbench.datasets.lake.LakeFiles;
import org.energycommons.workbench.models.provenance.Json;
import org.energycommons.workbench.models.provenance.ModelProvenance;

/**
 * The persistence baseline: tomorrow's load at an hour is the load at the same local hour one week before,
 * with calibrated residual intervals. Every other model's skill is measured against it.
 */
public final class PersistenceForecaster implements LoadForecaster {

    /** Type and model name. */
    public static final String TYPE = "persistence";

    private final ModelProvenance provenance;
    private final ResidualIntervals intervals;

    PersistenceForecaster(ModelProvenance provenance, ResidualIntervals intervals) {
        this.provenance = provenance;
        this.intervals = intervals;
    }

    /** Calibrates the intervals on validation rows; nothing is learned from train rows. */
    public static PersistenceForecaster fit(Dataset<Row> validation, TrainingContext ctx, long seed) {
        ResidualIntervals intervals = ResidualIntervals.calibrate(pointForecast(validation));
        ModelProvenance provenance = ModelProvenance.create(ctx.useCase(), TYPE, "baseline",
                "same local hour one week before", Map.of("lag_days", "7"), seed, ctx.inputTables(),
                List.of(ForecastColumns.PERSISTENCE), ForecastColumns.ACTUAL, ctx.split().describe(),
                ctx.trainingRows(), ctx.trainingFingerprint());
        return new PersistenceForecaster(provenance, intervals);
    }

    private static Dataset<Row> pointForecast(Dataset<Row> features) {
        return features.withColumn(ForecastColumns.P50, col(ForecastColumns.PERSISTENCE));
    }

    @Override
    public ModelProvenance provenance() {
        return provenance;
    }

    @Override
    public Dataset<Row> predict(Dataset<Row> features) {
        return intervals.apply(pointForecast(features));
    }

    @Override
    public String intervalMethod() {
        return "calibrated residual interval: 10% and 90% quantiles of log(actual/P50) on validation";
    }

    @Override
    public void save(String dir, LakeFiles files) {
        files.writeString(dir + "/" + ModelFile.NAME, Json.write(new ModelFile(TYPE, provenance, intervals, Map.of())));
    }

    static PersistenceForecaster load(ModelFile file) {
        return new PersistenceForecaster(file.provenance(), file.intervals());
    }
}
