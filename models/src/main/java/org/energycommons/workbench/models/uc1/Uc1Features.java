package org.energycommons.workbench.models.uc1;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.bit_or;
import static org.apache.spark.sql.functions.bit_xor;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.covar_pop;
import static org.apache.spark.sql.functions.date_from_unix_date;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.from_utc_timestamp;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.unix_micros;
import static org.apache.spark.sql.functions.var_pop;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.energycommons.workbench.datasets.calendar.FrenchCalendar;

/**
 * The uc1 feature table: one row per delivery point with its normalised mean daily load shapes (48 local
 * half-hours) per season and day type, its thermosensitivity (kWh per heating degree-day), base-load ratio,
 * weekend/weekday ratio and peak hour, computed from complete local days only.
 *
 * <p>Every meter of the meters table gets a row; a meter that cannot be segmented (no readings, too few complete
 * days, a season or day type never observed, no degree-day variation) keeps its row with an
 * {@code exclusion_reason} and is left out of the models, never silently dropped.
 *
 * <p>The shapes are normalised by the meter's mean half-hourly energy over all its complete days, not per shape:
 * a value of 1.0 is the meter's average, so the shapes keep the level differences between winter and summer and
 * between working days and weekends that tell, for example, an electrically heated dwelling from another one.
 */
public final class Uc1Features {

    /** Half-hours of a local day (DST days are averaged onto the same 48 local half-hours). */
    public static final int HALF_HOURS = 48;

    /** Seasons, in feature order: heating season November–March, then April–October. */
    public static final List<String> SEASONS = List.of("winter", "summer");

    /**
     * Day types of the French calendar, in feature order: working days (bridge days included), Wednesdays and
     * working days of the zone B school holidays (when schools close, all day or in the afternoon), Saturdays,
     * Sundays and public holidays.
     */
    public static final List<String> DAY_TYPES = List.of("workday", "wednesday", "school_holiday", "saturday",
            "sunday_holiday");

    /** The scalar features, in order. */
    public static final List<String> SCALARS = List.of("thermosensitivity_kwh_per_dd", "heating_share_per_dd",
            "base_load_ratio", "weekend_weekday_ratio", "peak_hour");

    /** The column holding why a meter is kept out of the models; null for a usable meter. */
    public static final String EXCLUSION = "exclusion_reason";

    private static final long MICROS_PER_DAY = 86_400_000_000L;
    private static final long MICROS_PER_HALF_HOUR = 1_800_000_000L;

    private Uc1Features() {
    }

    /** The shape column of a season and day type, e.g. {@code shape_winter_workday}. */
    public static String shapeColumn(String season, String dayType) {
        return "shape_" + season + "_" + dayType;
    }

    /** Every shape column, seasons outer, day types inner. */
    public static List<String> shapeColumns() {
        List<String> names = new ArrayList<>();
        for (String s : SEASONS) {
            for (String d : DAY_TYPES) {
                names.add(shapeColumn(s, d));
            }
        }
        return names;
    }

    /**
     * Builds the feature table.
     *
     * @param loadCurve silver load curve: {@code meter_id, ts_utc, kwh}
     * @param meters silver meters: {@code meter_id, commune_code, tariff_profile}
     * @param communes {@code commune_code, station_id}
     * @param weather hourly weather: {@code station_id, ts_utc, temperature_c}
     * @param calendar the calendar table ({@code local_date, day_type, half_hours, is_weekend, is_public_holiday})
     * @param options minimum complete days and the heating base temperature
     * @return one row per meter: {@code meter_id, commune_code, tariff_profile, n_days, mean_daily_kwh}, the shape
     *     columns ({@link #shapeColumns()}, arrays of 48 doubles), the {@link #SCALARS} and {@link #EXCLUSION}
     */
    public static Dataset<Row> build(Dataset<Row> loadCurve, Dataset<Row> meters, Dataset<Row> communes,
                                     Dataset<Row> weather, Dataset<Row> calendar, Uc1Options options) {
        return fromDays(completeDays(localReadings(loadCurve), calendar), meters, communes, weather, options);
    }

