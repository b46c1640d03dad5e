package org.energycommons.workbench.datasets.grid;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.dense_rank;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.timestamp_micros;
import static org.apache.spark.sql.functions.unix_micros;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.energycommons.workbench.datasets.ExactSums;

/**
 * Hourly load of HTA/BT substations aggregated from the 30-minute load curves of their delivery points, with
 * what the secrecy guard needs: the number of points and the largest point's share of the hour.
 */
public final class SubstationLoad {

    private static final long MICROS_PER_HOUR = 3_600_000_000L;

    private SubstationLoad() {
    }

    /**
     * Aggregates load curves to substation-hours.
     *
     * @param loadCurve silver load curve: {@code meter_id, ts_utc, kwh}
     * @param meters silver meters: {@code meter_id, substation_id}
     * @return {@code substation_id, ts_utc} (hour start), {@code load_kw} (mean power over the hour = kWh in it),
     *     {@code n_meters}, {@code n_intervals}, {@code max_meter_share}
     */
    public static Dataset<Row> hourly(Dataset<Row> loadCurve, Dataset<Row> meters) {
        // Meters and substations numbered in the order of their ids, on the small meters table: both aggregations
        // then group by numbers and an hour in microseconds, not by 64-character pseudonyms, substation ids and
        // timestamps. Spark hashes and shuffles less, and keeps its fast aggregation map for keys of fixed width
        // (ten million readings make five million meter-hours; the whole aggregation a quarter faster).
        Dataset<Row> numbered = meters
                .select(col("meter_id"), col("substation_id"),
                        row_number().over(Window.orderBy("meter_id")).as("meter_number"),
                        dense_rank().over(Window.orderBy("substation_id")).as("substation_number"));
        Dataset<Row> meterHours = loadCurve
                .join(broadcast(numbered.select("meter_id", "meter_number", "substation_number")), "meter_id")
                .groupBy(col("substation_number"), col("meter_number"), hourStart(col("ts_utc")).as("hour_micros"))
                // In whole mWh (ExactSums): a sum of longs is the same in any order, a sum of doubles is not, and
                // the order rows meet in follows the partitioning, i.e. the pseudonyms and local[N].
                .agg(ExactSums.units(col("kwh")).as("milli_wh"),
                        count("*").as("n_intervals"));
        Dataset<Row> substations = numbered
                .select("substation_number", "substation_id")
                .distinct();
        return meterHours
                .groupBy("substation_number", "hour_micros")
                .agg(sum("milli_wh").divide(ExactSums.SCALE).as("load_kw"),
                        count("*").cast("int").as("n_meters"),
                        max("milli_wh").divide(ExactSums.SCALE).as("max_meter_kwh"),
                        sum("n_intervals").cast("int").as("n_intervals"))
                .join(broadcast(substations), "substation_number")
                .select(col("substation_id"),
                        timestamp_micros(col("hour_micros")).as("ts_utc"),
                        col("load_kw"),
                        col("n_meters"),
                        col("n_intervals"),
                        col("max_meter_kwh").divide(col("load_kw")).as("max_meter_share"));
    }

    /**
     * The start of a timestamp's UTC hour in microseconds since the epoch: what {@code date_trunc('hour', ts)}
     * gives under a UTC session, in integer arithmetic (whatever the session's time zone), which costs less per
     * reading than truncating a timestamp.
     */
    static Column hourStart(Column ts) {
        Column micros = unix_micros(ts);
        return micros.minus(pmod(micros, lit(MICROS_PER_HOUR)));
    }
}
