package org.energycommons.workbench.datasets.synthetic;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.cos;
import static org.apache.spark.sql.functions.date_trunc;
import static org.apache.spark.sql.functions.exp;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.from_utc_timestamp;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.hour;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.minute;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.shiftrightunsigned;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.timestamp_seconds;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.StructType;
import org.energycommons.workbench.datasets.calendar.CalendarFrames;
import org.energycommons.workbench.datasets.calendar.FrenchCalendar;
import org.energycommons.workbench.datasets.privacy.Pseudonymizer;

/**
 * The synthetic region generator: a seeded, deterministic Spark job producing weather, a building registry,
 * delivery points with 30-minute load curves from {@link Archetype}s, substations and the ground truth.
 *
 * <p>Every random value is derived from the seed and the row's own keys (a hash), never from the order or
 * partitioning of the work: the same seed and sizes give identical rows on a laptop or on a cluster. Instants
 * are UTC; schedules follow Europe/Paris local time, so DST days have 46 and 50 half-hours.
 */
public final class SyntheticRegion {

    /** Length of one load-curve interval, seconds. */
    public static final int STEP_SECONDS = 1800;

    private final SparkSession spark;
    private final RegionConfig config;

    public SyntheticRegion(SparkSession spark, RegionConfig config) {
        this.spark = spark;
        this.config = config;
    }

    /** The configuration this region is generated from. */
    public RegionConfig config() {
        return config;
    }

    /** The French calendar over the region plus two weeks before (lags) and one day after. */
    public Dataset<Row> calendar() {
        return CalendarFrames.of(spark, FrenchCalendar.standard(), config.start().minusDays(14), config.end().plusDays(1));
    }

    /** Weather stations. */
    public Dataset<Row> stations() {
        List<Row> rows = new ArrayList<>();
        for (Geography.Station s : Geography.STATIONS) {
            rows.add(RowFactory.create(s.id(), s.name(), s.climateZone(), s.lat(), s.lon(), s.altitudeM()));
        }
        StructType schema = StructType.fromDDL("""
                station_id STRING NOT NULL, name STRING NOT NULL, climate_zone STRING NOT NULL,
                latitude DOUBLE NOT NULL, longitude DOUBLE NOT NULL, altitude_m INT NOT NULL""");
        return spark.createDataFrame(rows, schema);
    }

    /** Communes with their climate zone, station and the position of their centre. */
    public Dataset<Row> communes() {
        List<Row> rows = new ArrayList<>();
        for (Geography.Commune c : Geography.COMMUNES) {
            rows.add(RowFactory.create(c.code(), c.name(), c.stationId(),
                    Geography.station(c.stationId()).climateZone(), c.lat(), c.lon()));
        }
        StructType schema = StructType.fromDDL("""
                commune_code STRING NOT NULL, name STRING NOT NULL, station_id STRING NOT NULL,
                climate_zone STRING NOT NULL, latitude DOUBLE, longitude DOUBLE""");
        return spark.createDataFrame(rows, schema);
    }

    /** Schema of {@link #weather()}. */
    static final StructType WEATHER_SCHEMA = StructType.fromDDL("""
            station_id STRING NOT NULL, ts_utc TIMESTAMP NOT NULL, temperature_c DOUBLE NOT NULL,
            temperature_forecast_c DOUBLE NOT NULL, smoothed_temperature_c DOUBLE NOT NULL,
            irradiance_w_m2 DOUBLE NOT NULL""");

    /**
     * Hourly weather, with the generator-only column {@code smoothed_temperature_c} (building inertia) that
     * {@link #silverWeather(Dataset)} drops.
     */
    public Dataset<Row> weather() {
        List<Row> rows = new ArrayList<>();
        for (SyntheticWeather.Hour h : SyntheticWeather.generate(config)) {
            rows.add(RowFactory.create(h.stationId(), Timestamp.from(h.hourStartUtc()), h.temperatureC(),
                    h.forecastC(), h.smoothedC(), h.irradianceWm2()));
        }
        return spark.createDataFrame(rows, WEATHER_SCHEMA);
    }

    /** Weather as published at silver: observed temperature, day-ahead forecast (issued D-1), irradiance. */
    public static Dataset<Row> silverWeather(Dataset<Row> weather) {
        return weather.drop("smoothed_temperature_c");
    }

    /** Schema of {@link #meters()}. */
    public static final StructType METER_SCHEMA = StructType.fromDDL("""
            meter_index BIGINT NOT NULL, prm STRING NOT NULL, building_id STRING NOT NULL,
            archetype STRING NOT NULL, tariff_profile STRING NOT NULL, building_use STRING NOT NULL,
            substation_id STRING NOT NULL, commune_code STRING NOT NULL, station_id STRING NOT NULL,
            construction_year INT NOT NULL, surface_m2 DOUBLE NOT NULL, envelope STRING NOT NULL,
            heating_energy STRING NOT NULL, subscribed_kva INT NOT NULL, base_kw DOUBLE NOT NULL,
            occupancy_kw DOUBLE NOT NULL, heating_slope_kw_per_c DOUBLE NOT NULL,
            heating_balance_point_c DOUBLE NOT NULL, cooling_slope_kw_per_c DOUBLE NOT NULL,
            cooling_balance_point_c DOUBLE NOT NULL, water_heater_kw DOUBLE NOT NULL,
            water_heater_start_hh INT NOT NULL, noise_sd DOUBLE NOT NULL""");

