package org.energycommons.workbench.models.uc5;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.from_utc_timestamp;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.hour;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.minute;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.energycommons.workbench.datasets.building.DpeFactors;
import org.energycommons.workbench.datasets.building.DpeThresholds;
import org.energycommons.workbench.datasets.calendar.DegreeDays;
import org.energycommons.workbench.datasets.grid.OffPeakStart;

/**
 * The uc5 feature table: one row per dwelling of the building registry, with its registry attributes, its
 * metered energy use turned into weather-normalised intensities, and its DPE certificate when it has one (the
 * label, never a feature).
 *
 * <p><b>Metered use.</b> Daily electricity (from the load curve of the building's delivery points) and daily gas
 * are regressed on the heating degree days of the building's weather station (base
 * {@value DegreeDays#DEFAULT_HEATING_BASE_C} °C, daily mean of complete local days): {@code kwh = a + b × HDD},
 * one ordinary least-squares fit per building and carrier computed from five sums in a single grouped
 * aggregation (no job per building). The weather-normalised annual use is {@code 365 a + b HDD_ref}, where
 * {@code HDD_ref} is the station's mean annual HDD over the weather table; when the degree days barely vary over
 * a building's days (variance under {@value #MIN_HDD_VARIANCE} °C²), the slope is not identifiable and the mean
 * daily use × 365 is taken instead. Only complete days (≥ {@value #MIN_DAY_MINUTES} minutes of readings) before
 * any renovation works count: the registry and certificates describe the dwelling before its works. Intensities
 * are per m² of the registry surface; the metered primary energy and GHG use the factors of {@link DpeFactors}
 * (metered electricity includes appliances, which the DPE leaves out, so these run above certificate values).
 *
 * <p><b>Conventional estimate.</b> {@code conventional_*} is what the registry alone says of the heating
 * ({@link ConventionalHeating}: typical envelope loss × the station's degree days, over the heating energy's usual
 * efficiency): a dwelling heated by fuel oil or wood meters none of its heating, and this is the model's only view
 * of its heat need.
 *
 * <p><b>Certificate.</b> The latest certificate linked to the building ({@code building_id}; real ADEME rows
 * without it stay unlinked). {@code reference_date} is its issue date, or for a dwelling without certificate the
 * latest issue date in the DPE table: the thresholds (small surfaces from 2024-07-01) in force at that date are
 * the ones a predicted class is read with.
 */
public final class Uc5Features {

    /** The building use whose buildings get a DPE (dwellings). */
    public static final String RESIDENTIAL = "residential";
    /** Fewest minutes of readings for a day to count as complete (a 23-hour DST day has 1,380). */
    public static final int MIN_DAY_MINUTES = 23 * 60;
    /** Fewest hourly temperatures for a day's mean. */
    public static final int MIN_DAY_HOURS = 20;
    /** Variance of the daily degree days (°C²) under which a heating slope is not identifiable. */
    public static final double MIN_HDD_VARIANCE = 1.0;
    /** Days in a normalised year. */
    public static final double DAYS_PER_YEAR = 365.0;

    /** Envelope quality labels of the registry, best first (index 0..3). */
    public static final List<String> ENVELOPES = List.of("very_good", "good", "average", "poor");
    /** Main heating energies with a one-hot column each. */
    public static final List<String> HEATING_ENERGIES = List.of("electricity", "heat_pump", "gas", "fuel_oil",
            "wood");

    /** The model inputs, in order. */
    public static final List<String> FEATURES = List.of(
            "construction_year", "surface_m2", "envelope_index", "subscribed_kva",
            "heating_electricity", "heating_heat_pump", "heating_gas", "heating_fuel_oil", "heating_wood",
            "zone_h1", "zone_h2", "zone_h3", "hdd_reference", "small_surface_rule", "electricity_primary_factor",
            "metered_days", "elec_kwh_m2", "elec_base_kwh_m2", "elec_slope_wh_m2_dd",
            "gas_kwh_m2", "gas_slope_wh_m2_dd", "metered_pe_kwh_m2", "metered_ghg_kg_m2",
            "conventional_need_kwh_m2", "conventional_pe_kwh_m2", "conventional_ghg_kg_m2", "offpeak_block_kwh_m2");

