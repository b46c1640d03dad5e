package org.energycommons.workbench.models.uc6;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.cos;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.dayofyear;
import static org.apache.spark.sql.functions.from_utc_timestamp;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sin;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.StructType;
import org.energycommons.workbench.datasets.calendar.DegreeDays;

/**
 * The uc6 point-in-time feature table: one row per gas network area, issue day D and horizon h = 1..7, whose
 * target is the area's demand on day D+h.
 *
 * <p>Point in time: a row issued on D uses the area's gas demand up to D (the gas day D is closed when the
 * forecast is issued), weather observed up to D, and the forecast temperatures of D+1..D+h
 * ({@link ForecastTemperatureNoise}); only the label columns ({@link #LABEL}, {@link #LOAD_FACTOR}) come from D+h.
 *
 * <p>Temperatures: the daily mean of the hourly observed temperatures on the local (Europe/Paris) day; the smoothed
 * effective temperature is the exponentially weighted mean of the daily means
 * ({@link DegreeDays#smoothedTemperature}, weight α of the current day), observed up to D and continued over the
 * forecast days D+1..D+h; heating degrees are {@code max(0, base − t)}. A day missing from the weather keeps the
 * previous day's mean in the smoothing and issues no forecast row.
 */
public final class Uc6Features {

    /** Horizons, days after the issue day. */
    public static final int HORIZONS = 7;
    /** Days of gas history an issue day needs (the 7-day mean demand) and of temperature warm-up. */
    public static final int MIN_HISTORY_DAYS = 7;
    /** Least hours of a local day for its mean temperature to count (23 and 25 on DST days). */
    public static final int MIN_HOURS_PER_DAY = 20;
    /** Label: the area's demand on the target day, kWh PCS. */
    public static final String LABEL = "gas_kwh";
    /** Label as a share of the area's capacity (what the boosted trees learn, comparable across areas). */
    public static final String LOAD_FACTOR = "load_factor";
    /** The area's daily capacity, kWh PCS. */
    public static final String CAPACITY = "capacity_kwh_per_day";
    /** Columns the rows are keyed by. */
    public static final List<String> KEYS = List.of("row_id", "area_id", "station_id", "issue_date", "horizon",
            "target_date");
    /** Model input columns, all numeric, in model order. */
    public static final List<String> FEATURES = List.of("horizon", "demand_d0_ratio", "demand_d1_ratio",
            "demand_7d_ratio", "t_obs_issue_c", "te_obs_issue_c", "t_fc_c", "t_fc_prev_c", "te_fc_c", "te_fc_prev_c", "hdd_te_fc",
            "hdd_t_fc", "iso_day_of_week", "is_public_holiday", "is_school_holiday", "doy_sin", "doy_cos");

    /** Schema of {@link #temperaturePaths}. */
    public static final StructType TEMPERATURE_PATH_SCHEMA = StructType.fromDDL("""
            station_id STRING NOT NULL, issue_date DATE NOT NULL, horizon INT NOT NULL, target_date DATE NOT NULL,
            t_obs_issue_c DOUBLE NOT NULL, te_obs_issue_c DOUBLE NOT NULL, t_fc_c DOUBLE NOT NULL,
            t_fc_prev_c DOUBLE NOT NULL, te_fc_c DOUBLE NOT NULL, hdd_te_fc DOUBLE NOT NULL, hdd_t_fc DOUBLE NOT NULL,
            te_fc_prev_c DOUBLE NOT NULL, t_obs_target_c DOUBLE NOT NULL""");

    private Uc6Features() {
    }

    /**
     * Daily mean observed temperature per station and local day.
     *
     * @param weatherHourly silver weather with {@code station_id, ts_utc, temperature_c}
     * @return {@code station_id, local_date, t_mean_c}, days with at least {@value #MIN_HOURS_PER_DAY} hours
     */
    public static Dataset<Row> dailyTemperatures(Dataset<Row> weatherHourly) {
        return weatherHourly
                .withColumn("local_date", to_date(from_utc_timestamp(col("ts_utc"), "Europe/Paris")))
                .groupBy("station_id", "local_date")
                .agg(avg("temperature_c").as("t_mean_c"), count(lit(1)).as("hours"))
                .filter(col("hours").geq(MIN_HOURS_PER_DAY))
                .drop("hours");
    }

