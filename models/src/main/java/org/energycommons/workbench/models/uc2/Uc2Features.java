package org.energycommons.workbench.models.uc2;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.from_utc_timestamp;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.hour;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lead;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.minute;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * The uc2 feature table: one row per public building (school or town hall) and local day, with the day's
 * consumption shape (night base load, daytime load, spikes, flat readings), its weather, its calendar and the
 * building's registry features.
 *
 * <p>Point in time: a row of day D uses only the readings and the observed weather of day D and the day before
 * (for the first reading's predecessor); alerts are raised after the day has ended.
 *
 * <p>Closed days come from the declared opening calendar of each use (not from any truth table): schools are
 * open on {@code WORKDAY} and {@code WEDNESDAY} only, town halls are closed on {@code SATURDAY} and
 * {@code SUNDAY_HOLIDAY}.
 */
public final class Uc2Features {

    /** Building uses watched by uc2, as in the building registry. */
    public static final List<String> PUBLIC_USES = List.of("education", "public_administration");
    /** Night window, local half-hours {@value #NIGHT_FROM_HH}..{@value #NIGHT_TO_HH} (01:00–05:00). */
    public static final int NIGHT_FROM_HH = 2;
    /** Last night half-hour (inclusive). */
    public static final int NIGHT_TO_HH = 9;
    /** Daytime window, local half-hours {@value #DAY_FROM_HH}..{@value #DAY_TO_HH} (10:00–16:00). */
    public static final int DAY_FROM_HH = 20;
    /** Last daytime half-hour (inclusive). */
    public static final int DAY_TO_HH = 31;
    /** Heating base temperatures of the degree-hour columns {@code hdd_<base>}. */
    public static final int[] HDD_BASES = {12, 15, 18};

    private static final String PARIS = "Europe/Paris";

    private Uc2Features() {
    }

    /** Whether a day is closed for a building use: the declared opening calendar (see the class comment). */
    public static Column closedDay(Column buildingUse, Column dayType) {
        return when(buildingUse.equalTo("education"), not(dayType.isin("WORKDAY", "WEDNESDAY")))
                .when(buildingUse.equalTo("public_administration"), dayType.isin("SATURDAY", "SUNDAY_HOLIDAY"))
                .otherwise(false);
    }

    /**
     * Builds the daily features.
     *
     * @param loadCurve silver load curve: {@code meter_id, ts_utc, kwh, step_minutes}
     * @param meters silver meters: {@code meter_id, building_id}
     * @param buildings silver buildings: {@code building_id, commune_code, building_use, construction_year,
     *     surface_m2, envelope, heating_energy}
     * @param communes silver communes: {@code commune_code, station_id}
     * @param weather silver hourly weather: {@code station_id, ts_utc, temperature_c}
     * @param calendar silver calendar: {@code local_date, iso_day_of_week, is_public_holiday, is_school_holiday,
     *     day_type}
     * @return one row per public building and local day with readings; see {@link RuleFeatures} for the columns
     */
    public static Dataset<Row> build(Dataset<Row> loadCurve, Dataset<Row> meters, Dataset<Row> buildings,
                                     Dataset<Row> communes, Dataset<Row> weather, Dataset<Row> calendar) {
        Dataset<Row> publicBuildings = buildings
                .filter(col("building_use").isin(PUBLIC_USES.toArray()))
                .join(communes.select("commune_code", "station_id"), "commune_code")
                .select(col("building_id"), col("building_use"), col("station_id"),
                        col("surface_m2").cast("double").as("surface_m2"),
                        col("construction_year").cast("double").as("construction_year"),
                        when(col("heating_energy").isin("electricity", "heat_pump"), 1.0).otherwise(0.0)
                                .as("electric_heating"));
        Dataset<Row> publicMeters = meters.select("meter_id", "building_id")
                .join(publicBuildings.select("building_id"), "building_id");

        Column local = from_utc_timestamp(col("ts_utc"), PARIS);
        // A building may have several meters: its power is their sum per interval.
        Dataset<Row> power = loadCurve
                .join(broadcast(publicMeters), "meter_id")
                .groupBy(col("building_id"), col("ts_utc"))
                .agg(sum(col("kwh").multiply(60.0).divide(col("step_minutes"))).as("kw"), sum("kwh").as("kwh"))
                .withColumn("local_date", to_date(local))
                .withColumn("hh", hour(local).multiply(2).plus(minute(local).divide(30).cast("int")));
        WindowSpec sequence = Window.partitionBy("building_id").orderBy("ts_utc");
        Column previous = lag(col("kw"), 1).over(sequence);
        Column next = lead(col("kw"), 1).over(sequence);
        Dataset<Row> flagged = power
                .withColumn("same_as_previous", when(col("kw").equalTo(previous), 1.0).otherwise(0.0))
                // A spike towers over both neighbours; a ramp never does.
                .withColumn("peak_ratio", col("kw").divide(greatest(previous, next, lit(1e-3))));
        Column night = col("hh").between(NIGHT_FROM_HH, NIGHT_TO_HH);
        Column day = col("hh").between(DAY_FROM_HH, DAY_TO_HH);
        Dataset<Row> daily = flagged
                .groupBy("building_id", "local_date")
                .agg(count(lit(1)).as("n_readings"),
                        sum("kwh").as("daily_kwh"),
                        avg(when(night, col("kw"))).as("night_kw"),
                        avg(when(day, col("kw"))).as("day_kw"),
                        min("kw").as("min_kw"),
                        max("kw").as("max_kw"),
                        max("peak_ratio").as("spike_ratio"),
                        avg("same_as_previous").as("flat_share"));

        Dataset<Row> dailyWeather = weatherDaily(weather);
        Dataset<Row> cal = calendar.select(col("local_date"), col("iso_day_of_week"),
                col("is_public_holiday"), col("is_school_holiday"), col("day_type"));
        return daily
                .join(broadcast(publicBuildings), "building_id")
                .join(dailyWeather, new String[] {"station_id", "local_date"}, "left")
                .join(broadcast(cal), "local_date")
                .withColumn("closed", closedDay(col("building_use"), col("day_type")))
                .withColumn("month", month(col("local_date")))
                .withColumn("night_to_day_ratio", col("night_kw").divide(greatest(col("day_kw"), lit(1e-3))))
                .select(col("building_id"), col("local_date"), col("building_use"), col("station_id"),
                        col("day_type"), col("closed"), col("is_school_holiday"), col("is_public_holiday"),
                        col("iso_day_of_week"), col("month"), col("n_readings"), col("daily_kwh"), col("night_kw"),
                        col("day_kw"), col("min_kw"), col("max_kw"), col("spike_ratio"), col("flat_share"),
                        col("night_to_day_ratio"), col("temperature_mean_c"), col("temperature_min_c"),
                        col("temperature_max_c"), col("hdd_12"), col("hdd_15"), col("hdd_18"), col("surface_m2"),
                        col("construction_year"), col("electric_heating"));
    }

    /** Daily mean, min and max temperature per station and local day, with degree-days at the heating bases. */
    static Dataset<Row> weatherDaily(Dataset<Row> weather) {
        Column t = col("temperature_c");
        Column[] aggs = new Column[3 + HDD_BASES.length];
        aggs[0] = avg(t).as("temperature_mean_c");
        aggs[1] = min(t).as("temperature_min_c");
        aggs[2] = max(t).as("temperature_max_c");
        for (int i = 0; i < HDD_BASES.length; i++) {
            // Mean hourly degrees below the base = degree-days of the day.
            aggs[3 + i] = avg(greatest(lit(0.0), lit((double) HDD_BASES[i]).minus(t))).as("hdd_" + HDD_BASES[i]);
        }
        return weather
                .withColumn("local_date", to_date(from_utc_timestamp(col("ts_utc"), PARIS)))
                .groupBy("station_id", "local_date")
                .agg(aggs[0], java.util.Arrays.copyOfRange(aggs, 1, aggs.length));
    }
}