    /** Label and identity columns (not features). */
    public static final List<String> CERTIFICATE_COLUMNS = List.of("certified", "dpe_id", "issued_on",
            "certificate_class", "certificate_pe_kwh_m2", "certificate_ghg_kg_m2", "reference_date");

    /** {@link OffPeakStart#blockKwh} of an array of the 48 half-hour kWh of a mean day. */
    private static final UserDefinedFunction OFF_PEAK_BLOCK_KWH = udf((UDF1<scala.collection.Seq<Double>, Double>)
            day -> {
                double[] values = new double[day.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = day.apply(i);
                }
                return OffPeakStart.blockKwh(values);
            }, DataTypes.DoubleType);

    private Uc5Features() {
    }

    /**
     * Builds the feature table.
     *
     * @param buildings silver {@code buildings}: building_id, commune_code, building_use, construction_year,
     *     surface_m2, envelope, heating_energy
     * @param meters silver {@code meters}: meter_id, building_id, subscribed_kva
     * @param communes silver {@code communes}: commune_code, station_id, climate_zone
     * @param loadCurve silver {@code load_curve}: meter_id, ts_utc, kwh, step_minutes
     * @param gasDaily silver {@code gas_building_daily}: building_id, local_date, gas_kwh (may be empty)
     * @param weather silver {@code weather_hourly}: station_id, ts_utc, temperature_c
     * @param dpe silver {@code dpe}: building_id, dpe_id, issued_on, energy_class, primary_energy_kwh_m2,
     *     ghg_kg_m2
     * @param works silver {@code renovation_works}: building_id, works_date (may be empty)
     * @return one row per dwelling: {@code building_id, commune_code, climate_zone, heating_energy, envelope},
     *     {@link #FEATURES}, {@link #CERTIFICATE_COLUMNS}, {@code metered_gas_days, works_date}
     */
    public static Dataset<Row> build(Dataset<Row> buildings, Dataset<Row> meters, Dataset<Row> communes,
                                     Dataset<Row> loadCurve, Dataset<Row> gasDaily, Dataset<Row> weather,
                                     Dataset<Row> dpe, Dataset<Row> works) {
        Dataset<Row> dwellings = buildings
                .filter(col("building_use").equalTo(RESIDENTIAL))
                .join(communes.select("commune_code", "station_id", "climate_zone"), "commune_code")
                .join(meters.groupBy("building_id").agg(sum("subscribed_kva").as("subscribed_kva")),
                        new String[] {"building_id"}, "left")
                .join(works.groupBy("building_id").agg(min("works_date").as("works_date")),
                        new String[] {"building_id"}, "left");

        Dataset<Row> degreeDays = dailyDegreeDays(weather);
        Dataset<Row> reference = degreeDays
                .groupBy("station_id")
                .agg(sum("hdd").multiply(DAYS_PER_YEAR).divide(count(lit(1))).as("hdd_reference"));
        Dataset<Row> days = dwellings.select("building_id", "station_id", "works_date")
                .join(degreeDays, "station_id");
        Column beforeWorks = col("works_date").isNull().or(col("local_date").lt(col("works_date")));

        // Only dwellings' meters, and days summed per meter before the join: the load curve is the big input.
        Dataset<Row> dwellingMeters = meters.select("meter_id", "building_id")
                .join(dwellings.select("building_id"), "building_id");
        Dataset<Row> electricDaily = loadCurve
                .join(broadcast(dwellingMeters.select("meter_id")), "meter_id")
                .withColumn("local_date", to_date(from_utc_timestamp(col("ts_utc"), "Europe/Paris")))
                .groupBy("meter_id", "local_date")
                .agg(sum("kwh").as("kwh"), sum("step_minutes").as("minutes"))
                .join(dwellingMeters, "meter_id")
                .groupBy("building_id", "local_date")
                .agg(sum("kwh").as("kwh"), min("minutes").as("minutes"))
                .filter(col("minutes").geq(MIN_DAY_MINUTES))
                // Computed once here (a dwelling-day per row, a few hundred thousand rows): the weather fit and
                // the off-peak block both read it, and column pruning would otherwise plan the load curve's scan
                // and aggregation twice. A local checkpoint is dropped with the last reference to it.
                .localCheckpoint();
        Dataset<Row> electric = fit(days.join(electricDaily, new String[] {"building_id", "local_date"})
                .filter(beforeWorks), "elec");
        Dataset<Row> offPeak = offPeakBlock(loadCurve, dwellingMeters, electricDaily.select("building_id", "local_date")
                .join(days.filter(beforeWorks).select("building_id", "local_date"),
                        new String[] {"building_id", "local_date"}));
        Dataset<Row> gas = fit(days.join(gasDaily.select("building_id", "local_date", "gas_kwh")
                        .withColumnRenamed("gas_kwh", "kwh"), new String[] {"building_id", "local_date"})
                .filter(beforeWorks), "gas");

        Dataset<Row> certificate = latestCertificate(dpe);
        Column latestIssue = lit(certificate.agg(max("issued_on")).first().getDate(0));
        Column surface = col("surface_m2");
        Column elecAnnual = normalised("elec");
        Column gasAnnual = normalised("gas");
        Column elecKwhM2 = coalesce(elecAnnual.divide(surface), lit(0.0));
        Column gasKwhM2 = coalesce(gasAnnual.divide(surface), lit(0.0));
        Column need = ConventionalHeating.needKwhM2(envelopeIndex(col("envelope")), col("hdd_reference"));
        Column conventionalFinal = ConventionalHeating.finalKwhM2(col("conventional_need_kwh_m2"),
                col("heating_energy"));

        Dataset<Row> joined = dwellings
                .join(reference, new String[] {"station_id"}, "left")
                .join(electric, new String[] {"building_id"}, "left")
                .join(gas, new String[] {"building_id"}, "left")
                .join(offPeak, new String[] {"building_id"}, "left")
                .join(certificate, new String[] {"building_id"}, "left")
                .withColumn("certified", col("dpe_id").isNotNull())
                .withColumn("reference_date", coalesce(col("issued_on"), latestIssue, lit(java.sql.Date.valueOf(
                        LocalDate.now()))))
                .withColumn("elec_kwh_m2", elecKwhM2)
                .withColumn("gas_kwh_m2", gasKwhM2)
                .withColumn("conventional_need_kwh_m2", need);

        return joined.select(
                col("building_id"), col("commune_code"), col("climate_zone"), col("heating_energy"), col("envelope"),
                col("construction_year").cast("double").as("construction_year"),
                col("surface_m2").cast("double").as("surface_m2"),
                envelopeIndex(col("envelope")).as("envelope_index"),
                coalesce(col("subscribed_kva").cast("double"), lit(0.0)).as("subscribed_kva"),
                oneHot("heating_electricity", "electricity"),
                oneHot("heating_heat_pump", "heat_pump"),
                oneHot("heating_gas", "gas"),
                oneHot("heating_fuel_oil", "fuel_oil"),
                oneHot("heating_wood", "wood"),
                zone("zone_h1", "H1"),
                zone("zone_h2", "H2"),
                zone("zone_h3", "H3"),
                coalesce(col("hdd_reference"), lit(0.0)).as("hdd_reference"),
                smallSurfaceRule(surface, col("reference_date")).as("small_surface_rule"),
                // Which conversion rule the label was (or will be) issued under: a certificate of 2026 prints
                // 1.9 kWh EP per kWh of electricity where one of 2025 printed 2.3, for the same dwelling.
                DpeFactors.electricityPrimary(col("reference_date")).as("electricity_primary_factor"),
                coalesce(col("elec_n"), lit(0L)).cast("double").as("metered_days"),
                col("elec_kwh_m2"),
                coalesce(col("elec_a").multiply(DAYS_PER_YEAR).divide(surface), lit(0.0)).as("elec_base_kwh_m2"),
                coalesce(col("elec_b").multiply(1000.0).divide(surface), lit(0.0)).as("elec_slope_wh_m2_dd"),
                col("gas_kwh_m2"),
                coalesce(col("gas_b").multiply(1000.0).divide(surface), lit(0.0)).as("gas_slope_wh_m2_dd"),
                // The certificate's own conversion rule: 2.3 before 2026, 1.9 from then (DpeFactors).
                col("elec_kwh_m2").multiply(DpeFactors.electricityPrimary(col("reference_date")))
                        .plus(col("gas_kwh_m2").multiply(DpeFactors.OTHER_PRIMARY)).as("metered_pe_kwh_m2"),
                col("elec_kwh_m2").multiply(DpeFactors.GHG_ELECTRICITY)
                        .plus(col("gas_kwh_m2").multiply(DpeFactors.GHG_GAS)).as("metered_ghg_kg_m2"),
                // What the registry alone says (ConventionalHeating): the only view of the heat need of a
                // dwelling heated by fuel oil or wood, which meters none of it.
                col("conventional_need_kwh_m2"),
                ConventionalHeating.primaryKwhM2(conventionalFinal, col("heating_energy"), col("reference_date"))
                        .as("conventional_pe_kwh_m2"),
                ConventionalHeating.ghgKgM2(conventionalFinal, col("heating_energy")).as("conventional_ghg_kg_m2"),
                // An off-peak water heater counts in the certificate, appliances do not; both sit in the metered
                // base, and only the curve's night block tells them apart (OffPeakStart.blockKwh).
                coalesce(col("offpeak_block_kwh").multiply(DAYS_PER_YEAR).divide(surface), lit(0.0))
                        .as("offpeak_block_kwh_m2"),
                col("certified"),
                col("dpe_id"),
                col("issued_on"),
                col("certificate_class"),
                col("certificate_pe_kwh_m2"),
                col("certificate_ghg_kg_m2"),
                col("reference_date"),
                coalesce(col("gas_n"), lit(0L)).cast("double").as("metered_gas_days"),
                col("works_date"));
    }