    /**
     * The temperature side of the feature rows, per station: for every issue day D with
     * {@value #MIN_HISTORY_DAYS} days of history and every horizon h whose target day is observed, the observed mean
     * and effective temperature of D, the simulated forecast mean of D+h and of D+h−1 (the observed mean of D when
     * h = 1), the effective temperature of D+h and of D+h−1 along the forecast path ({@code te_fc_prev_c}, the
     * observed one of D when h = 1: with the two daily means it lets a model learn its own inertia kernel), the
     * heating degrees of D+h, and the observed
     * mean of D+h ({@code t_obs_target_c}, for evaluation only: not a feature). Runs one group per station on the
     * executors.
     *
     * @param daily the rows of {@link #dailyTemperatures}
     */
    public static Dataset<Row> temperaturePaths(Dataset<Row> daily, Uc6Options options) {
        double alpha = options.smoothingAlpha();
        double base = options.heatingBaseC();
        double sd = options.forecastErrorSdC();
        long seed = options.seed();
        FlatMapGroupsFunction<String, Row, Row> paths = (station, rows) -> {
            TreeMap<Long, Double> byDay = new TreeMap<>();
            rows.forEachRemaining(r -> byDay.put(r.getDate(1).toLocalDate().toEpochDay(), r.getDouble(2)));
            return stationPaths(station, byDay, alpha, base, sd, seed).iterator();
        };
        return daily
                .select("station_id", "local_date", "t_mean_c")
                .groupByKey((MapFunction<Row, String>) r -> r.getString(0), Encoders.STRING())
                .flatMapGroups(paths, Encoders.row(TEMPERATURE_PATH_SCHEMA));
    }

    /** The temperature path rows of one station from its daily means by epoch day. */
    static List<Row> stationPaths(String station, TreeMap<Long, Double> byDay, double alpha, double base, double sd,
                                  long seed) {
        List<Row> out = new ArrayList<>();
        if (byDay.isEmpty()) {
            return out;
        }
        long first = byDay.firstKey();
        int n = (int) (byDay.lastKey() - first + 1);
        double[] t = new double[n];
        boolean[] observed = new boolean[n];
        double last = byDay.firstEntry().getValue();
        for (int i = 0; i < n; i++) {
            Double v = byDay.get(first + i);
            observed[i] = v != null;
            // A missing day keeps the previous mean so that the smoothing goes on.
            last = v != null ? v : last;
            t[i] = last;
        }
        double[] te = DegreeDays.smoothedTemperature(t, alpha);
        for (int i = MIN_HISTORY_DAYS - 1; i < n - 1; i++) {
            if (!observed[i]) {
                continue;
            }
            LocalDate issue = LocalDate.ofEpochDay(first + i);
            double[] errors = ForecastTemperatureNoise.errors(seed, sd, station, issue, HORIZONS);
            double tePath = te[i];
            double previous = t[i];
            for (int h = 1; h <= HORIZONS && i + h < n; h++) {
                if (!observed[i + h]) {
                    break;
                }
                double forecast = t[i + h] + errors[h - 1];
                double tePrevious = tePath;
                tePath = alpha * forecast + (1 - alpha) * tePath;
                out.add(RowFactory.create(station, java.sql.Date.valueOf(issue), h,
                        java.sql.Date.valueOf(issue.plusDays(h)), t[i], te[i], forecast, previous, tePath,
                        DegreeDays.heatingDegrees(tePath, base), DegreeDays.heatingDegrees(forecast, base),
                        tePrevious, t[i + h]));
                previous = forecast;
            }
        }
        return out;
    }

