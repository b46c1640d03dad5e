package org.energycommons.workbench.jobs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.from_utc_timestamp;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.year;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.energycommons.workbench.datasets.grid.SubstationCapacity;
import org.energycommons.workbench.datasets.grid.SubstationLoad;
import org.energycommons.workbench.datasets.lake.Lake;
import org.energycommons.workbench.datasets.lake.Tables;
import org.energycommons.workbench.datasets.privacy.Pseudonymizer;
import org.energycommons.workbench.datasets.synthetic.RegionConfig;
import org.energycommons.workbench.datasets.synthetic.SyntheticAddresses;
import org.energycommons.workbench.datasets.synthetic.SyntheticConsents;
import org.energycommons.workbench.datasets.synthetic.SyntheticDpe;
import org.energycommons.workbench.datasets.synthetic.SyntheticFaults;
import org.energycommons.workbench.datasets.synthetic.SyntheticGas;
import org.energycommons.workbench.datasets.synthetic.SyntheticPv;
import org.energycommons.workbench.datasets.synthetic.SyntheticRegion;
import org.energycommons.workbench.datasets.synthetic.SyntheticWorks;

/**
 * Generates the synthetic region into the lake: reference tables and weather to silver, load curves to bronze
 * then silver (pseudonymised) with renovation works and injected faults applied, substations with capacities, gas
 * of buildings and network areas, PV, DPE certificates, annual consumption by address, the consents of a share of
 * dwellings ({@link SyntheticConsents}), and the ground truth
 * (archetypes, true savings, comparison group, faults, true DPE classes) to {@code truth}.
 */
public final class GenerateJob {

    private GenerateJob() {
    }