    /** Every delivery point with its building and true parameters, PRM in clear (generator-internal). */
    public Dataset<Row> meters() {
        RegionConfig cfg = config;
        return spark.range(config.meters())
                .as(Encoders.LONG())
                .map((MapFunction<Long, Row>) i -> toRow(SyntheticMeter.draw(cfg, i)), Encoders.row(METER_SCHEMA));
    }

    private static Row toRow(SyntheticMeter m) {
        return RowFactory.create(m.index(), m.prm(), m.buildingId(), m.archetype().name(),
                m.tariffProfile(), m.archetype().buildingUse(), m.substationId(), m.communeCode(),
                m.stationId(), m.constructionYear(), m.surfaceM2(), m.envelope(), m.heatingEnergy(),
                m.subscribedKva(), m.baseKw(), m.occupancyKw(), m.heatingSlopeKwPerC(), m.balancePointC(),
                m.coolingSlopeKwPerC(), m.coolingBalancePointC(), m.waterHeaterKw(), m.waterHeaterStartHalfHour(),
                m.noiseSd());
    }

    /** Occupancy and heating schedules per archetype, day type and local half-hour. */
    public Dataset<Row> schedules() {
        List<Row> rows = new ArrayList<>();
        for (Archetype a : Archetype.values()) {
            for (DayType d : DayType.values()) {
                double[] occupancy = a.occupancy(d);
                double[] heating = a.heating(d);
                for (int hh = 0; hh < 48; hh++) {
                    rows.add(RowFactory.create(a.name(), d.name(), hh, occupancy[hh], heating[hh]));
                }
            }
        }
        StructType schema = StructType.fromDDL("""
                archetype STRING NOT NULL, day_type STRING NOT NULL, hh INT NOT NULL, occupancy DOUBLE NOT NULL,
                heating_schedule DOUBLE NOT NULL""");
        return spark.createDataFrame(rows, schema);
    }

    /** The 30-minute intervals covering the region's local days, with their local half-hour and day type. */
    public Dataset<Row> intervals(Dataset<Row> calendar) {
        Instant first = config.start().atStartOfDay(FrenchCalendar.PARIS).toInstant();
        Instant end = config.end().plusDays(1).atStartOfDay(FrenchCalendar.PARIS).toInstant();
        long count = (end.getEpochSecond() - first.getEpochSecond()) / STEP_SECONDS;
        Column local = from_utc_timestamp(col("ts_start_utc"), FrenchCalendar.PARIS.getId());
        return spark.range(count)
                .withColumnRenamed("id", "slot")
                .withColumn("ts_start_utc", timestamp_seconds(col("slot").multiply(STEP_SECONDS).plus(first.getEpochSecond())))
                .withColumn("local_date", to_date(local))
                .withColumn("hh", hour(local).multiply(2).plus(minute(local).divide(30).cast("int")))
                .withColumn("hour_utc", date_trunc("hour", col("ts_start_utc")))
                .join(broadcast(calendar.select("local_date", "day_type")), "local_date");
    }

    /**
     * Bronze load curves as a network operator delivers them: PRM in clear, average power in W over each interval,
     * timestamp at the interval end (UTC), step {@code PT30M}.
     */
    public Dataset<Row> bronzeLoadCurve(Dataset<Row> meters, Dataset<Row> weather, Dataset<Row> calendar,
                                        String ingestRun) {
        return bronzeLoadCurve(meters, weather, calendar, null, null, ingestRun);
    }

