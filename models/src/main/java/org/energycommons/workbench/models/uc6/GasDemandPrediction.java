package org.energycommons.workbench.models.uc6;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.energycommons.workbench.models.artifact.PartitionScoring;

/**
 * Scores a uc6 feature table with a {@link GasDemandModel} on the executors: each partition is scored as one batch
 * by the model's {@link GasScorer}, and the calibrated intervals give P10 and P90 around the P50.
 */
public final class GasDemandPrediction {

    /** P10 column, kWh PCS. */
    public static final String P10 = "p10_kwh";
    /** P50 column, kWh PCS. */
    public static final String P50 = "p50_kwh";
    /** P90 column, kWh PCS. */
    public static final String P90 = "p90_kwh";

    private GasDemandPrediction() {
    }

    /**
     * The feature rows with {@code p10_kwh, p50_kwh, p90_kwh} added.
     *
     * @throws IllegalArgumentException if the model has no calibrated intervals
     */
    public static Dataset<Row> predict(GasDemandModel model, Dataset<Row> features) {
        HorizonIntervals intervals = model.intervals();
        if (intervals == null) {
            throw new IllegalArgumentException("model " + model.provenance().name() + " has no calibrated intervals");
        }
        GasScorer scorer = model.scorer();
        StructType out = features.schema()
                .add(P10, DataTypes.DoubleType, true)
                .add(P50, DataTypes.DoubleType, true)
                .add(P90, DataTypes.DoubleType, true);
        return PartitionScoring.append(features, out, buffer -> {
            List<GasRow> rows = GasRow.of(buffer);
            double[] p50 = scorer.p50(rows);
            Object[][] quantiles = new Object[rows.size()][];
            for (int i = 0; i < rows.size(); i++) {
                int h = rows.get(i).horizon();
                quantiles[i] = new Object[] {intervals.p10(p50[i], h), p50[i], intervals.p90(p50[i], h)};
            }
            return quantiles;
        });
    }
}
