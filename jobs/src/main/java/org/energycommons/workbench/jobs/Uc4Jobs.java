package org.energycommons.workbench.jobs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.energycommons.workbench.datasets.grid.SubstationLoad;
import org.energycommons.workbench.datasets.lake.Lake;
import org.energycommons.workbench.datasets.lake.TableId;
import org.energycommons.workbench.datasets.lake.Tables;
import org.energycommons.workbench.datasets.synthetic.RegionConfig;
import org.energycommons.workbench.models.forecast.ForecastMetrics;
import org.energycommons.workbench.models.forecast.ForecastOptions;
import org.energycommons.workbench.models.forecast.LoadForecaster;
import org.energycommons.workbench.models.forecast.ModelMetrics;
import org.energycommons.workbench.models.provenance.BuildInfo;
import org.energycommons.workbench.models.registry.ModelRegistry;
import org.energycommons.workbench.models.uc4.DayAheadForecasting;
import org.energycommons.workbench.models.uc4.SubstationLoadFeatures;
import org.energycommons.workbench.models.usecase.UseCaseResult;
import org.energycommons.workbench.models.usecase.UseCases;

/** The uc4 job steps: features from silver, then training, evaluation, registry and results. */
public final class Uc4Jobs {

    /** Tables the uc4 models depend on, recorded with their versions. */
    public static final List<TableId> INPUTS = List.of(Tables.UC4_FEATURES, Tables.SUBSTATION_LOAD_HOURLY,
            Tables.LOAD_CURVE, Tables.METERS, Tables.SUBSTATIONS, Tables.WEATHER_HOURLY, Tables.CALENDAR);

    private Uc4Jobs() {
    }

    /** Builds the substation-hour aggregate and the point-in-time feature table; returns the feature rows. */
    public static long features(JobContext ctx) {
        Lake lake = ctx.lake();
        ctx.progress().step("features uc4: hourly substation load from the load curves");
        lake.replace(Tables.SUBSTATION_LOAD_HOURLY,
                SubstationLoad.hourly(lake.read(Tables.LOAD_CURVE), lake.read(Tables.METERS)), ctx.runId());
        ctx.progress().step("features uc4: point-in-time feature table (issued D-1 "
                + SubstationLoadFeatures.ISSUE_HOUR_LOCAL + ":00 local)");
        lake.replace(Tables.UC4_FEATURES, SubstationLoadFeatures.build(
                lake.read(Tables.SUBSTATION_LOAD_HOURLY), lake.read(Tables.WEATHER_HOURLY),
                lake.read(Tables.SUBSTATIONS), lake.read(Tables.COMMUNES), lake.read(Tables.CALENDAR)), ctx.runId());
        long hours = lake.read(Tables.SUBSTATION_LOAD_HOURLY).count();
        long rows = lake.read(Tables.UC4_FEATURES).count();
        ctx.progress().info(String.format("%,d feature rows from %,d substation-hours (%,d hours lack a week of "
                + "history or a forecast and are not forecast)", rows, hours, hours - rows));
        return rows;
    }