    /**
     * The energy of the switched night block of each dwelling's mean day ({@link OffPeakStart#blockKwh}), kWh per day, over
     * the given complete days before works.
     *
     * @return {@code building_id, offpeak_block_kwh}; a dwelling whose curve does not cover the 48 half-hours of a
     *     day (hourly readings) gets no row
     */
    static Dataset<Row> offPeakBlock(Dataset<Row> loadCurve, Dataset<Row> dwellingMeters, Dataset<Row> days) {
        Column local = from_utc_timestamp(col("ts_utc"), "Europe/Paris");
        // One join: the dwellings' meters are few, so broadcast them; it filters the load curve and names buildings.
        Dataset<Row> meanDay = loadCurve
                .join(broadcast(dwellingMeters), "meter_id")
                .withColumn("local_date", to_date(local))
                .withColumn("half_hour", hour(local).multiply(2).plus(floor(minute(local).divide(30))))
                .join(days, new String[] {"building_id", "local_date"})
                .groupBy("building_id", "half_hour")
                .agg(sum("kwh").divide(countDistinct("local_date")).as("kwh"));
        return meanDay
                .groupBy("building_id")
                .agg(sort_array(collect_list(struct(col("half_hour"), col("kwh")))).as("day"))
                .filter(size(col("day")).equalTo(OffPeakStart.HALF_HOURS))
                .select(col("building_id"),
                        OFF_PEAK_BLOCK_KWH.apply(col("day.kwh")).as("offpeak_block_kwh"));
    }

