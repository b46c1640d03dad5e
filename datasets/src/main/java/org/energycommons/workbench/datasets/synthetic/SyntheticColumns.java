package org.energycommons.workbench.datasets.synthetic;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.cos;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.exp;
import static org.apache.spark.sql.functions.from_utc_timestamp;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.map;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.shiftrightunsigned;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.energycommons.workbench.datasets.calendar.FrenchCalendar;

/**
 * Column-level building blocks shared by the synthetic builders: seeded draws that are a hash of the seed, a salt
 * and the row's own keys (so that no value depends on the partitioning), local dates, heat losses recovered from
 * the true meter parameters, and the noise-free half-hour load of {@link SyntheticRegion#bronzeLoadCurve}.
 */
final class SyntheticColumns {

    /** The time zone of local days and schedules. */
    static final String PARIS = FrenchCalendar.PARIS.getId();
    /**
     * Share of the heat loss that a building heated by gas, fuel oil or wood draws as electricity (pumps, burner
     * fans): {@link SyntheticMeter#draw} sets {@code heating_slope_kw_per_c = loss × 0.04} for those buildings.
     */
    static final double AUXILIARY_SHARE = 0.04;
    /** Seasonal coefficient of performance of heat pumps: {@link SyntheticMeter#draw} divides their loss by 3. */
    static final double HEAT_PUMP_COP = 3.0;
    /** Hours of one load-curve interval. */
    static final double STEP_HOURS = SyntheticRegion.STEP_SECONDS / 3600.0;

    private SyntheticColumns() {
    }

    /** A uniform draw in [0, 1) that depends only on the seed, the salt and the keys. */
    static Column uniform(long seed, String salt, Column... keys) {
        List<Column> all = new ArrayList<>(keys.length + 2);
        all.add(lit(seed));
        all.add(lit(salt));
        all.addAll(List.of(keys));
        Column h = xxhash64(all.toArray(new Column[0]));
        return shiftrightunsigned(h, 11).cast("double").multiply(1.0 / (1L << 53));
    }

    /** A uniform draw in [lo, hi) that depends only on the seed, the salt and the keys. */
    static Column uniform(long seed, String salt, double lo, double hi, Column... keys) {
        return uniform(seed, salt, keys).multiply(hi - lo).plus(lo);
    }

    /** A standard normal draw (Box-Muller) that depends only on the seed, the salt and the keys. */
    static Column gaussian(long seed, String salt, Column... keys) {
        Column u1 = uniform(seed, salt + ".u1", keys);
        Column u2 = uniform(seed, salt + ".u2", keys);
        return sqrt(log(lit(1.0).minus(u1)).multiply(-2.0)).multiply(cos(u2.multiply(2 * Math.PI)));
    }

    /** A log-normal factor of unit mean, {@code exp(sd·z − sd²/2)}: the expected value stays the model's. */
    static Column logNormalUnitMean(long seed, String salt, double sd, Column... keys) {
        return exp(gaussian(seed, salt, keys).multiply(sd).minus(sd * sd / 2));
    }

    /** The Europe/Paris civil date of a UTC timestamp. */
    static Column localDate(Column tsUtc) {
        return to_date(from_utc_timestamp(tsUtc, PARIS));
    }

    /** The climate zone (H1c, H2d, H3) of a weather station id, from {@link Geography#STATIONS}. */
    static Column climateZone(Column stationId) {
        List<Column> entries = new ArrayList<>();
        for (Geography.Station s : Geography.STATIONS) {
            entries.add(lit(s.id()));
            entries.add(lit(s.climateZone()));
        }
        return element_at(map(entries.toArray(new Column[0])), stationId);
    }

    /**
     * The heat loss of the building envelope, kW per °C ({@code surface × U / 1000}), recovered exactly from the
     * true electric heating slope the way {@link SyntheticMeter#draw} built it: the slope itself for direct
     * electric heating, slope × {@value #HEAT_PUMP_COP} for heat pumps, slope / {@value #AUXILIARY_SHARE} for
     * buildings heated by gas, fuel oil or wood.
     */
    static Column lossKwPerC(Column heatingEnergy, Column heatingSlopeKwPerC) {
        return when(heatingEnergy.equalTo("electricity"), heatingSlopeKwPerC)
                .when(heatingEnergy.equalTo("heat_pump"), heatingSlopeKwPerC.multiply(HEAT_PUMP_COP))
                .otherwise(heatingSlopeKwPerC.divide(AUXILIARY_SHARE));
    }

    /**
     * Daily mean of the smoothed (building-inertia) temperature per station and local day.
     *
     * @return {@code station_id, local_date, smoothed_mean_c}
     */
    static Dataset<Row> dailySmoothedTemperature(Dataset<Row> weather) {
        return weather
                .withColumn("local_date", localDate(col("ts_utc")))
                .groupBy("station_id", "local_date")
                .agg(avg("smoothed_temperature_c").as("smoothed_mean_c"));
    }

    /**
     * Every meter row joined with every half-hour of the region (local date, local half-hour {@code hh}, day type,
     * {@code ts_start_utc}), its station's hourly weather and its archetype's schedules ({@code occupancy},
     * {@code heating_schedule}): the frame {@link SyntheticRegion#bronzeLoadCurve} computes load curves on.
     */
    static Dataset<Row> halfHours(SparkSession spark, RegionConfig config, Dataset<Row> meters,
                                  Dataset<Row> weather, Dataset<Row> calendar) {
        SyntheticRegion region = new SyntheticRegion(spark, config);
        Dataset<Row> slotWeather = region.intervals(calendar)
                .join(weather.withColumnRenamed("ts_utc", "hour_utc"), "hour_utc");
        return meters
                .join(slotWeather, "station_id")
                .join(broadcast(region.schedules()), new String[] {"archetype", "day_type", "hh"});
    }

    /** Electric heating power, kW: slope × max(0, balance point − smoothed temperature) × heating schedule. */
    static Column heatingKw() {
        return col("heating_slope_kw_per_c")
                .multiply(greatest(lit(0.0), col("heating_balance_point_c").minus(col("smoothed_temperature_c"))))
                .multiply(col("heating_schedule"));
    }

    /** Cooling power, kW: slope × max(0, temperature − cooling balance point) × occupancy. */
    static Column coolingKw() {
        return col("cooling_slope_kw_per_c")
                .multiply(greatest(lit(0.0), col("temperature_c").minus(col("cooling_balance_point_c"))))
                .multiply(col("occupancy"));
    }

    /** Off-peak water heater power, kW, during its {@value SyntheticMeter#WATER_HEATER_HALF_HOURS} half-hours. */
    static Column waterHeaterKw() {
        return when(col("water_heater_start_hh").geq(0)
                        .and(pmod(col("hh").minus(col("water_heater_start_hh")), lit(48))
                                .lt(SyntheticMeter.WATER_HEATER_HALF_HOURS)),
                col("water_heater_kw")).otherwise(0.0);
    }

    /** Base and occupancy-driven power, kW (appliances, lighting, ventilation), without day noise. */
    static Column baseAndOccupancyKw() {
        return col("base_kw").plus(col("occupancy_kw").multiply(col("occupancy")));
    }

    /**
     * The noise-free mean power of a half-hour, kW: the formula of {@link SyntheticRegion#bronzeLoadCurve}
     * without its log-normal interval, day and occupancy noises (all of mean close to 1).
     */
    static Column meanKw() {
        return baseAndOccupancyKw().plus(heatingKw()).plus(coolingKw()).plus(waterHeaterKw());
    }
}