    /** Runs the generation; returns the number of load-curve readings written. */
    public static long run(JobContext ctx, RegionConfig config, Pseudonymizer pseudonymizer) {
        Lake lake = ctx.lake();
        // The region file is written last: present means a complete region (the robustness sweep reuses it).
        if (ctx.files().exists(ctx.workspace().regionFile())) {
            ctx.files().delete(ctx.workspace().regionFile());
        }
        SyntheticRegion region = new SyntheticRegion(ctx.spark(), config);
        ctx.progress().info(String.format("region: %d meters, %d substations, %d days from %s, seed %d",
                config.meters(), config.substations(), config.days(), config.start(), config.seed()));

        ctx.progress().step("generate: calendar, stations, communes, weather");
        Dataset<Row> calendar = region.calendar();
        lake.replace(Tables.CALENDAR, calendar, ctx.runId());
        lake.replace(Tables.WEATHER_STATIONS, region.stations(), ctx.runId());
        lake.replace(Tables.COMMUNES, region.communes(), ctx.runId());
        Dataset<Row> weather = region.weather().persist(StorageLevel.MEMORY_AND_DISK());
        lake.replace(Tables.WEATHER_HOURLY, SyntheticRegion.silverWeather(weather), ctx.runId());

        ctx.progress().step("generate: buildings, meters and ground truth");
        Dataset<Row> meters = region.meters().persist(StorageLevel.MEMORY_AND_DISK());
        lake.replace(Tables.BUILDINGS, SyntheticRegion.buildings(meters), ctx.runId());
        Dataset<Row> silverMeters = SyntheticRegion.silverMeters(meters, pseudonymizer);
        lake.replace(Tables.METERS, silverMeters, ctx.runId());
        lake.replace(Tables.TRUTH_METERS, SyntheticRegion.truthMeters(meters, pseudonymizer), ctx.runId());

        ctx.progress().step("generate: renovation works and injected faults");
        Dataset<Row> works = SyntheticWorks.works(config, meters).persist(StorageLevel.MEMORY_AND_DISK());
        lake.replace(Tables.RENOVATION_WORKS, works, ctx.runId());
        lake.replace(Tables.TRUTH_COMPARISON_GROUP, SyntheticWorks.comparisonGroup(meters, works), ctx.runId());
        Dataset<Row> faults = SyntheticFaults.faults(config, meters).persist(StorageLevel.MEMORY_AND_DISK());
        lake.replace(Tables.TRUTH_FAULTS, faults, ctx.runId());

        ctx.progress().step("generate: 30-minute load curves to bronze (works and faults applied)");
        lake.replace(Tables.BRONZE_SYNTHETIC_LOAD_CURVE, region.bronzeLoadCurve(meters, weather,
                lake.read(Tables.CALENDAR), works, faults, ctx.runId()), ctx.runId());

        ctx.progress().step("generate: load curves to silver (pseudonymised, kWh)");
        Dataset<Row> prmToMeter = SyntheticRegion.prmToMeter(meters, pseudonymizer);
        lake.replace(Tables.LOAD_CURVE,
                SyntheticRegion.silverLoadCurve(lake.read(Tables.BRONZE_SYNTHETIC_LOAD_CURVE), prmToMeter), ctx.runId());

        ctx.progress().step("generate: substations and their capacities");
        Dataset<Row> hourly = SubstationLoad.hourly(lake.read(Tables.LOAD_CURVE), lake.read(Tables.METERS));
        lake.replace(Tables.SUBSTATIONS,
                SubstationCapacity.substations(hourly, lake.read(Tables.METERS), config.seed()), ctx.runId());
        ctx.progress().step("generate: true savings of the renovated buildings");
        lake.replace(Tables.TRUTH_SAVINGS, SyntheticWorks.trueSavings(ctx.spark(), config, meters, works, weather,
                lake.read(Tables.CALENDAR)), ctx.runId());

        ctx.progress().step("generate: gas (buildings, network areas, capacities)");
        lake.replace(Tables.GAS_BUILDING_DAILY, SyntheticGas.buildingDaily(config, meters, weather), ctx.runId());
        lake.replace(Tables.GAS_AREA_DAILY, SyntheticGas.areaDaily(config, meters, weather,
                lake.read(Tables.GAS_BUILDING_DAILY)), ctx.runId());
        lake.replace(Tables.GAS_AREAS, SyntheticGas.areas(config, lake.read(Tables.GAS_AREA_DAILY)), ctx.runId());

        ctx.progress().step("generate: PV production and self-consumption");
        lake.replace(Tables.PV_INSTALLATIONS, SyntheticPv.installations(config, meters), ctx.runId());
        lake.replace(Tables.PV_PRODUCTION, SyntheticPv.production(lake.read(Tables.PV_INSTALLATIONS),
                SyntheticPv.halfHourIrradiance(config, weather)), ctx.runId());
        Dataset<Row> pvLoad = lake.read(Tables.LOAD_CURVE)
                .join(lake.read(Tables.METERS).select("meter_id", "building_id"), "meter_id")
                .join(lake.read(Tables.PV_INSTALLATIONS).select("building_id"), "building_id")
                .select("building_id", "ts_utc", "kwh");
        lake.replace(Tables.PV_SELF_CONSUMPTION, SyntheticPv.selfConsumption(lake.read(Tables.PV_PRODUCTION), pvLoad),
                ctx.runId());

        ctx.progress().step("generate: DPE certificates and their true classes");
        Dataset<Row> storedCalendar = lake.read(Tables.CALENDAR);
        lake.replace(Tables.DPE, conformDpe(SyntheticDpe.certificates(ctx.spark(), config, meters, weather,
                storedCalendar),
                meters), ctx.runId());
        lake.replace(Tables.TRUTH_DPE, SyntheticDpe.trueClasses(ctx.spark(), config, meters, weather, storedCalendar),
                ctx.runId());

        ctx.progress().step("generate: annual consumption by address (pseudonymised)");
        Dataset<Row> annualPerMeter = lake.read(Tables.BRONZE_SYNTHETIC_LOAD_CURVE)
                .withColumn("year", year(from_utc_timestamp(col("interval_end_utc").minus(expr("INTERVAL 30 MINUTES")),
                        "Europe/Paris")))
                .groupBy("prm", "year")
                .agg(sum(col("value_w").multiply(0.5 / 1000.0)).as("kwh"));
        lake.replace(Tables.ANNUAL_BY_ADDRESS, SyntheticAddresses.annualByAddress(config, meters, annualPerMeter)
                .select(col("year"), col("commune_code"), lit(null).cast("string").as("iris_code"),
                        pseudonymizer.asUdf().apply(concat_ws("|", col("commune_code"), col("address"))).as("address_id"),
                        col("n_dwellings"), col("total_kwh"), col("mean_kwh_per_dwelling")), ctx.runId());

        ctx.progress().step("generate: consents of a share of dwellings (pseudonymised)");
        lake.replace(Tables.CONSENTS, SyntheticConsents.silver(SyntheticConsents.consents(config, meters), prmToMeter),
                ctx.runId());

        works.unpersist();
        faults.unpersist();
        weather.unpersist();
        meters.unpersist();

        ctx.files().writeString(ctx.workspace().regionFile(), describe(config));
        long readings = lake.read(Tables.LOAD_CURVE).count();
        ctx.progress().info(String.format("wrote %,d half-hourly readings to %s", readings, lake.path(Tables.LOAD_CURVE)));
        return readings;
    }

    /** Synthetic certificates in the silver DPE schema shared with the ADEME connector. */
    static Dataset<Row> conformDpe(Dataset<Row> certificates, Dataset<Row> meters) {
        return certificates
                .join(meters.select("building_id", "commune_code", "building_use"), "building_id")
                .select(col("dpe_id"), col("issued_on"), col("energy_class"), col("ghg_class"),
                        col("primary_energy_kwh_m2"), lit(null).cast("double").as("final_energy_kwh_m2"),
                        col("ghg_kg_m2"), col("surface_m2"), col("construction_year"),
                        lit(null).cast("string").as("construction_period"),
                        lit(null).cast("string").as("building_type"), col("commune_code"),
                        lit(null).cast("string").as("postcode"), col("heating_energy"),
                        lit(null).cast("string").as("address_id"), col("building_id"));
    }

    private static String describe(RegionConfig config) {
        StringWriter w = new StringWriter();
        try {
            config.toProperties().store(w, "synthetic region of this lake");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    /** The region a lake was generated with, or null if it was not generated (e.g. real data). */
    public static RegionConfig regionOf(JobContext ctx) {
        String path = ctx.workspace().regionFile();
        if (!ctx.files().exists(path)) {
            return null;
        }
        Properties p = new Properties();
        try {
            p.load(new StringReader(ctx.files().readString(path)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return RegionConfig.of(p);
    }
}