    /** Trains, evaluates, registers and writes results; returns the result written to {@code uc4.json}. */
    public static UseCaseResult train(JobContext ctx) {
        Lake lake = ctx.lake();
        Map<String, Long> inputs = lake.versions(INPUTS);
        RegionConfig region = GenerateJob.regionOf(ctx);
        long seed = region == null ? 42L : region.seed();
        ForecastOptions options = ForecastOptions.of(ctx.config(), seed);

        ctx.progress().step("train uc4: fitting models");
        DayAheadForecasting.Outcome outcome = DayAheadForecasting.run(lake.read(Tables.UC4_FEATURES), inputs, options,
                ctx.progress()::info);

        ctx.progress().step("train uc4: saving models, predictions, metrics and registry");
        List<Row> registry = new ArrayList<>();
        List<UseCaseResult.ModelEntry> entries = new ArrayList<>();
        for (LoadForecaster model : outcome.models()) {
            String name = model.provenance().name();
            String dir = ctx.workspace().models("uc4") + "/" + model.provenance().modelId();
            ctx.files().delete(dir);
            model.save(dir, ctx.files());
            ModelMetrics m = outcome.metrics().get(name);
            registry.add(ModelRegistry.row(model.provenance(), m, dir));
            entries.add(new UseCaseResult.ModelEntry(name, model.provenance().engine(), model.provenance().modelId(),
                    m.test().toMap(), m.validation().toMap(), m.train().toMap(),
                    Map.of("interval_method", model.intervalMethod(), "artifact", dir)));
        }
        lake.replace(Tables.UC4_PREDICTIONS, outcome.predictions(), ctx.runId());
        lake.replace(Tables.UC4_METRICS, metricsTable(ctx, outcome), ctx.runId());
        lake.merge(Tables.MODEL_REGISTRY, ModelRegistry.rows(ctx.spark(), registry), ModelRegistry.KEY, ctx.runId());
        outcome.predictions().unpersist();

        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("run_id", ctx.runId());
        provenance.put("git_commit", BuildInfo.gitCommit());
        provenance.put("libraries", BuildInfo.libraries());
        provenance.put("input_tables", lake.versions(INPUTS));
        provenance.put("output_tables", lake.versions(List.of(Tables.UC4_PREDICTIONS, Tables.UC4_METRICS,
                Tables.MODEL_REGISTRY)));
        provenance.put("split", outcome.split().describe());
        provenance.put("options", options.toMap());
        provenance.put("data", region == null ? "lake at " + ctx.workspace().lake()
                : "synthetic region " + region.toProperties());
        provenance.put("selection", "best model = lowest validation RMSE among learned models");
        UseCaseResult result = new UseCaseResult("uc4", UseCases.UC4.title(), outcome.bestModel(), entries,
                UseCaseResult.check(UseCases.UC4, outcome.bestModel(), entries), provenance);
        writeMetrics(ctx, "uc4", result.toJson());
        ForecastMetrics best = outcome.metrics().get(outcome.bestModel()).test();
        ctx.progress().info(String.format("best model %s on test: MAPE %.1f %%, skill vs persistence %.1f %%, "
                        + "P10-P90 coverage %.1f %%, congestion recall %s; criteria met: %d/%d",
                outcome.bestModel(), 100 * best.mape(), 100 * best.skillVsPersistence(), 100 * best.coverageP10P90(),
                Double.isNaN(best.congestionRecall()) ? "n/a" : String.format("%.2f", best.congestionRecall()),
                result.criteria().stream().filter(c -> c.met()).count(), result.criteria().size()));
        return result;
    }

    private static Dataset<Row> metricsTable(JobContext ctx, DayAheadForecasting.Outcome outcome) {
        List<Row> rows = new ArrayList<>();
        for (LoadForecaster model : outcome.models()) {
            String name = model.provenance().name();
            outcome.metrics().get(name).toMap().forEach((split, metrics) -> metrics.forEach((metric, value) ->
                    rows.add(RowFactory.create(model.provenance().modelId(), name, split, metric,
                            value instanceof Number n ? n.doubleValue() : null))));
        }
        StructType schema = new StructType()
                .add("model_id", DataTypes.StringType, false)
                .add("model", DataTypes.StringType, false)
                .add("split", DataTypes.StringType, false)
                .add("metric", DataTypes.StringType, false)
                .add("value", DataTypes.DoubleType, true);
        return ctx.spark().createDataFrame(rows, schema).orderBy(col("model"), col("split"), col("metric"))
                .withColumn("use_case", lit("uc4"));
    }

    /** Writes {@code DIR/metrics/<name>.json}. */
    public static void writeMetrics(JobContext ctx, String name, String json) {
        try {
            Files.createDirectories(ctx.workspace().metrics());
            Files.writeString(ctx.workspace().metrics().resolve(name + ".json"), json);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write metrics " + name + ": " + e.getMessage(), e);
        }
    }
}
