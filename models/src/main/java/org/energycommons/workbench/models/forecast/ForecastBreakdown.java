package org.energycommons.workbench.models.forecast;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.energycommons.workbench.datasets.grid.SubstationCapacity;

/**
 * The forecast metrics of every group of rows of one model (an hour of the day, a substation, a lead time), with
 * the definitions of {@link ForecastMetrics}: computed once, when the forecasts are made, so that pages and notes
 * read them from gold and never recompute them.
 *
 * <p>One output row per evaluation source, model and group: {@code source, model, dimension, group_key, rows, mape,
 * rmse, coverage_p10_p90, crps, congestion_hours, alert_hours, peak_kw, capacity_kva, n_meters,
 * max_meter_share}. {@code n_meters} (fewest delivery points behind the group's hours) and
 * {@code max_meter_share} (largest share of one point) are what the statistical-secrecy guard judges a group on.
 */
public final class ForecastBreakdown {

    /** Metrics of the test rows of a time split. */
    public static final String TEST = "test";
    /** Metrics of the rolling-origin backtest forecasts. */
    public static final String BACKTEST = "backtest";

    private ForecastBreakdown() {
    }

    /**
     * The metrics of each model on each value of {@code dimension}.
     *
     * @param predictions rows with {@code model}, the dimension column, the forecast columns of
     *     {@link ForecastColumns}, {@code n_meters} and {@code max_meter_share}
     * @param source what the rows are ({@link #TEST} or {@link #BACKTEST})
     * @param dimension the column grouped on (e.g. {@code local_hour}, {@code substation_id}, {@code lead_hours})
     */
    public static Dataset<Row> of(Dataset<Row> predictions, String source, String dimension) {
        Column y = col(ForecastColumns.ACTUAL);
        Column ape = when(y.gt(0), abs(y.minus(col(ForecastColumns.P50))).divide(y));
        Column crps = ForecastMetrics.pinball(y, col(ForecastColumns.P10), 0.1)
                .plus(ForecastMetrics.pinball(y, col(ForecastColumns.P50), 0.5))
                .plus(ForecastMetrics.pinball(y, col(ForecastColumns.P90), 0.9))
                .multiply(2.0 / 3.0);
        Column covered = when(y.geq(col(ForecastColumns.P10)).and(y.leq(col(ForecastColumns.P90))), 1.0)
                .otherwise(0.0);
        Column overCapacity = SubstationCapacity.kva(y).gt(col(ForecastColumns.CAPACITY));
        Column alert = SubstationCapacity.kva(col(ForecastColumns.P90)).gt(col(ForecastColumns.CAPACITY));
        return predictions
                .groupBy(col("model"), col(dimension).cast("string").as("group_key"))
                .agg(count(lit(1)).as("rows"),
                        avg(ape).as("mape"),
                        sqrt(avg(pow(y.minus(col(ForecastColumns.P50)), 2))).as("rmse"),
                        avg(covered).as("coverage_p10_p90"),
                        avg(crps).as("crps"),
                        sum(when(overCapacity, 1L).otherwise(0L)).as("congestion_hours"),
                        sum(when(alert, 1L).otherwise(0L)).as("alert_hours"),
                        max(y).as("peak_kw"),
                        first(ForecastColumns.CAPACITY).as("capacity_kva"),
                        min("n_meters").cast("int").as("n_meters"),
                        max("max_meter_share").as("max_meter_share"))
                .select(List.of(lit(source).as("source"), col("model"), lit(dimension).as("dimension"),
                                col("group_key"), col("rows"), col("mape"), col("rmse"), col("coverage_p10_p90"),
                                col("crps"), col("congestion_hours"), col("alert_hours"), col("peak_kw"),
                                col("capacity_kva"), col("n_meters"), col("max_meter_share"))
                        .toArray(Column[]::new))
                .orderBy("source", "model", "dimension", "group_key");
    }
}
