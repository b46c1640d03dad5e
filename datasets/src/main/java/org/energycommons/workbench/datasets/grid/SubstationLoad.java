package org.energycommons.workbench.datasets.grid;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_trunc;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.energycommons.workbench.datasets.ExactSums;

/**
 * Hourly load of HTA/BT substations aggregated from the 30-minute load curves of their delivery points, with
 * what the secrecy guard needs: the number of points and the largest point's share of the hour.
 */
public final class SubstationLoad {

    private SubstationLoad() {
    }

    /**
     * Aggregates load curves to substation-hours.
     *
     * @param loadCurve silver load curve: {@code meter_id, ts_utc, kwh}
     * @param meters silver meters: {@code meter_id, substation_id}
     * @return {@code substation_id, ts_utc} (hour start), {@code load_kw} (mean power over the hour = kWh in it),
     *     {@code n_meters}, {@code max_meter_share}, {@code n_intervals}
     */
    public static Dataset<Row> hourly(Dataset<Row> loadCurve, Dataset<Row> meters) {
        // Meters numbered in pseudonym order: the meter-hours are then grouped and shuffled by a small number, not
        // by a 64-character pseudonym (ten million readings make five million meter-hours).
        Dataset<Row> numbered = meters
                .select(col("meter_id"), col("substation_id"),
                        row_number().over(Window.orderBy("meter_id")).as("meter_number"));
        Dataset<Row> meterHours = loadCurve
                .join(broadcast(numbered), "meter_id")
                .groupBy(col("substation_id"), col("meter_number"), date_trunc("hour", col("ts_utc")).as("ts_utc"))
                // In whole mWh (ExactSums): a sum of longs is the same in any order, a sum of doubles is not, and
                // the order rows meet in follows the partitioning, i.e. the pseudonyms and local[N].
                .agg(ExactSums.units(col("kwh")).as("milli_wh"),
                        count("*").as("n_intervals"));
        return meterHours
                .groupBy("substation_id", "ts_utc")
                .agg(sum("milli_wh").divide(ExactSums.SCALE).as("load_kw"),
                        count("*").cast("int").as("n_meters"),
                        max("milli_wh").divide(ExactSums.SCALE).as("max_meter_kwh"),
                        sum("n_intervals").cast("int").as("n_intervals"))
                .withColumn("max_meter_share", col("max_meter_kwh").divide(col("load_kw")))
                .drop("max_meter_kwh");
    }
}
