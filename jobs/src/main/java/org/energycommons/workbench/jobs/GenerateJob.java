package org.energycommons.workbench.jobs;

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
import org.energycommons.workbench.datasets.synthetic.SyntheticRegion;

/**
 * Generates the synthetic region into the lake: reference tables and weather to silver, load curves to bronze
 * then silver (pseudonymised), substations with capacities, and the ground truth to {@code truth}.
 */
public final class GenerateJob {

    private GenerateJob() {
    }

    /** Runs the generation; returns the number of load-curve readings written. */
    public static long run(JobContext ctx, RegionConfig config, Pseudonymizer pseudonymizer) {
        Lake lake = ctx.lake();
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

        ctx.progress().step("generate: 30-minute load curves to bronze");
        lake.replace(Tables.BRONZE_SYNTHETIC_LOAD_CURVE,
                region.bronzeLoadCurve(meters, weather, lake.read(Tables.CALENDAR), ctx.runId()), ctx.runId());

        ctx.progress().step("generate: load curves to silver (pseudonymised, kWh)");
        Dataset<Row> prmToMeter = SyntheticRegion.prmToMeter(meters, pseudonymizer);
        lake.replace(Tables.LOAD_CURVE,
                SyntheticRegion.silverLoadCurve(lake.read(Tables.BRONZE_SYNTHETIC_LOAD_CURVE), prmToMeter), ctx.runId());

        ctx.progress().step("generate: substations and their capacities");
        Dataset<Row> hourly = SubstationLoad.hourly(lake.read(Tables.LOAD_CURVE), lake.read(Tables.METERS));
        lake.replace(Tables.SUBSTATIONS,
                SubstationCapacity.substations(hourly, lake.read(Tables.METERS), config.seed()), ctx.runId());
        weather.unpersist();
        meters.unpersist();

        ctx.files().writeString(ctx.workspace().regionFile(), describe(config));
        long readings = lake.read(Tables.LOAD_CURVE).count();
        ctx.progress().info(String.format("wrote %,d half-hourly readings to %s", readings, lake.path(Tables.LOAD_CURVE)));
        return readings;
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
