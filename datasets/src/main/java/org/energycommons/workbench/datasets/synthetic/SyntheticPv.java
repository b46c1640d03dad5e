package org.energycommons.workbench.datasets.synthetic;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Rooftop photovoltaic (PV) installations of the synthetic region and their half-hourly production, with the
 * self-consumption a building would achieve against its load curve.
 *
 * <p>About {@value #DWELLING_SHARE} of dwellings get {@value #DWELLING_MIN_KWC}–{@value #DWELLING_MAX_KWC} kWc and
 * about {@value #OTHER_SHARE} of offices, schools and town halls {@value #OTHER_MIN_KWC}–{@value #OTHER_MAX_KWC}
 * kWc; shops get none. Selection and size are hashes of the seed and {@code building_id}. Production of a
 * half-hour is {@code kWc × irradiance / 1000 × performance ratio 0.8 × 0.5 h}, from the global horizontal
 * irradiance of the station (no tilt or orientation in v1).
 *
 * <p>Load curves stay gross consumption in v1: PV does not alter the meter readings of
 * {@link SyntheticRegion#bronzeLoadCurve} yet; {@link #selfConsumption} tells what part of the production the
 * building would have used itself.
 */
public final class SyntheticPv {

    /** Share of dwellings with PV. */
    public static final double DWELLING_SHARE = 0.12;
    /** Share of offices, schools and town halls with PV. */
    public static final double OTHER_SHARE = 0.30;
    /** Smallest dwelling installation, kWc. */
    public static final double DWELLING_MIN_KWC = 3.0;
    /** Largest dwelling installation, kWc. */
    public static final double DWELLING_MAX_KWC = 9.0;
    /** Smallest installation of an office, school or town hall, kWc. */
    public static final double OTHER_MIN_KWC = 20.0;
    /** Largest installation of an office, school or town hall, kWc. */
    public static final double OTHER_MAX_KWC = 100.0;
    /** Performance ratio: inverter, temperature, soiling and wiring losses. */
    public static final double PERFORMANCE_RATIO = 0.8;
    /** Irradiance of the standard test conditions that define the kWc, W/m². */
    public static final double STC_IRRADIANCE_W_M2 = 1000.0;

    private SyntheticPv() {
    }

    /**
     * The PV installations.
     *
     * @param meters the {@link SyntheticRegion#meters()} rows
     * @return {@code building_id string, station_id string, pv_kwc double} (0.1 kWc steps), one row per equipped
     *     building; {@code station_id} locates the irradiance {@link #production} uses
     */
    public static Dataset<Row> installations(RegionConfig config, Dataset<Row> meters) {
        long seed = config.seed();
        Column dwelling = col("building_use").equalTo("residential");
        Column other = col("archetype").isin(Archetype.OFFICE.name(), Archetype.SCHOOL.name(),
                Archetype.TOWN_HALL.name());
        Column u = SyntheticColumns.uniform(seed, "pv.select", col("building_id"));
        Column selected = when(dwelling, u.lt(DWELLING_SHARE)).when(other, u.lt(OTHER_SHARE)).otherwise(false);
        Column size = SyntheticColumns.uniform(seed, "pv.size", col("building_id"));
        Column kwc = when(dwelling, size.multiply(DWELLING_MAX_KWC - DWELLING_MIN_KWC).plus(DWELLING_MIN_KWC))
                .otherwise(size.multiply(OTHER_MAX_KWC - OTHER_MIN_KWC).plus(OTHER_MIN_KWC));
        return meters
                .filter(selected)
                .select(col("building_id"), col("station_id"), round(kwc, 1).as("pv_kwc"));
    }

    /**
     * Half-hourly irradiance of the region's local days: each hourly value of {@link SyntheticRegion#weather()}
     * applies to the two half-hours of its hour.
     *
     * @return {@code station_id string, ts_utc timestamp (interval start, UTC), irradiance_w_m2 double}
     */
    public static Dataset<Row> halfHourIrradiance(RegionConfig config, Dataset<Row> weather) {
        return weather
                .select(col("station_id"), col("irradiance_w_m2"),
                        explode(array(col("ts_utc"), col("ts_utc").plus(expr("INTERVAL 30 MINUTES"))))
                                .as("ts_utc"))
                .filter(SyntheticColumns.localDate(col("ts_utc")).between(
                        lit(java.sql.Date.valueOf(config.start())), lit(java.sql.Date.valueOf(config.end()))))
                .select("station_id", "ts_utc", "irradiance_w_m2");
    }

    /**
     * Half-hourly production of every installation:
     * {@code pv_kwh = pv_kwc × irradiance_w_m2 / 1000 × 0.8 × 0.5 h} (0 at night).
     *
     * @param installations the rows of {@link #installations}
     * @param irradiance {@code station_id, ts_utc, irradiance_w_m2}, e.g. {@link #halfHourIrradiance}
     * @return {@code building_id string, ts_utc timestamp (interval start, UTC), pv_kwh double}
     */
    public static Dataset<Row> production(Dataset<Row> installations, Dataset<Row> irradiance) {
        return irradiance
                .join(broadcast(installations.select("building_id", "station_id", "pv_kwc")), "station_id")
                .select(col("building_id"), col("ts_utc"),
                        col("pv_kwc").multiply(col("irradiance_w_m2")).divide(STC_IRRADIANCE_W_M2)
                                .multiply(PERFORMANCE_RATIO).multiply(SyntheticColumns.STEP_HOURS).as("pv_kwh"));
    }

    /**
     * Daily self-consumption: per interval the building uses {@code min(pv, load)} of its production and
     * exports the rest; a production interval without a load reading counts as fully exported.
     *
     * @param production the rows of {@link #production}
     * @param loadCurve gross consumption {@code building_id, ts_utc (interval start, UTC), kwh}, e.g. the silver load
     *     curve joined back to the building of each meter
     * @return {@code building_id string, local_date date (Europe/Paris), pv_kwh double, self_consumed_kwh double,
     *     exported_kwh double} with {@code exported_kwh = pv_kwh − self_consumed_kwh}
     */
    public static Dataset<Row> selfConsumption(Dataset<Row> production, Dataset<Row> loadCurve) {
        Dataset<Row> load = loadCurve.select("building_id", "ts_utc", "kwh");
        return production
                .join(load, new String[] {"building_id", "ts_utc"}, "left")
                .withColumn("self_kwh", least(col("pv_kwh"), coalesce(col("kwh"), lit(0.0))))
                .withColumn("local_date", SyntheticColumns.localDate(col("ts_utc")))
                .groupBy("building_id", "local_date")
                .agg(sum("pv_kwh").as("pv_kwh"), sum("self_kwh").as("self_consumed_kwh"))
                .withColumn("exported_kwh", col("pv_kwh").minus(col("self_consumed_kwh")));
    }
}