    /**
     * Builds the feature table.
     *
     * @param areaDaily silver {@code gas_area_daily}: {@code area_id, local_date, gas_kwh}
     * @param areas silver {@code gas_areas}: {@code area_id, station_id, capacity_kwh_per_day}
     * @param weatherHourly silver {@code weather_hourly}
     * @param calendar silver {@code calendar}
     * @return {@link #KEYS}, {@link #FEATURES}, {@link #CAPACITY}, {@code t_obs_target_c}, {@link #LABEL} and
     *     {@link #LOAD_FACTOR}, one row per area, issue day and horizon whose target day has a metered demand
     * @throws IllegalArgumentException if {@code areas} has no {@code station_id} (areas from an older generator)
     */
    public static Dataset<Row> build(Dataset<Row> areaDaily, Dataset<Row> areas, Dataset<Row> weatherHourly,
                                     Dataset<Row> calendar, Uc6Options options) {
        if (!List.of(areas.columns()).contains("station_id")) {
            throw new IllegalArgumentException("gas_areas has no station_id column: regenerate the region "
                    + "(workbench generate) with this version, whose gas areas carry their weather station");
        }
        Dataset<Row> gas = areaDaily.select(col("area_id"), col("local_date"), col("gas_kwh"));
        WindowSpec lastWeek = Window.partitionBy("area_id").orderBy(col("day_number"))
                .rangeBetween(-(MIN_HISTORY_DAYS - 1), 0);
        Dataset<Row> history = gas
                .withColumn("day_number", datediff(col("local_date"), lit(java.sql.Date.valueOf("1970-01-01"))))
                .withColumn("demand_7d", avg("gas_kwh").over(lastWeek))
                .withColumn("days_7d", count(lit(1)).over(lastWeek))
                .filter(col("days_7d").equalTo(MIN_HISTORY_DAYS))
                .select(col("area_id"), col("local_date").as("issue_date"), col("gas_kwh").as("demand_d0"),
                        col("demand_7d"));
        Dataset<Row> previousDay = gas
                .select(col("area_id"), date_add(col("local_date"), 1).as("issue_date"),
                        col("gas_kwh").as("demand_d1"));
        Dataset<Row> label = gas
                .select(col("area_id"), col("local_date").as("target_date"), col("gas_kwh").as(LABEL));
        Dataset<Row> targetCalendar = calendar
                .select(col("local_date").as("target_date"), col("iso_day_of_week"),
                        when(col("is_public_holiday"), 1).otherwise(0).as("is_public_holiday"),
                        when(col("is_school_holiday"), 1).otherwise(0).as("is_school_holiday"));
        Dataset<Row> paths = temperaturePaths(dailyTemperatures(weatherHourly), options);
        Dataset<Row> capacity = areas.select(col("area_id"), col("station_id"), col(CAPACITY));
        double yearRadians = 2 * Math.PI / 365.25;
        return history
                .join(previousDay, new String[] {"area_id", "issue_date"})
                .join(capacity, "area_id")
                .join(paths, new String[] {"station_id", "issue_date"})
                .join(label, new String[] {"area_id", "target_date"})
                .join(targetCalendar, "target_date")
                .select(concat_ws("|", col("area_id"), col("issue_date").cast("string"), col("horizon").cast("string"))
                                .as("row_id"),
                        col("area_id"), col("station_id"), col("issue_date"), col("horizon"), col("target_date"),
                        col("demand_d0").divide(col(CAPACITY)).as("demand_d0_ratio"),
                        col("demand_d1").divide(col(CAPACITY)).as("demand_d1_ratio"),
                        col("demand_7d").divide(col(CAPACITY)).as("demand_7d_ratio"),
                        col("t_obs_issue_c"), col("te_obs_issue_c"), col("t_fc_c"), col("t_fc_prev_c"),
                        col("te_fc_c"), col("te_fc_prev_c"), col("hdd_te_fc"), col("hdd_t_fc"), col("iso_day_of_week"),
                        col("is_public_holiday"), col("is_school_holiday"),
                        sin(dayofyear(col("target_date")).multiply(yearRadians)).as("doy_sin"),
                        cos(dayofyear(col("target_date")).multiply(yearRadians)).as("doy_cos"),
                        col(CAPACITY), col("t_obs_target_c"), col(LABEL),
                        col(LABEL).divide(col(CAPACITY)).as(LOAD_FACTOR));
    }
}
