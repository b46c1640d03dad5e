package org.energycommons.workbench.datasets.synthetic;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lpad;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.energycommons.workbench.datasets.building.DpeFactors;
import org.energycommons.workbench.datasets.building.DpeThresholds;

/**
 * Energy performance certificates (DPE, 2021 method) of the synthetic region's dwellings, and the true class
 * each dwelling would get without the disagreement real certificates show with metered use.
 *
 * <p><b>Truth.</b> The final energy of a dwelling is simulated from its true parameters over a reference year of
 * the region's weather (its first {@value #REFERENCE_DAYS} local days, scaled to a year when the region is
 * shorter), for the five DPE uses (heating, hot water, cooling, lighting, auxiliaries):
 * <ul>
 *   <li>electricity: the noise-free half-hour mean power of {@link SyntheticRegion#bronzeLoadCurve} for electric
 *       heating (or, for fuel heating, its auxiliaries), cooling and the water heater, plus
 *       {@value #LIGHTING_AUXILIARIES_SHARE} of the base and occupancy power (lighting and ventilation; the rest
 *       is appliances, outside the DPE);</li>
 *   <li>gas: the expected daily use of {@link SyntheticGas} (heating at efficiency
 *       {@value SyntheticGas#BOILER_EFFICIENCY}, plus hot water);</li>
 *   <li>fuel oil and wood: the same daily heating at efficiencies {@value #FUEL_OIL_EFFICIENCY} and
 *       {@value #WOOD_EFFICIENCY}, plus the hot water draw of {@link SyntheticGas#hotWaterKwhPerDay} when the
 *       dwelling has no electric water heater.</li>
 * </ul>
 * Primary energy converts electricity with the factor of the dwelling's certificate date,
 * {@link DpeFactors#electricityPrimary(LocalDate)} (2.3 before 1 January 2026, 1.9 from then, arrêté of 13 August
 * 2025), and other energies with {@value #OTHER_PRIMARY_FACTOR}.
 * Greenhouse gas emissions use the 3CL-DPE 2021 emission factors, kgCO2e per kWh of final energy: electricity
 * {@value #GHG_ELECTRICITY} (the heating-use factor, applied to every electric use in v1), natural gas
 * {@value #GHG_GAS}, fuel oil {@value #GHG_FUEL_OIL}, wood {@value #GHG_WOOD}. Both are divided by the surface;
 * the class follows {@link DpeThresholds#officialClass} (double threshold, small-surface thresholds from
 * 2024-07-01) at the dwelling's certificate date.
 *
 * <p><b>Certificates.</b> About {@value #SHARE} of dwellings have one, issued on a day uniform in
 * {@value #FIRST_ISSUE}..{@value #LAST_ISSUE}; its primary energy and GHG are the truth × independent log-normal
 * factors of unit mean and σ {@value #NOISE_SD} (real certificates disagree with metered use), rounded to 0.1, and
 * its classes are computed from those printed values. Every random value is a hash of the seed and
 * {@code building_id}.
 */
public final class SyntheticDpe {

    /** Share of dwellings with a certificate. */
    public static final double SHARE = 0.40;
    /** σ of the log of the certificate noise, on primary energy and on GHG. */
    public static final double NOISE_SD = 0.18;
    /** Local days of the reference year. */
    public static final int REFERENCE_DAYS = 365;
    /** Primary energy per kWh of gas, fuel oil or wood. */
    public static final double OTHER_PRIMARY_FACTOR = DpeFactors.OTHER_PRIMARY;
    /** kgCO2e per kWh of electricity (3CL-DPE 2021, heating use). */
    public static final double GHG_ELECTRICITY = DpeFactors.GHG_ELECTRICITY;
    /** kgCO2e per kWh of natural gas (3CL-DPE 2021). */
    public static final double GHG_GAS = DpeFactors.GHG_GAS;
    /** kgCO2e per kWh of fuel oil (3CL-DPE 2021). */
    public static final double GHG_FUEL_OIL = DpeFactors.GHG_FUEL_OIL;
    /** kgCO2e per kWh of wood logs (3CL-DPE 2021). */
    public static final double GHG_WOOD = DpeFactors.GHG_WOOD;
    /** Seasonal efficiency of fuel-oil boilers (assumption of the synthetic region). */
    public static final double FUEL_OIL_EFFICIENCY = 0.85;
    /** Seasonal efficiency of wood heating (assumption of the synthetic region). */
    public static final double WOOD_EFFICIENCY = 0.75;
    /** Share of base and occupancy electricity counted as lighting and auxiliaries. */
    public static final double LIGHTING_AUXILIARIES_SHARE = 0.2;
    /** First issue date: the 2021 method. */
    public static final String FIRST_ISSUE = "2021-07-01";
    /**
     * Last issue date of synthetic certificates: a year after the electricity factor changed, so the certificates
     * of a region span both rules (about a fifth issued from 1 January 2026).
     */
    public static final String LAST_ISSUE = "2026-12-31";

    private SyntheticDpe() {
    }

