package org.energycommons.workbench.datasets.synthetic;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;
import static org.apache.spark.sql.functions.percentile;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Daily gas consumption of the synthetic region: gas-heated buildings ({@code heating_energy = 'gas'} in the
 * {@link SyntheticRegion#meters()} rows), and the gas distribution network areas they belong to, one per commune
 * (French gas distribution is a communal public service granted by concession, so the commune is the natural
 * network area), with a capacity that the coldest days come close to or exceed.
 *
 * <p><b>Buildings.</b> The physics is the one of the electric slope of {@link SyntheticMeter}: the envelope loses
 * {@code loss = surface × U} (kW/°C, recovered exactly from the true parameters, see
 * {@link #lossKwPerC()}), and a building needs, on a local day,
 * <pre>
 *   expected_gas_kwh = 24 h × loss × max(0, balance point − daily mean smoothed temperature) / 0.9
 *                      + hot water (dwellings only, 4–12 kWh/day, drawn per building)
 * </pre>
 * where 0.9 is the seasonal boiler efficiency and the smoothed temperature is the building-inertia temperature
 * {@code smoothed_temperature_c} of {@link SyntheticRegion#weather()}. Metered values multiply the expected one by
 * a log-normal noise of unit mean and σ {@value #NOISE_SD}, drawn per building and day (occupants, set points,
 * absences). Quantities are kWh on the higher heating value (PCS), as gas network operators bill them; the
 * efficiency is taken relative to PCS.
 *
 * <p><b>Network areas.</b> A real distribution area serves thousands of delivery points, far more than the few tens
 * of gas buildings the region models, so each modelled building stands for {@value #AREA_SCALE} consumers like it
 * ({@link #AREA_SCALE}). The area's demand on a day is
 * <pre>
 *   gas_kwh = Σ metered_b                                               (the modelled buildings, as metered)
 *           + ε(area, day) × [ (AREA_SCALE − 1) × Σ expected_gas_kwh_b  (the unmodelled look-alike consumers)
 *                              + base(area) ]                           (year-round non-heating use)
 * </pre>
 * <ul>
 *   <li>The unmodelled consumers contribute their <em>expected</em> use: their idiosyncratic daily noises are
 *       independent, so over thousands of delivery points they average out (σ / √n); scaling the modelled
 *       buildings' metered noise instead would give a network area the day-to-day jitter of 20 houses.</li>
 *   <li>{@code ε(area, day)} is a log-normal factor of unit mean and σ {@value #AREA_NOISE_SD}, drawn per area and
 *       day, common to every consumer of the area: what does not average out over a network (a windy or sunny
 *       day the daily mean temperature misses, a day when many people are away, the weather response of the
 *       customers the buildings do not resemble). We assume a couple of percent: the operational target of a
 *       day-ahead area forecast with a forecast temperature is a few percent of MAPE (the 4 % criterion of this
 *       use case), which a residual of that size leaves room for once the temperature forecast error is added.</li>
 *   <li>{@code base(area)} is the use that does not depend on the temperature: cooking, hot water of the
 *       non-residential customers, tertiary and small-industry process gas. French public distribution delivers
 *       in summer of the order of one fifth to one sixth of its winter daily demand (the daily consumption of the
 *       public distributions published by GRTgaz and Teréga on ODRE is of the order of 0.3 TWh/day in summer
 *       against 1.5–2 TWh/day in January), whereas the heating and hot water of the modelled buildings alone give
 *       1/20 to 1/40. The base is set from the area's buildings, not from the weather of the
 *       period: {@code base = share × AREA_SCALE × Σ 24 h × loss_b × }{@value #REFERENCE_HEATING_DEGREES_C}
 *       {@code °C / 0.9}, a share (uniform in [{@value #BASE_SHARE_MIN}, {@value #BASE_SHARE_MAX}), drawn per
 *       area: areas differ in their tertiary and industrial mix) of the heating of a reference winter day with
 *       {@value #REFERENCE_HEATING_DEGREES_C} heating degrees (a January day of the H1 stations: a mean of about
 *       3 °C below balance points of 13–17.5 °C). A base of about a fifth of that winter heating, with the
 *       dwellings' hot water, gives a July / January ratio of daily area demand near 1/5 in zone H1 and about 1/3
 *       on the Mediterranean coast, whose winters are milder.</li>
 * </ul>
 * No weekly pattern is given to the base (process gas of small industry dips at weekends in reality): the
 * temperature dominates winter demand and v1 keeps the area model to the terms above.
 *
 * <p>Every random value is a hash of the seed and the row's keys: the same seed gives identical rows whatever the
 * partitioning. Renovation works ({@link SyntheticWorks}) are not applied to gas in v1.
 */
public final class SyntheticGas {

    /** Seasonal efficiency of gas boilers, relative to PCS. */
    public static final double BOILER_EFFICIENCY = 0.9;
    /** Lowest daily domestic hot water use of a gas-heated dwelling, kWh/day. */
    public static final double HOT_WATER_MIN_KWH_PER_DAY = 4.0;
    /** Highest daily domestic hot water use of a gas-heated dwelling, kWh/day. */
    public static final double HOT_WATER_MAX_KWH_PER_DAY = 12.0;
    /** Standard deviation of the log of the daily meter noise. */
    public static final double NOISE_SD = 0.10;
    /**
     * Consumers of a network area each synthetic gas building stands for: the area also serves dwellings, shops,
     * industry and heating networks the region does not model, so that area demand is in MWh to GWh per day (a few
     * tens of synthetic buildings × {@value} × tens to hundreds of kWh).
     */
    public static final double AREA_SCALE = 250.0;
    /** Standard deviation of the log of the area-day factor common to all the consumers of an area. */
    public static final double AREA_NOISE_SD = 0.02;
    /** Heating degrees (°C below the balance point) of the reference winter day the non-heating base is set from. */
    public static final double REFERENCE_HEATING_DEGREES_C = 12.0;
    /** Lowest share of the reference winter day's heating that an area uses every day without heating. */
    public static final double BASE_SHARE_MIN = 0.15;
    /** Highest share of the reference winter day's heating that an area uses every day without heating. */
    public static final double BASE_SHARE_MAX = 0.25;
    /** Percentile of the daily area demand the capacity is set from. */
    public static final double CAPACITY_PERCENTILE = 0.99;
    /** Lowest capacity factor applied to the percentile. */
    public static final double CAPACITY_FACTOR_MIN = 0.97;
    /** Highest capacity factor applied to the percentile. */
    public static final double CAPACITY_FACTOR_MAX = 1.10;
    /** Prefix of area ids: {@code GA-99001} is the area of commune 99001. */
    public static final String AREA_PREFIX = "GA-";

    private SyntheticGas() {
    }

    /** The id of the network area of a commune, e.g. {@code GA-99001}. */
    public static String areaId(String communeCode) {
        return AREA_PREFIX + communeCode;
    }

    /** The possible network areas, one per commune of {@link Geography#COMMUNES}, in that order. */
    public static List<String> areaIds() {
        return Geography.COMMUNES.stream().map(c -> areaId(c.code())).toList();
    }

    /** Envelope heat loss in kW/°C of a meters row (see {@link SyntheticColumns#lossKwPerC}). */
    public static Column lossKwPerC() {
        return SyntheticColumns.lossKwPerC(col("heating_energy"), col("heating_slope_kw_per_c"));
    }

    /**
     * Daily domestic hot water, kWh/day, of a meters row: uniform in [{@value #HOT_WATER_MIN_KWH_PER_DAY},
     * {@value #HOT_WATER_MAX_KWH_PER_DAY}) for dwellings ({@code building_use = 'residential'}), drawn from the
     * seed and {@code building_id}; 0 for other buildings.
     */
    public static Column hotWaterKwhPerDay(RegionConfig config) {
        return when(col("building_use").equalTo("residential"),
                SyntheticColumns.uniform(config.seed(), "gas.hot_water", HOT_WATER_MIN_KWH_PER_DAY,
                        HOT_WATER_MAX_KWH_PER_DAY, col("building_id")))
                .otherwise(0.0);
    }

    /**
     * The noise-free daily gas use of every gas-heated building over the region's local days (the truth).
     *
     * @param meters the {@link SyntheticRegion#meters()} rows
     * @param weather hourly weather with {@code station_id, ts_utc, smoothed_temperature_c}
     * @return {@code building_id string, local_date date, expected_gas_kwh double} (kWh PCS), one row per gas
     *     building and local day from {@link RegionConfig#start()} to {@link RegionConfig#end()}
     */
    public static Dataset<Row> expectedBuildingDaily(RegionConfig config, Dataset<Row> meters,
                                                     Dataset<Row> weather) {
        Dataset<Row> daily = SyntheticColumns.dailySmoothedTemperature(weather)
                .filter(col("local_date").between(lit(java.sql.Date.valueOf(config.start())),
                        lit(java.sql.Date.valueOf(config.end()))));
        Column heating = lit(24.0).multiply(lossKwPerC())
                .multiply(greatest(lit(0.0), col("heating_balance_point_c").minus(col("smoothed_mean_c"))))
                .divide(BOILER_EFFICIENCY);
        return meters
                .filter(col("heating_energy").equalTo("gas"))
                .join(daily, "station_id")
                .select(col("building_id"), col("local_date"),
                        heating.plus(hotWaterKwhPerDay(config)).as("expected_gas_kwh"));
    }

    /**
     * Metered daily gas use of every gas-heated building: the expected use × a log-normal noise of unit mean
     * (σ {@value #NOISE_SD}) drawn from the seed, the building and the day, rounded to the Wh.
     *
     * @return {@code building_id string, local_date date, gas_kwh double} (kWh PCS, ≥ 0; exactly 0 for a
     *     building without hot water on a day whose mean smoothed temperature is at or above its balance point)
     */
    public static Dataset<Row> buildingDaily(RegionConfig config, Dataset<Row> meters, Dataset<Row> weather) {
        Column noise = SyntheticColumns.logNormalUnitMean(config.seed(), "gas.noise", NOISE_SD,
                col("building_id"), col("local_date"));
        return expectedBuildingDaily(config, meters, weather)
                .select(col("building_id"), col("local_date"),
                        round(col("expected_gas_kwh").multiply(noise), 3).as("gas_kwh"));
    }

    /**
     * The year-round non-heating use of every network area, kWh PCS/day: a share uniform in
     * [{@value #BASE_SHARE_MIN}, {@value #BASE_SHARE_MAX}) drawn from the seed and the area, times
     * {@value #AREA_SCALE} × the heating its gas buildings need on a reference winter day of
     * {@value #REFERENCE_HEATING_DEGREES_C} heating degrees ({@code Σ 24 h × loss / 0.9 × degrees}).
     *
     * @param meters the meters rows (their {@code commune_code} gives the area)
     * @return {@code area_id string, base_share double, base_kwh double}, one row per area with a gas building
     */
    public static Dataset<Row> areaBase(RegionConfig config, Dataset<Row> meters) {
        Column referenceHeating = lit(24.0 * REFERENCE_HEATING_DEGREES_C / BOILER_EFFICIENCY).multiply(lossKwPerC());
        Column share = SyntheticColumns.uniform(config.seed(), "gas.area_base", BASE_SHARE_MIN, BASE_SHARE_MAX,
                col("area_id"));
        return meters
                .filter(col("heating_energy").equalTo("gas"))
                .select(concat(lit(AREA_PREFIX), col("commune_code")).as("area_id"),
                        referenceHeating.as("reference_heating_kwh"))
                .groupBy("area_id")
                .agg(sum("reference_heating_kwh").as("reference_heating_kwh"))
                .withColumn("base_share", share)
                .select(col("area_id"), col("base_share"),
                        col("base_share").multiply(AREA_SCALE).multiply(col("reference_heating_kwh")).as("base_kwh"));
    }

    /**
     * Daily demand of the gas network areas, one per commune: the modelled buildings as metered, plus the
     * unmodelled consumers ({@value #AREA_SCALE} − 1 per modelled building, at the buildings' expected use) and the
     * area's non-heating base ({@link #areaBase}), both × an area-day log-normal factor of unit mean (σ
     * {@value #AREA_NOISE_SD}) drawn from the seed, the area and the day (see the class comment for why). An area
     * exists where the region has at least one gas-heated building: substations are spread over communes by weight
     * ({@link Geography#communeOfSubstation}), so the default region (300 meters / 25 = 12 substations) reaches the
     * four communes 99001-99004 (all in zone H1c, two weather stations) and has four areas; from 22 substations on,
     * every commune has one.
     *
     * @param meters the meters rows (their {@code commune_code} gives the area)
     * @param weather hourly weather with {@code station_id, ts_utc, smoothed_temperature_c}
     * @param buildingDaily the rows of {@link #buildingDaily}
     * @return {@code area_id string, local_date date, gas_kwh double (kWh PCS/day), n_buildings long} where
     *     {@code n_buildings} counts the modelled buildings (not scaled)
     */
    public static Dataset<Row> areaDaily(RegionConfig config, Dataset<Row> meters, Dataset<Row> weather,
                                         Dataset<Row> buildingDaily) {
        Dataset<Row> buildingArea = meters.select(col("building_id"),
                concat(lit(AREA_PREFIX), col("commune_code")).as("area_id"));
        Column areaNoise = SyntheticColumns.logNormalUnitMean(config.seed(), "gas.area_noise", AREA_NOISE_SD,
                col("area_id"), col("local_date"));
        Column unmodelled = col("expected_kwh").multiply(AREA_SCALE - 1).plus(col("base_kwh"));
        return buildingDaily
                .join(expectedBuildingDaily(config, meters, weather), new String[] {"building_id", "local_date"})
                .join(broadcast(buildingArea), "building_id")
                .groupBy("area_id", "local_date")
                .agg(sum("gas_kwh").as("metered_kwh"), sum("expected_gas_kwh").as("expected_kwh"),
                        count("*").as("n_buildings"))
                .join(broadcast(areaBase(config, meters)), "area_id")
                .select(col("area_id"), col("local_date"),
                        round(col("metered_kwh").plus(unmodelled.multiply(areaNoise)), 3).as("gas_kwh"),
                        col("n_buildings"));
    }

    /**
     * The network areas with their capacity: the {@value #CAPACITY_PERCENTILE} percentile (exact) of the area's
     * daily demand × a factor uniform in [{@value #CAPACITY_FACTOR_MIN}, {@value #CAPACITY_FACTOR_MAX}) drawn
     * from the seed and the area, rounded to the kWh: the coldest days come close to or exceed it.
     *
     * @param areaDaily the rows of {@link #areaDaily}
     * @return {@code area_id string, commune_code string, station_id string (the weather station of the commune),
     *     climate_zone string, capacity_kwh_per_day double}
     */
    public static Dataset<Row> areas(RegionConfig config, Dataset<Row> areaDaily) {
        Column factor = SyntheticColumns.uniform(config.seed(), "gas.capacity", CAPACITY_FACTOR_MIN,
                CAPACITY_FACTOR_MAX, col("area_id"));
        return areaDaily
                .groupBy("area_id")
                .agg(percentile(col("gas_kwh"), lit(CAPACITY_PERCENTILE)).as("p"))
                .withColumn("commune_code", col("area_id").substr(AREA_PREFIX.length() + 1, 10))
                .withColumn("station_id", communeStation(col("commune_code")))
                .select(col("area_id"),
                        col("commune_code"),
                        col("station_id"),
                        SyntheticColumns.climateZone(col("station_id")).as("climate_zone"),
                        round(col("p").multiply(factor), 0).as("capacity_kwh_per_day"));
    }

    /** The weather station of a commune code, from {@link Geography#COMMUNES}. */
    private static Column communeStation(Column communeCode) {
        List<Column> entries = new ArrayList<>();
        for (Geography.Commune c : Geography.COMMUNES) {
            entries.add(lit(c.code()));
            entries.add(lit(c.stationId()));
        }
        return element_at(map(entries.toArray(new Column[0])), communeCode);
    }
}
