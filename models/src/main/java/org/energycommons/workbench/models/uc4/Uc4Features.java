package org.energycommons.workbench.models.uc4;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.cos;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.dayofyear;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.from_utc_timestamp;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.hour;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sin;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.to_utc_timestamp;
import static org.apache.spark.sql.functions.unix_date;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.energycommons.workbench.datasets.ExactSums;
import org.energycommons.workbench.datasets.calendar.DegreeDays;
import org.energycommons.workbench.datasets.calendar.FrenchCalendar;

/**
 * The uc4 point-in-time feature table: one row per substation and target hour of day D, built only from what
 * is known when the day-ahead forecast is issued, on D-1 at {@value #ISSUE_HOUR_LOCAL}:00 local time.
 *
 * <p>Known then: every reading of D-2 and earlier, readings of D-1 before the issue hour, the day-ahead
 * temperature forecast for D, and the calendar. So the lags are the same local hour on D-7 and D-2, the mean of
 * the morning of D-1, the mean of D-2, and the level (mean of D-8..D-2) that scales the target; each row carries
 * its {@code cutoff_utc}. Load is modelled as a ratio to the level, so one model serves substations of any size.
 */
public final class Uc4Features {

    /** Local hour on D-1 at which the day-ahead forecast is issued (before the noon day-ahead gate). */
    public static final int ISSUE_HOUR_LOCAL = 10;

    /** Days averaged into the level: D-8..D-2, a full week; rows with less history are not forecast. */
    public static final int LEVEL_DAYS = 7;

    /** Model inputs, in order. */
    public static final List<String> FEATURES = List.of(
            "local_hour", "iso_day_of_week", "is_weekend", "is_public_holiday", "is_school_holiday", "is_bridge_day",
            "d7_is_off_day", "doy_sin", "doy_cos",
            "temperature_forecast_c", "heating_degree_hours", "cooling_degree_hours", "forecast_daily_mean_c",
            "temperature_change_vs_d7_c",
            "lag_d7_ratio", "lag_d2_ratio", "d1_morning_ratio", "d2_mean_ratio");

    /** The label the learned models fit: target load divided by the level. */
    public static final String LABEL = "target_ratio";

    private Uc4Features() {
    }