    /** {@link DpeThresholds#officialClass} as a column: the worse of the energy and climate classes. */
    public static Column officialClass(Column primaryEnergyKwhM2, Column ghgKgM2, Column surfaceM2,
                                       Column issuedOn) {
        return DpeThresholds.officialClass(primaryEnergyKwhM2, ghgKgM2, surfaceM2, issuedOn);
    }

    /** The climate (GHG-only) class, {@code etiquette_ges}: {@link DpeThresholds#officialClass} with no energy. */
    public static Column ghgClass(Column ghgKgM2, Column surfaceM2, Column issuedOn) {
        return officialClass(lit(0.0), ghgKgM2, surfaceM2, issuedOn);
    }

    /**
     * The certificate date of a dwelling (drawn for every dwelling, certified or not, from the seed and
     * {@code building_id}): uniform in {@value #FIRST_ISSUE}..{@value #LAST_ISSUE}.
     */
    public static Column issuedOn(RegionConfig config) {
        LocalDate first = LocalDate.parse(FIRST_ISSUE);
        long span = ChronoUnit.DAYS.between(first, LocalDate.parse(LAST_ISSUE)) + 1;
        Column offset = floor(SyntheticColumns.uniform(config.seed(), "dpe.issued", col("building_id"))
                .multiply(span)).cast("int");
        return date_add(lit(java.sql.Date.valueOf(first)), offset);
    }

    /**
     * The day whose rules give a dwelling's true class: its certificate date when it has a certificate, else
     * {@value #LAST_ISSUE}, the rules of today (a dwelling without a certificate is estimated as it would be
     * certified now, which since 2026 means the electricity factor of 1.9, as uc5 does).
     */
    public static Column truthDate(RegionConfig config) {
        Column certified = SyntheticColumns.uniform(config.seed(), "dpe.select", col("building_id")).lt(SHARE);
        return when(certified, issuedOn(config)).otherwise(lit(java.sql.Date.valueOf(LAST_ISSUE)));
    }

    /**
     * Final energy of every dwelling over the reference year, five DPE uses, per energy carrier.
     *
     * @param meters the {@link SyntheticRegion#meters()} rows
     * @param weather hourly weather of {@link SyntheticRegion#weather()}
     * @param calendar the calendar of {@link SyntheticRegion#calendar()}
     * @return {@code building_id string, electricity_kwh double, gas_kwh double, fuel_oil_kwh double, wood_kwh
     *     double} (kWh/yr; 0 for carriers the dwelling does not use)
     */
    public static Dataset<Row> annualFinalEnergy(SparkSession spark, RegionConfig config, Dataset<Row> meters,
                                                 Dataset<Row> weather, Dataset<Row> calendar) {
        int refDays = Math.min(REFERENCE_DAYS, config.days());
        java.sql.Date from = java.sql.Date.valueOf(config.start());
        java.sql.Date to = java.sql.Date.valueOf(config.start().plusDays(refDays - 1L));
        double scale = 365.0 / refDays;
        Dataset<Row> dwellings = meters.filter(col("building_use").equalTo("residential"));

        Column dpeElectricKw = SyntheticColumns.heatingKw().plus(SyntheticColumns.coolingKw())
                .plus(SyntheticColumns.waterHeaterKw())
                .plus(SyntheticColumns.baseAndOccupancyKw().multiply(LIGHTING_AUXILIARIES_SHARE));
        Dataset<Row> electricity = SyntheticColumns.halfHours(spark, config, dwellings, weather, calendar)
                .filter(col("local_date").between(lit(from), lit(to)))
                .groupBy("building_id")
                .agg(sum(dpeElectricKw.multiply(SyntheticColumns.STEP_HOURS)).multiply(scale).as("electricity"));

        Dataset<Row> daily = SyntheticColumns.dailySmoothedTemperature(weather)
                .filter(col("local_date").between(lit(from), lit(to)));
        Column efficiency = when(col("heating_energy").equalTo("gas"), lit(SyntheticGas.BOILER_EFFICIENCY))
                .when(col("heating_energy").equalTo("fuel_oil"), lit(FUEL_OIL_EFFICIENCY))
                .otherwise(lit(WOOD_EFFICIENCY));
        Column hotWater = when(col("water_heater_kw").gt(0), lit(0.0))
                .otherwise(SyntheticGas.hotWaterKwhPerDay(config));
        Column fuelDaily = lit(24.0).multiply(SyntheticGas.lossKwPerC())
                .multiply(greatest(lit(0.0), col("heating_balance_point_c").minus(col("smoothed_mean_c"))))
                .divide(efficiency)
                .plus(hotWater);
        Dataset<Row> fuel = dwellings
                .filter(col("heating_energy").isin("gas", "fuel_oil", "wood"))
                .join(daily, "station_id")
                .groupBy("building_id")
                .agg(sum(fuelDaily).multiply(scale).as("fuel"));

        Column carrier = col("heating_energy");
        return dwellings.select("building_id", "heating_energy")
                .join(electricity, new String[] {"building_id"}, "left")
                .join(fuel, new String[] {"building_id"}, "left")
                .select(col("building_id"),
                        coalesce(col("electricity"), lit(0.0)).as("electricity_kwh"),
                        when(carrier.equalTo("gas"), coalesce(col("fuel"), lit(0.0))).otherwise(0.0).as("gas_kwh"),
                        when(carrier.equalTo("fuel_oil"), coalesce(col("fuel"), lit(0.0))).otherwise(0.0)
                                .as("fuel_oil_kwh"),
                        when(carrier.equalTo("wood"), coalesce(col("fuel"), lit(0.0))).otherwise(0.0)
                                .as("wood_kwh"));
    }

