package org.energycommons.workbench.models.uc3;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.date_trunc;
import static org.apache.spark.sql.functions.dayofweek;
import static org.apache.spark.sql.functions.from_utc_timestamp;
import static org.apache.spark.sql.functions.hour;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.to_utc_timestamp;
import static org.apache.spark.sql.functions.unix_timestamp;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The uc3 feature builders (pure DataFrame → DataFrame): hourly and daily electricity use of every building with
 * the outdoor temperature of its commune's weather station, on the local (Europe/Paris) calendar the M&amp;V models
 * work on.
 *
 * <p>Rules, so that a gap is a missing value and never a low one:
 * <ul>
 *   <li>an hour's usage is the sum of the building's readings starting in it, kept only when the readings cover the
 *       whole hour for every meter of the building (minutes = 60 × meters), else null;</li>
 *   <li>a day's usage is the sum of its hours, kept only when every hour of the local day (23, 24 or 25) has a
 *       usage, else null;</li>
 *   <li>a day's mean temperature is the mean of its hourly temperatures, kept with at least 12 of them (CalTRACK's
 *       50 %), else null.</li>
 * </ul>
 */
public final class Uc3Features {

    /** The local time zone of the calendar days and hours of the week. */
    public static final String ZONE = "Europe/Paris";
    /** Hourly temperatures a day's mean needs (CalTRACK: half of 24). */
    public static final int MIN_TEMPERATURE_HOURS = 12;

    private Uc3Features() {
    }

    /**
     * Hourly usage and temperature per building.
     *
     * @param loadCurve silver {@code load_curve}: {@code meter_id, ts_utc, kwh, step_minutes}
     * @param meters silver {@code meters}: {@code meter_id, building_id}
     * @param buildings silver {@code buildings}: {@code building_id, commune_code}
     * @param communes silver {@code communes}: {@code commune_code, station_id}
     * @param weather silver {@code weather_hourly}: {@code station_id, ts_utc} (hour start), {@code temperature_c}
     * @return {@code building_id string, ts_utc timestamp (UTC hour start), local_date date, hour_of_week int
     *     (0 = Monday 00h local), kwh double (null when incomplete), temperature_c double (null when missing)}
     */
    public static Dataset<Row> hourly(Dataset<Row> loadCurve, Dataset<Row> meters, Dataset<Row> buildings,
                                      Dataset<Row> communes, Dataset<Row> weather) {
        Dataset<Row> meterBuilding = meters.select("meter_id", "building_id");
        Dataset<Row> metersPerBuilding = meterBuilding
                .groupBy("building_id")
                .agg(countDistinct("meter_id").as("n_meters"));
        Dataset<Row> stations = buildings.select("building_id", "commune_code")
                .join(communes.select("commune_code", "station_id"), "commune_code")
                .select("building_id", "station_id");
        // Small (stations × hours): broadcast, so the building-hours are not shuffled a second time for the join.
        Dataset<Row> temperatures = broadcast(weather.select(col("station_id"), col("ts_utc"), col("temperature_c")));
        Dataset<Row> hours = loadCurve
                .join(broadcast(meterBuilding), "meter_id")
                .withColumn("ts_utc", date_trunc("hour", col("ts_utc")))
                .groupBy("building_id", "ts_utc")
                .agg(sum("kwh").as("kwh_sum"), sum("step_minutes").as("minutes"));
        Column local = from_utc_timestamp(col("ts_utc"), ZONE);
        return hours
                .join(broadcast(metersPerBuilding), "building_id")
                .join(broadcast(stations), "building_id")
                .join(temperatures, new String[] {"station_id", "ts_utc"}, "left")
                .select(col("building_id"),
                        col("ts_utc"),
                        to_date(local).as("local_date"),
                        pmod(dayofweek(local).plus(5), lit(7)).multiply(24).plus(hour(local)).as("hour_of_week"),
                        when(col("minutes").equalTo(col("n_meters").multiply(60)), col("kwh_sum")).as("kwh"),
                        col("temperature_c"));
    }

    /**
     * Daily usage and mean temperature per building from {@link #hourly}.
     *
     * @return {@code building_id string, local_date date, kwh double (null unless every hour of the local day has a
     *     usage), temperature_mean_c double (null with fewer than 12 hourly temperatures), hours_metered long,
     *     hours_temperature long}
     */
    public static Dataset<Row> daily(Dataset<Row> hourly) {
        Column dayStart = to_utc_timestamp(col("local_date").cast("timestamp"), ZONE);
        Column nextDayStart = to_utc_timestamp(date_add(col("local_date"), 1).cast("timestamp"), ZONE);
        Column dayHours = unix_timestamp(nextDayStart).minus(unix_timestamp(dayStart)).divide(3600);
        return hourly
                .groupBy("building_id", "local_date")
                .agg(sum("kwh").as("kwh_sum"), count("kwh").as("hours_metered"),
                        avg("temperature_c").as("temperature_avg"), count("temperature_c").as("hours_temperature"))
                .select(col("building_id"),
                        col("local_date"),
                        when(col("hours_metered").equalTo(dayHours), col("kwh_sum")).as("kwh"),
                        when(col("hours_temperature").geq(MIN_TEMPERATURE_HOURS), col("temperature_avg"))
                                .as("temperature_mean_c"),
                        col("hours_metered"),
                        col("hours_temperature"));
    }
}