    /**
     * Builds the feature table from the complete days ({@link #completeDays}), which every feature reads: a caller
     * that persists them reads the load curve once.
     */
    public static Dataset<Row> fromDays(Dataset<Row> days, Dataset<Row> meters, Dataset<Row> communes,
                                        Dataset<Row> weather, Uc1Options options) {
        Dataset<Row> degreeDays = dailyDegreeDays(weather, options.heatingBaseC());
        Dataset<Row> meterDays = days
                .join(meters.select("meter_id", "commune_code"), "meter_id")
                .join(broadcast(communes.select("commune_code", "station_id")), "commune_code")
                .join(degreeDays, new String[] {"station_id", "local_date"}, "left")
                .drop("station_id", "commune_code");
        Dataset<Row> perMeter = shapes(days)
                .join(dailyRatios(days), "meter_id")
                .join(thermosensitivity(meterDays), "meter_id")
                .join(peakHour(days), "meter_id");
        Dataset<Row> all = meters.select("meter_id", "commune_code", "tariff_profile")
                .join(perMeter, new String[] {"meter_id"}, "left");
        return all.withColumn(EXCLUSION, exclusion(options.minDays()));
    }

    /** Readings on the local clock: {@code meter_id, local_date, hh} (0..47) and {@code kwh}. */
    public static Dataset<Row> localReadings(Dataset<Row> loadCurve) {
        // The local wall time in microseconds (the time zone's rules applied once per reading), then its day and
        // half-hour by integer arithmetic: Spark's hour(), minute() and to_date() would each apply a time zone
        // again per reading (10 million of them), for the same values.
        Column local = unix_micros(from_utc_timestamp(col("ts_utc"), FrenchCalendar.PARIS.getId()));
        return loadCurve
                .select(col("meter_id"),
                        date_from_unix_date(floor(local.divide(lit(MICROS_PER_DAY))).cast("int")).as("local_date"),
                        pmod(local, lit(MICROS_PER_DAY)).divide(lit(MICROS_PER_HALF_HOUR)).cast("int").as("hh"),
                        col("kwh"));
    }

    /**
     * The complete local days of each meter, those with as many readings as the day has half-hours (46 or 50 on
     * DST days), in one pass over the readings: energy of the day, smallest half-hour, number of readings and the
     * 48 half-hour values of the local clock (the repeated hour of the October change averaged, the skipped hour
     * of the March change null), with season and day type.
     *
     * @return {@code meter_id, local_date, kwh_day, min_kwh, n_readings, hh_kwh} (array of 48),
     *     {@code season, day_type, is_weekend, is_public_holiday}
     */
    public static Dataset<Row> completeDays(Dataset<Row> readings, Dataset<Row> calendar) {
        Column dayType = when(col("day_type").equalTo("SATURDAY"), lit("saturday"))
                .when(col("day_type").equalTo("SUNDAY_HOLIDAY"), lit("sunday_holiday"))
                .when(col("day_type").equalTo("WEDNESDAY"), lit("wednesday"))
                .when(col("day_type").equalTo("WORKDAY_SCHOOL_HOLIDAY"), lit("school_holiday"))
                .otherwise(lit("workday"));
        Column season = when(month(col("local_date")).isin(11, 12, 1, 2, 3), lit("winter")).otherwise(lit("summer"));
        // The 48 half-hour values of a day are sums, not averages: a sum's buffer is one double, an average's two
        // fields, and these 48 aggregates are most of the cost of a pass over the readings (a third less time).
        // The average is the sum over the number of readings in the half-hour, which on the local clock is 0 (the
        // skipped hour of the March change), 1, or 2 (the repeated hour of the October change) since a meter has
        // one reading per UTC time: bit i of "seen" says it is at least 1, bit i of "odd" that it is odd, so
        // seen & ~odd marks the 2s. The sum divided by that count is exactly what avg gives (null for none).
        Column[] halfHours = new Column[HALF_HOURS];
        for (int i = 0; i < HALF_HOURS; i++) {
            halfHours[i] = sum(when(col("hh").equalTo(i), col("kwh")));
        }
        Column halfHourBit = expr("shiftleft(1L, hh)");
        return readings
                .groupBy("meter_id", "local_date")
                .agg(sum("kwh").as("kwh_day"), min("kwh").as("min_kwh"), count("*").as("n_readings"),
                        array(halfHours).as("hh_sum"), bit_or(halfHourBit).as("seen"),
                        bit_xor(halfHourBit).as("odd"))
                .withColumn("hh_kwh", expr("transform(hh_sum, (v, i) -> IF(((seen >> i) & 1) = 0, NULL, "
                        + "v / (((seen >> i) & 1) + (((seen & ~odd) >> i) & 1))))"))
                .join(broadcast(calendar.select("local_date", "day_type", "half_hours", "is_weekend",
                        "is_public_holiday")), "local_date")
                .filter(col("n_readings").equalTo(col("half_hours")))
                .select(col("meter_id"), col("local_date"), col("kwh_day"), col("min_kwh"), col("n_readings"),
                        col("hh_kwh"), season.as("season"), dayType.as("day_type"), col("is_weekend"),
                        col("is_public_holiday"));
    }