    /**
     * The true performance of every dwelling, without certificate noise.
     *
     * @return {@code building_id string, true_primary_energy_kwh_m2 double, true_ghg_kg_m2 double (both rounded to
     *     0.1), true_class string} where {@code true_class} is {@link DpeThresholds#officialClass} of the two rounded
     *     values, the surface and the dwelling's {@link #issuedOn certificate date}
     */
    public static Dataset<Row> trueClasses(SparkSession spark, RegionConfig config, Dataset<Row> meters,
                                           Dataset<Row> weather, Dataset<Row> calendar) {
        return truth(spark, config, meters, weather, calendar)
                .withColumn("true_primary_energy_kwh_m2", round(col("pe"), 1))
                .withColumn("true_ghg_kg_m2", round(col("ghg"), 1))
                .select(col("building_id"), col("true_primary_energy_kwh_m2"), col("true_ghg_kg_m2"),
                        officialClass(col("true_primary_energy_kwh_m2"), col("true_ghg_kg_m2"), col("surface_m2"),
                                col("issued_on")).as("true_class"));
    }

    /**
     * The certificates: about {@value #SHARE} of dwellings, one each.
     *
     * @return {@code dpe_id string (13 letters and digits: issue year, "99S", meter index), building_id string,
     *     issued_on date, energy_class string (A–G, double threshold: etiquette_dpe), ghg_class string (A–G, climate
     *     only: etiquette_ges), primary_energy_kwh_m2 double, ghg_kg_m2 double (0.1 steps), surface_m2 double,
     *     construction_year int, heating_energy string (electricity, heat_pump, gas, fuel_oil, wood)}
     */
    public static Dataset<Row> certificates(SparkSession spark, RegionConfig config, Dataset<Row> meters,
                                            Dataset<Row> weather, Dataset<Row> calendar) {
        long seed = config.seed();
        Column id = col("building_id");
        Dataset<Row> certified = meters.filter(SyntheticColumns.uniform(seed, "dpe.select", id).lt(SHARE));
        Column peNoise = SyntheticColumns.logNormalUnitMean(seed, "dpe.noise.energy", NOISE_SD, id);
        Column ghgNoise = SyntheticColumns.logNormalUnitMean(seed, "dpe.noise.ghg", NOISE_SD, id);
        return truth(spark, config, certified, weather, calendar)
                .withColumn("primary_energy_kwh_m2", round(col("pe").multiply(peNoise), 1))
                .withColumn("ghg_kg_m2", round(col("ghg").multiply(ghgNoise), 1))
                .select(
                        concat(date_format(col("issued_on"), "yy"), lit("99S"),
                                lpad(col("meter_index").cast("string"), 8, "0")).as("dpe_id"),
                        col("building_id"),
                        col("issued_on"),
                        officialClass(col("primary_energy_kwh_m2"), col("ghg_kg_m2"), col("surface_m2"),
                                col("issued_on")).as("energy_class"),
                        ghgClass(col("ghg_kg_m2"), col("surface_m2"), col("issued_on")).as("ghg_class"),
                        col("primary_energy_kwh_m2"),
                        col("ghg_kg_m2"),
                        col("surface_m2"),
                        col("construction_year"),
                        col("heating_energy"));
    }

    /** Dwellings with unrounded {@code pe} and {@code ghg} per m² under the rules of their {@link #truthDate}. */
    private static Dataset<Row> truth(SparkSession spark, RegionConfig config, Dataset<Row> meters,
                                      Dataset<Row> weather, Dataset<Row> calendar) {
        Dataset<Row> energy = annualFinalEnergy(spark, config, meters, weather, calendar);
        Column primary = col("electricity_kwh").multiply(DpeFactors.electricityPrimary(col("issued_on")))
                .plus(col("gas_kwh").plus(col("fuel_oil_kwh")).plus(col("wood_kwh")).multiply(OTHER_PRIMARY_FACTOR));
        Column ghg = col("electricity_kwh").multiply(GHG_ELECTRICITY)
                .plus(col("gas_kwh").multiply(GHG_GAS))
                .plus(col("fuel_oil_kwh").multiply(GHG_FUEL_OIL))
                .plus(col("wood_kwh").multiply(GHG_WOOD));
        return meters
                .filter(col("building_use").equalTo("residential"))
                .select("building_id", "meter_index", "surface_m2", "construction_year", "heating_energy")
                .join(energy, "building_id")
                .withColumn("issued_on", truthDate(config))
                .withColumn("pe", primary.divide(col("surface_m2")))
                .withColumn("ghg", ghg.divide(col("surface_m2")));
    }
}