    /**
     * Builds the feature table.
     *
     * @param hourly {@code substation_id, ts_utc, load_kw, n_meters, max_meter_share}
     * @param weather {@code station_id, ts_utc, temperature_c, temperature_forecast_c}
     * @param substations {@code substation_id, commune_code, capacity_kva}
     * @param communes {@code commune_code, station_id}
     * @param calendar the calendar table ({@code CalendarFrames})
     * @return one row per substation-hour with complete history; see {@link #FEATURES}
     */
    public static Dataset<Row> build(Dataset<Row> hourly, Dataset<Row> weather, Dataset<Row> substations,
                                     Dataset<Row> communes, Dataset<Row> calendar) {
        Column local = from_utc_timestamp(col("ts_utc"), FrenchCalendar.PARIS.getId());
        Dataset<Row> load = hourly
                .select(col("substation_id"), col("ts_utc"), col("load_kw"), col("n_meters"), col("max_meter_share"))
                .withColumn("local_date", to_date(local))
                .withColumn("local_hour", hour(local));

        // The repeated hour of the October DST day is averaged: a lag is "the same local hour". Means are exact
        // (ExactSums): in doubles, their last bits would follow the partitioning, and the trees' splits with them.
        Dataset<Row> byLocalHour = load
                .groupBy("substation_id", "local_date", "local_hour")
                .agg(ExactSums.mean(col("load_kw")).as("kw"));
        WindowSpec lastSevenDays = Window.partitionBy("substation_id").orderBy(unix_date(col("local_date")))
                .rangeBetween(-(LEVEL_DAYS - 1), 0);
        Dataset<Row> daily = load
                .groupBy("substation_id", "local_date")
                .agg(ExactSums.mean(col("load_kw")).as("day_mean_kw"),
                        ExactSums.mean(when(col("local_hour").lt(ISSUE_HOUR_LOCAL), col("load_kw")))
                                .as("morning_mean_kw"))
                .withColumn("level_kw", ExactSums.mean(col("day_mean_kw"), lastSevenDays))
                .withColumn("level_days", count("day_mean_kw").over(lastSevenDays));

        Dataset<Row> stationOf = substations.select("substation_id", "commune_code", "capacity_kva")
                .join(communes.select("commune_code", "station_id"), "commune_code")
                .drop("commune_code");
        Dataset<Row> weatherNow = weather.select(col("station_id"), col("ts_utc"),
                col("temperature_forecast_c"));
        Dataset<Row> forecastDaily = weather
                .withColumn("local_date", to_date(from_utc_timestamp(col("ts_utc"), FrenchCalendar.PARIS.getId())))
                .groupBy("station_id", "local_date")
                .agg(ExactSums.mean(col("temperature_forecast_c")).as("forecast_daily_mean_c"));
        Dataset<Row> weatherWeekBefore = weather.select(col("station_id"),
                col("ts_utc").plus(expr("INTERVAL 7 DAYS")).as("ts_utc"), col("temperature_c").as("temperature_d7_c"));
        Dataset<Row> cal = calendar.select("local_date", "iso_day_of_week", "is_weekend", "is_public_holiday",
                "is_school_holiday", "is_bridge_day");
        Dataset<Row> calWeekBefore = calendar.select(
                col("local_date").as("d7_date"),
                col("is_weekend").or(col("is_public_holiday")).or(col("is_bridge_day")).as("d7_is_off_day_raw"));

        Dataset<Row> rows = load
                .withColumn("issue_date", date_sub(col("local_date"), 1))
                .withColumn("cutoff_utc", to_utc_timestamp(
                        expr("make_timestamp(year(issue_date), month(issue_date), day(issue_date), "
                                + ISSUE_HOUR_LOCAL + ", 0, 0)"), FrenchCalendar.PARIS.getId()))
                .withColumn("d7_date", date_sub(col("local_date"), 7))
                .withColumn("d2_date", date_sub(col("local_date"), 2))
                .join(renamed(byLocalHour, "d7_date", "lag_d7_kw"), List.of("substation_id", "d7_date", "local_hour")
                        .toArray(String[]::new), "left")
                .join(renamed(byLocalHour, "d2_date", "lag_d2_kw"), List.of("substation_id", "d2_date", "local_hour")
                        .toArray(String[]::new), "left")
                .join(daily.select(col("substation_id"), col("local_date").as("issue_date"),
                        col("morning_mean_kw").as("d1_morning_kw")), List.of("substation_id", "issue_date")
                        .toArray(String[]::new), "left")
                .join(daily.select(col("substation_id"), col("local_date").as("d2_date"),
                        col("day_mean_kw").as("d2_mean_kw"), col("level_kw"), col("level_days")), List.of("substation_id", "d2_date")
                        .toArray(String[]::new), "left")
                .join(stationOf, "substation_id")
                .join(weatherNow, List.of("station_id", "ts_utc").toArray(String[]::new), "left")
                .join(weatherWeekBefore, List.of("station_id", "ts_utc").toArray(String[]::new), "left")
                .join(forecastDaily, List.of("station_id", "local_date").toArray(String[]::new), "left")
                .join(cal, "local_date")
                .join(calWeekBefore, "d7_date");

        Column doy = dayofyear(col("local_date")).cast("double").multiply(2 * Math.PI / 365.25);
        return rows
                .withColumn("is_weekend", col("is_weekend").cast("int"))
                .withColumn("is_public_holiday", col("is_public_holiday").cast("int"))
                .withColumn("is_school_holiday", col("is_school_holiday").cast("int"))
                .withColumn("is_bridge_day", col("is_bridge_day").cast("int"))
                .withColumn("d7_is_off_day", col("d7_is_off_day_raw").cast("int"))
                .withColumn("doy_sin", sin(doy))
                .withColumn("doy_cos", cos(doy))
                .withColumn("heating_degree_hours", greatest(lit(0.0),
                        lit(DegreeDays.DEFAULT_HEATING_BASE_C).minus(col("temperature_forecast_c"))))
                .withColumn("cooling_degree_hours", greatest(lit(0.0),
                        col("temperature_forecast_c").minus(lit(DegreeDays.DEFAULT_COOLING_BASE_C))))
                .withColumn("temperature_change_vs_d7_c", col("temperature_forecast_c").minus(col("temperature_d7_c")))
                .withColumn("lag_d7_ratio", col("lag_d7_kw").divide(col("level_kw")))
                .withColumn("lag_d2_ratio", col("lag_d2_kw").divide(col("level_kw")))
                .withColumn("d1_morning_ratio", col("d1_morning_kw").divide(col("level_kw")))
                .withColumn("d2_mean_ratio", col("d2_mean_kw").divide(col("level_kw")))
                .withColumn(LABEL, col("load_kw").divide(col("level_kw")))
                .filter(col("lag_d7_kw").isNotNull()
                        .and(col("lag_d2_kw").isNotNull())
                        .and(col("d1_morning_kw").isNotNull())
                        .and(col("level_days").equalTo(LEVEL_DAYS))
                        .and(col("level_kw").gt(0))
                        .and(col("temperature_forecast_c").isNotNull())
                        .and(col("temperature_d7_c").isNotNull()))
                .select(concat(col("substation_id"), lit("@"), col("ts_utc").cast("string")).as("row_id"),
                        col("substation_id"), col("ts_utc"), col("local_date"), col("issue_date"), col("cutoff_utc"),
                        col("capacity_kva"), col("n_meters"), col("max_meter_share"), col("load_kw"),
                        col("lag_d7_kw"), col("lag_d2_kw"), col("d1_morning_kw"), col("d2_mean_kw"), col("level_kw"),
                        col("local_hour"), col("iso_day_of_week"), col("is_weekend"), col("is_public_holiday"),
                        col("is_school_holiday"), col("is_bridge_day"), col("d7_is_off_day"), col("doy_sin"),
                        col("doy_cos"), col("temperature_forecast_c"), col("heating_degree_hours"),
                        col("cooling_degree_hours"), col("forecast_daily_mean_c"), col("temperature_change_vs_d7_c"),
                        col("lag_d7_ratio"), col("lag_d2_ratio"), col("d1_morning_ratio"), col("d2_mean_ratio"),
                        col(LABEL));
    }

    private static Dataset<Row> renamed(Dataset<Row> byLocalHour, String dateName, String valueName) {
        return byLocalHour.select(col("substation_id"), col("local_date").as(dateName), col("local_hour"),
                col("kw").as(valueName));
    }
}