    /**
     * Bronze load curves with renovation works (heating slope and base load reduced from the works date) and
     * injected faults on public buildings applied; either may be null.
     *
     * @param works rows of {@link SyntheticWorks#works}, or null
     * @param faults rows of {@link SyntheticFaults#faults}, or null
     */
    public Dataset<Row> bronzeLoadCurve(Dataset<Row> meters, Dataset<Row> weather, Dataset<Row> calendar,
                                        Dataset<Row> works, Dataset<Row> faults, String ingestRun) {
        Dataset<Row> slotWeather = intervals(calendar)
                .join(weather.withColumnRenamed("ts_utc", "hour_utc"), "hour_utc");
        Column occupancy = col("occupancy").multiply(exp(gaussian(3, col("local_date").cast("string")).multiply(0.1)));
        Column heating = col("heating_slope_kw_per_c")
                .multiply(greatest(lit(0.0), col("heating_balance_point_c").minus(col("smoothed_temperature_c"))))
                .multiply(col("heating_schedule"));
        Column cooling = col("cooling_slope_kw_per_c")
                .multiply(greatest(lit(0.0), col("temperature_c").minus(col("cooling_balance_point_c"))))
                .multiply(col("occupancy"));
        Column waterHeater = when(col("water_heater_start_hh").geq(0)
                .and(pmod(col("hh").minus(col("water_heater_start_hh")), lit(48)).lt(SyntheticMeter.WATER_HEATER_HALF_HOURS)),
                col("water_heater_kw")).otherwise(0.0);
        Column meanKw = col("base_kw").plus(col("occupancy_kw").multiply(occupancy)).plus(heating).plus(cooling)
                .plus(waterHeater);
        // Log-normal noise with unit mean: readings stay positive and the expected load is the model's.
        Column noise = exp(col("noise_sd").multiply(gaussian(1, col("slot").cast("string")))
                .minus(col("noise_sd").multiply(col("noise_sd")).divide(2)));
        Column dayNoise = exp(gaussian(2, col("local_date").cast("string")).multiply(0.08).minus(0.0032));
        Dataset<Row> meterIntervals = meters.join(slotWeather, "station_id");
        if (works != null) {
            meterIntervals = SyntheticWorks.applyWorks(meterIntervals, works);
        }
        Dataset<Row> withLoad = meterIntervals
                .join(broadcast(schedules()), new String[] {"archetype", "day_type", "hh"})
                .withColumn("load_kw", meanKw.multiply(noise).multiply(dayNoise));
        if (faults != null) {
            withLoad = SyntheticFaults.apply(config, withLoad, faults);
        }
        return withLoad
                .select(
                        col("prm"),
                        col("ts_start_utc").plus(expr("INTERVAL 30 MINUTES")).as("interval_end_utc"),
                        round(col("load_kw").multiply(1000)).cast("long").as("value_w"),
                        lit("PT30M").as("interval_length"),
                        lit("synthetic").as("source"),
                        lit(ingestRun).as("ingest_run"));
    }

    /** A standard normal draw that depends only on the seed, the meter, a salt and a key. */
    private Column gaussian(int salt, Column key) {
        Column u1 = uniform(salt * 2, key);
        Column u2 = uniform(salt * 2 + 1, key);
        return sqrt(log(lit(1.0).minus(u1)).multiply(-2.0)).multiply(cos(u2.multiply(2 * Math.PI)));
    }

    private Column uniform(int salt, Column key) {
        Column h = xxhash64(lit(config.seed()), lit(salt), col("meter_index"), key);
        return shiftrightunsigned(h, 11).cast("double").multiply(1.0 / (1L << 53));
    }

    /** The pseudonymisation function as a Spark UDF. */
    public static UserDefinedFunction pseudonymUdf(Pseudonymizer pseudonymizer) {
        return pseudonymizer.asUdf();
    }

    /** Silver delivery points: pseudonymised meter id, building, substation, tariff, subscribed power. */
    public static Dataset<Row> silverMeters(Dataset<Row> meters, Pseudonymizer pseudonymizer) {
        return meters.select(
                pseudonymUdf(pseudonymizer).apply(col("prm")).as("meter_id"),
                col("building_id"),
                col("substation_id"),
                col("commune_code"),
                col("tariff_profile"),
                col("subscribed_kva"));
    }

    /** The link from clear PRM to pseudonym, used only while moving bronze rows to silver. */
    public static Dataset<Row> prmToMeter(Dataset<Row> meters, Pseudonymizer pseudonymizer) {
        return meters.select(col("prm"), pseudonymUdf(pseudonymizer).apply(col("prm")).as("meter_id"));
    }

    /** The building registry. */
    public static Dataset<Row> buildings(Dataset<Row> meters) {
        return meters.select("building_id", "commune_code", "building_use", "construction_year", "surface_m2",
                "envelope", "heating_energy");
    }

    /** Ground truth of every meter, keyed by its pseudonym: read only by evaluation. */
    public static Dataset<Row> truthMeters(Dataset<Row> meters, Pseudonymizer pseudonymizer) {
        return meters
                .withColumn("meter_id", pseudonymUdf(pseudonymizer).apply(col("prm")))
                .drop("prm", "meter_index", "building_id", "station_id", "commune_code", "construction_year",
                        "surface_m2", "envelope", "heating_energy", "building_use", "subscribed_kva", "noise_sd");
    }

    /**
     * Silver load curves from bronze: pseudonymised meter, UTC interval start, energy in kWh.
     *
     * @param prmToMeter two columns, {@code prm} and {@code meter_id}
     */
    public static Dataset<Row> silverLoadCurve(Dataset<Row> bronze, Dataset<Row> prmToMeter) {
        return bronze
                .join(broadcast(prmToMeter), "prm")
                .select(
                        col("meter_id"),
                        col("interval_end_utc").minus(expr("INTERVAL 30 MINUTES")).as("ts_utc"),
                        col("value_w").multiply(0.5 / 1000.0).as("kwh"),
                        lit(STEP_SECONDS / 60).as("step_minutes"));
    }
}