    /** Daily mean temperature and heating degree days per station and complete local day. */
    static Dataset<Row> dailyDegreeDays(Dataset<Row> weather) {
        return weather
                .filter(col("temperature_c").isNotNull())
                .withColumn("local_date", to_date(from_utc_timestamp(col("ts_utc"), "Europe/Paris")))
                .groupBy("station_id", "local_date")
                .agg(avg("temperature_c").as("mean_c"), count(lit(1)).as("hours"))
                .filter(col("hours").geq(MIN_DAY_HOURS))
                .select(col("station_id"), col("local_date"),
                        greatest(lit(0.0), lit(DegreeDays.DEFAULT_HEATING_BASE_C).minus(col("mean_c"))).as("hdd"));
    }

    /**
     * The per-building least-squares fit of daily kWh on HDD, from five sums: {@code <p>_n, <p>_a, <p>_b} and the
     * building's reference HDD carried for normalisation.
     */
    static Dataset<Row> fit(Dataset<Row> daily, String prefix) {
        Column n = col("n");
        Column sxx = col("sxx").minus(col("sx").multiply(col("sx")).divide(n));
        Column sxy = col("sxy").minus(col("sx").multiply(col("sy")).divide(n));
        Column identifiable = sxx.divide(n).geq(MIN_HDD_VARIANCE);
        Column slope = when(identifiable, sxy.divide(sxx)).otherwise(lit(0.0));
        return daily
                .groupBy("building_id")
                .agg(count(lit(1)).as("n"), sum("hdd").as("sx"), sum("kwh").as("sy"),
                        sum(col("hdd").multiply(col("kwh"))).as("sxy"), sum(col("hdd").multiply(col("hdd"))).as("sxx"))
                .withColumn("b", slope)
                .select(col("building_id"),
                        n.as(prefix + "_n"),
                        col("sy").minus(col("b").multiply(col("sx"))).divide(n).as(prefix + "_a"),
                        col("b").as(prefix + "_b"));
    }