    /**
     * Heating degree-days per station and local day by the Météo-France "méthode météo":
     * {@code max(0, base - (tmin + tmax) / 2)} over the hourly temperatures of the local day.
     *
     * @return {@code station_id, local_date, hdd}
     */
    public static Dataset<Row> dailyDegreeDays(Dataset<Row> weather, double heatingBaseC) {
        Column local = from_utc_timestamp(col("ts_utc"), FrenchCalendar.PARIS.getId());
        return weather
                .groupBy(col("station_id"), to_date(local).as("local_date"))
                .agg(min("temperature_c").as("tmin"), max("temperature_c").as("tmax"))
                .select(col("station_id"), col("local_date"),
                        greatest(lit(0.0), lit(heatingBaseC).minus(col("tmin").plus(col("tmax")).divide(2.0)))
                                .as("hdd"));
    }

    /**
     * The normalised shapes: the mean over complete days of each local half-hour, divided by the meter's mean
     * half-hourly energy over all its complete days; one array column per season and day type, null when that
     * combination was never observed.
     *
     * @param days the complete days ({@link #completeDays})
     * @return {@code meter_id, mean_halfhour_kwh} and the {@link #shapeColumns()}
     */
    public static Dataset<Row> shapes(Dataset<Row> days) {
        // One pass over the days: per season and day type the 48 means with the energy and readings behind them,
        // then per meter the ten shapes side by side and its level (the sum of those sums), by which each shape is
        // divided. Computing the level apart would read the days twice and join them back.
        Column[] means = new Column[HALF_HOURS];
        for (int i = 0; i < HALF_HOURS; i++) {
            means[i] = avg(element_at(col("hh_kwh"), i + 1));
        }
        Dataset<Row> arrays = days
                .groupBy("meter_id", "season", "day_type")
                .agg(array(means).as("mean_kwh"), sum("kwh_day").as("kwh"), sum("n_readings").as("n_readings"))
                .withColumn("key", concat(lit("shape_"), col("season"), lit("_"), col("day_type")));
        List<Column> perMeter = new ArrayList<>();
        for (String name : shapeColumns()) {
            perMeter.add(first(when(col("key").equalTo(name), col("mean_kwh")), true).as(name));
        }
        List<Column> normalised = new ArrayList<>();
        normalised.add(col("meter_id"));
        for (String name : shapeColumns()) {
            normalised.add(expr("transform(" + name + ", v -> v / mean_halfhour_kwh)").as(name));
        }
        normalised.add(col("mean_halfhour_kwh"));
        return arrays
                .groupBy("meter_id")
                .agg(sum("kwh").divide(sum("n_readings")).as("mean_halfhour_kwh"), perMeter.toArray(Column[]::new))
                .select(normalised.toArray(Column[]::new));
    }

    /**
     * Day counts and the ratios of daily energies: base-load ratio (mean daily minimum half-hour over the mean
     * half-hour) and weekend/weekday ratio (mean daily energy on Saturdays and Sundays over that of working days
     * that are not public holidays).
     *
     * @param days the complete days ({@link #completeDays})
     * @return {@code meter_id, n_days, mean_daily_kwh, base_load_ratio, weekend_weekday_ratio}
     */
    public static Dataset<Row> dailyRatios(Dataset<Row> days) {
        return days
                .groupBy("meter_id")
                .agg(count("*").as("n_days"),
                        avg("kwh_day").as("mean_daily_kwh"),
                        avg("min_kwh").as("mean_min_kwh"),
                        sum("kwh_day").divide(sum("n_readings")).as("mean_kwh"),
                        avg(when(col("is_weekend"), col("kwh_day"))).as("weekend_kwh"),
                        avg(when(col("is_weekend").or(col("is_public_holiday")).unary_$bang(), col("kwh_day")))
                                .as("weekday_kwh"))
                .select(col("meter_id"), col("n_days"), col("mean_daily_kwh"),
                        ratio(col("mean_min_kwh"), col("mean_kwh")).as("base_load_ratio"),
                        ratio(col("weekend_kwh"), col("weekday_kwh")).as("weekend_weekday_ratio"));
    }