    /** {@code max(0, 365 a + b HDD_ref)} of a fitted carrier, null when the building has no days of it. */
    private static Column normalised(String prefix) {
        return greatest(lit(0.0), col(prefix + "_a").multiply(DAYS_PER_YEAR)
                .plus(col(prefix + "_b").multiply(coalesce(col("hdd_reference"), lit(0.0)))));
    }

    /** The latest certificate of each building with a {@code building_id}. */
    static Dataset<Row> latestCertificate(Dataset<Row> dpe) {
        return dpe
                .filter(col("building_id").isNotNull())
                .withColumn("rank", row_number().over(Window.partitionBy("building_id")
                        .orderBy(col("issued_on").desc(), col("dpe_id").desc())))
                .filter(col("rank").equalTo(1))
                .select(col("building_id"), col("dpe_id"), col("issued_on"),
                        upper(col("energy_class")).as("certificate_class"),
                        col("primary_energy_kwh_m2").as("certificate_pe_kwh_m2"),
                        col("ghg_kg_m2").as("certificate_ghg_kg_m2"));
    }

    /** 1 when the small-surface thresholds apply at the reference date (rounded surface under 40 m²). */
    static Column smallSurfaceRule(Column surface, Column referenceDate) {
        return when(round(surface, 0).lt(DpeThresholds.SMALL_SURFACE_BELOW_M2)
                .and(referenceDate.geq(lit(java.sql.Date.valueOf(DpeThresholds.SMALL_SURFACE_RULE_FROM)))), 1.0)
                .otherwise(0.0);
    }

    private static Column envelopeIndex(Column envelope) {
        Column index = lit(null).cast("double");
        for (int i = ENVELOPES.size() - 1; i >= 0; i--) {
            index = when(envelope.equalTo(ENVELOPES.get(i)), (double) i).otherwise(index);
        }
        // An unknown envelope sits between "good" and "average": the least committal value.
        return coalesce(index, lit((ENVELOPES.size() - 1) / 2.0));
    }

    private static Column oneHot(String name, String heatingEnergy) {
        return when(col("heating_energy").equalTo(heatingEnergy), 1.0).otherwise(0.0).as(name);
    }

    private static Column zone(String name, String prefix) {
        return when(upper(col("climate_zone")).startsWith(prefix), 1.0).otherwise(0.0).as(name);
    }
}