    /**
     * Thermosensitivity: the least-squares slope of daily energy on heating degree-days over complete days
     * (kWh per degree-day), and the same slope as a share of the mean daily energy (per degree-day), which compares
     * meters of any size. Null when the degree-days do not vary.
     *
     * @return {@code meter_id, thermosensitivity_kwh_per_dd, heating_share_per_dd}
     */
    public static Dataset<Row> thermosensitivity(Dataset<Row> meterDays) {
        Dataset<Row> fit = meterDays
                .filter(col("hdd").isNotNull())
                .groupBy("meter_id")
                .agg(covar_pop("kwh_day", "hdd").as("cov"), var_pop("hdd").as("var"), avg("kwh_day").as("mean"));
        Column slope = when(col("var").gt(1e-9), col("cov").divide(col("var")));
        return fit.select(col("meter_id"), slope.as("thermosensitivity_kwh_per_dd"),
                ratio(slope, col("mean")).as("heating_share_per_dd"));
    }

    /**
     * The local time of the peak of the meter's mean day over all complete days, in hours (half-hour start, e.g.
     * 19.5 for 19:30); the earliest half-hour wins a tie.
     *
     * @param days the complete days ({@link #completeDays})
     * @return {@code meter_id, peak_hour}
     */
    public static Dataset<Row> peakHour(Dataset<Row> days) {
        Column[] means = new Column[HALF_HOURS];
        for (int i = 0; i < HALF_HOURS; i++) {
            means[i] = avg(element_at(col("hh_kwh"), i + 1));
        }
        // array_position of the maximum: the first (earliest) half-hour holding it, 1-based.
        return days
                .groupBy("meter_id")
                .agg(array(means).as("mean_day"))
                .select(col("meter_id"),
                        expr("array_position(mean_day, array_max(mean_day)) - 1").divide(2.0).as("peak_hour"));
    }

    private static Column ratio(Column numerator, Column denominator) {
        return when(denominator.gt(0), numerator.divide(denominator));
    }

    /** Why a meter cannot be segmented, or null. */
    private static Column exclusion(int minDays) {
        Column missingShape = lit(false);
        List<String> ifMissing = new ArrayList<>();
        for (String name : shapeColumns()) {
            missingShape = missingShape.or(col(name).isNull());
            ifMissing.add("IF(" + name + " IS NULL, '" + name.substring("shape_".length()).replace('_', ' ')
                    + "', NULL)");
        }
        Column missingList = expr("array_join(filter(array(" + String.join(", ", ifMissing)
                + "), x -> x IS NOT NULL), ', ')");
        Column usableScalars = lit(true);
        for (String s : SCALARS) {
            usableScalars = usableScalars.and(col(s).isNotNull());
        }
        return when(coalesce(col("n_days"), lit(0L)).equalTo(0), lit("no complete day of readings"))
                .when(col("n_days").lt(minDays), concat(lit("only "), col("n_days").cast("string"),
                        lit(" complete days (at least " + minDays + " needed)")))
                .when(missingShape, concat(lit("no complete day of type "), missingList))
                .when(col("thermosensitivity_kwh_per_dd").isNull(), lit("heating degree-days do not vary"))
                .when(usableScalars.unary_$bang(), lit("a ratio is undefined (zero consumption)"));
    }

    /** The shapes of a feature row concatenated in {@link #shapeColumns()} order (288 values). */
    public static double[] concatenatedShapes(Row row) {
        double[] out = new double[SEASONS.size() * DAY_TYPES.size() * HALF_HOURS];
        int k = 0;
        for (String name : shapeColumns()) {
            List<Double> values = row.getList(row.fieldIndex(name));
            for (Double v : values) {
                out[k++] = v;
            }
        }
        return out;
    }
}
