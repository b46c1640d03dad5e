package org.energycommons.workbench.jobs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.energycommons.workbench.datasets.lake.Lake;
import org.energycommons.workbench.datasets.lake.TableId;
import org.energycommons.workbench.datasets.lake.Tables;
import org.energycommons.workbench.datasets.privacy.SecrecyGuard;
import org.energycommons.workbench.datasets.synthetic.RegionConfig;
import org.energycommons.workbench.models.provenance.BuildInfo;
import org.energycommons.workbench.models.registry.ModelRegistry;
import org.energycommons.workbench.models.uc5.BuildingPerformanceFeatures;
import org.energycommons.workbench.models.uc5.DpeMetrics;
import org.energycommons.workbench.models.uc5.DpeModel;
import org.energycommons.workbench.models.uc5.DpeModelling;
import org.energycommons.workbench.models.uc5.Uc5Options;
import org.energycommons.workbench.models.usecase.UseCase;
import org.energycommons.workbench.models.usecase.UseCaseResult;
import org.energycommons.workbench.models.usecase.UseCases;

/** The uc5 job steps: the building feature table from silver, then training, evaluation, registry and results. */
public final class Uc5Jobs {

    /** Silver tables the feature table is built from. */
    public static final List<TableId> SOURCES = List.of(Tables.BUILDINGS, Tables.METERS, Tables.COMMUNES,
            Tables.LOAD_CURVE, Tables.GAS_BUILDING_DAILY, Tables.WEATHER_HOURLY, Tables.DPE, Tables.RENOVATION_WORKS);
    /** The uc5 definition (question, criteria). */
    public static final UseCase UC5 = UseCases.require("uc5");
    /** Value of {@code provenance.status} when there were too few certificates to train. */
    public static final String INSUFFICIENT = "insufficient data";

    private Uc5Jobs() {
    }

    /** Builds the uc5 feature table, one row per dwelling; returns its rows. */
    public static long features(JobContext ctx) {
        Lake lake = ctx.lake();
        for (TableId required : List.of(Tables.BUILDINGS, Tables.METERS, Tables.COMMUNES, Tables.WEATHER_HOURLY)) {
            lake.requireExists(required);
        }
        ctx.progress().step("features uc5: registry, weather-normalised metered use and certificates per dwelling");
        Dataset<Row> features = BuildingPerformanceFeatures.build(lake.read(Tables.BUILDINGS),
                lake.read(Tables.METERS), lake.read(Tables.COMMUNES),
                readOrEmpty(ctx, Tables.LOAD_CURVE, new StructType()
                        .add("meter_id", DataTypes.StringType)
                        .add("ts_utc", DataTypes.TimestampType)
                        .add("kwh", DataTypes.DoubleType)
                        .add("step_minutes", DataTypes.IntegerType)),
                readOrEmpty(ctx, Tables.GAS_BUILDING_DAILY, new StructType()
                        .add("building_id", DataTypes.StringType)
                        .add("local_date", DataTypes.DateType)
                        .add("gas_kwh", DataTypes.DoubleType)),
                lake.read(Tables.WEATHER_HOURLY),
                readOrEmpty(ctx, Tables.DPE, new StructType()
                        .add("building_id", DataTypes.StringType)
                        .add("dpe_id", DataTypes.StringType)
                        .add("issued_on", DataTypes.DateType)
                        .add("energy_class", DataTypes.StringType)
                        .add("primary_energy_kwh_m2", DataTypes.DoubleType)
                        .add("ghg_kg_m2", DataTypes.DoubleType)),
                readOrEmpty(ctx, Tables.RENOVATION_WORKS, new StructType()
                        .add("building_id", DataTypes.StringType)
                        .add("works_date", DataTypes.DateType)));
        lake.replace(Tables.UC5_FEATURES, features, ctx.runId());
        Row counts = lake.read(Tables.UC5_FEATURES)
                .selectExpr("count(*)", "sum(CASE WHEN certified THEN 1 ELSE 0 END)",
                        "sum(CASE WHEN metered_days > 0 THEN 1 ELSE 0 END)")
                .first();
        long rows = counts.getLong(0);
        ctx.progress().info(String.format("%,d dwellings, %,d with a certificate, %,d with metered electricity", rows,
                counts.isNullAt(1) ? 0 : counts.getLong(1), counts.isNullAt(2) ? 0 : counts.getLong(2)));
        return rows;
    }

    private static Dataset<Row> readOrEmpty(JobContext ctx, TableId table, StructType schema) {
        if (ctx.lake().exists(table)) {
            return ctx.lake().read(table);
        }
        ctx.progress().info(table.relativePath() + " is absent: read as empty");
        return ctx.spark().createDataFrame(List.of(), schema);
    }

    /** The input tables recorded in provenance: the feature table and the sources that exist. */
    static List<TableId> inputs(Lake lake) {
        List<TableId> inputs = new ArrayList<>(List.of(Tables.UC5_FEATURES));
        SOURCES.stream().filter(lake::exists).forEach(inputs::add);
        return inputs;
    }

    /** Trains, evaluates, registers and writes results; returns the result written to {@code uc5.json}. */
    public static UseCaseResult train(JobContext ctx) {
        Lake lake = ctx.lake();
        lake.requireExists(Tables.UC5_FEATURES);
        Map<String, Long> inputs = lake.versions(inputs(lake));
        RegionConfig region = GenerateJob.regionOf(ctx);
        long seed = region == null ? 42L : region.seed();
        Uc5Options options = Uc5Options.of(ctx.config(), seed);
        Dataset<Row> truth = lake.exists(Tables.TRUTH_DPE) ? lake.read(Tables.TRUTH_DPE) : null;

        ctx.progress().step("train uc5: fitting DPE class and intensity models");
        DpeModelling.Outcome outcome = DpeModelling.run(lake.read(Tables.UC5_FEATURES), truth, inputs, options,
                ctx.progress()::info);

        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("run_id", ctx.runId());
        provenance.put("git_commit", BuildInfo.gitCommit());
        provenance.put("libraries", BuildInfo.libraries());
        provenance.put("input_tables", inputs);
        provenance.put("options", options.toMap());
        provenance.put("data", region == null ? "lake at " + ctx.workspace().lake()
                : "synthetic region " + region.toProperties());
        Map<String, String> split = new LinkedHashMap<>();
        split.put("method", "certified dwellings stratified by certificate class (hash of seed and building_id): "
                + options.trainFraction() + " train, " + options.validationFraction() + " validation, rest test");
        outcome.split().forEach((k, v) -> split.put(k, v + " dwellings"));
        provenance.put("split", split);
        provenance.put("evaluation", "test metrics against truth/dpe_classes (evaluation only; never a feature); "
                + "certificate_* against the noisy certificates; uncertified_* against the truth of dwellings "
                + "without certificate");
        provenance.put("selection", "best model = highest mean of within-one-class accuracy and F/G recall against "
                + "the certificates of the validation split (ties: validation accuracy, then intensity MAE)");

        if (!outcome.sufficient()) {
            ctx.progress().info(outcome.message());
            provenance.put("status", INSUFFICIENT);
            provenance.put("message", outcome.message());
            UseCaseResult result = new UseCaseResult("uc5", UC5.title(), null, List.of(),
                    UseCaseResult.check(UC5, null, List.of()), provenance);
            Uc4Jobs.writeMetrics(ctx, "uc5", result.toJson());
            return result;
        }

        ctx.progress().step("train uc5: saving models, predictions, commune counts and registry");
        List<Row> registry = new ArrayList<>();
        List<UseCaseResult.ModelEntry> entries = new ArrayList<>();
        for (DpeModel model : outcome.models()) {
            String name = model.provenance().name();
            String dir = ctx.workspace().models("uc5") + "/" + model.provenance().modelId();
            ctx.files().delete(dir);
            model.save(dir, ctx.files());
            Map<String, Map<String, Object>> bySplit = outcome.metrics().get(name);
            registry.add(ModelRegistry.row(model.provenance(), bySplit, dir));
            Map<String, String> notes = new LinkedHashMap<>();
            notes.put("approach", model.approach());
            notes.put("algorithm", model.provenance().algorithm());
            notes.put("artifact", dir);
            entries.add(new UseCaseResult.ModelEntry(name, model.provenance().engine(), model.provenance().modelId(),
                    bySplit.get(DpeModelling.TEST), bySplit.get(DpeModelling.VALIDATION),
                    bySplit.get(DpeModelling.TRAIN), notes));
        }
        SecrecyGuard guard = SecrecyGuard.of(ctx.config());
        lake.replace(Tables.UC5_PREDICTIONS, outcome.predictions(), ctx.runId());
        lake.replace(Tables.UC5_COMMUNE_FG, DpeModelling.communeFg(lake.read(Tables.UC5_PREDICTIONS),
                lake.read(Tables.COMMUNES), guard), ctx.runId());
        lake.merge(Tables.MODEL_REGISTRY, ModelRegistry.rows(ctx.spark(), registry), ModelRegistry.KEY, ctx.runId());
        outcome.predictions().unpersist();

        provenance.put("status", "trained");
        provenance.put("best_intensity_model", String.valueOf(outcome.bestIntensityModel()));
        provenance.put("label_noise", outcome.labelNoise().toMap("certificates_vs_truth_"));
        provenance.put("performance_gap_median_ratio", outcome.gapMedianRatio());
        provenance.put("output_tables", lake.versions(List.of(Tables.UC5_PREDICTIONS, Tables.UC5_COMMUNE_FG,
                Tables.MODEL_REGISTRY)));
        UseCaseResult result = new UseCaseResult("uc5", UC5.title(), outcome.bestModel(), entries,
                UseCaseResult.check(UC5, outcome.bestModel(), entries), provenance);
        Uc4Jobs.writeMetrics(ctx, "uc5", result.toJson());
        DpeMetrics best = outcome.testTruth().get(outcome.bestModel());
        ctx.progress().info(outcome.message());
        ctx.progress().info(String.format("best model %s on test vs truth: accuracy %.2f, within one class %.2f, "
                        + "macro-F1 %.2f, F/G recall %s (%d F/G); criteria met: %d/%d", outcome.bestModel(),
                best.accuracy(), best.withinOneClassAccuracy(), best.macroF1(),
                Double.isNaN(best.fgRecall()) ? "n/a" : String.format("%.2f", best.fgRecall()), best.fgReference(),
                result.criteria().stream().filter(c -> c.met()).count(), result.criteria().size()));
        return result;
    }

    /** Whether a result is the insufficient-data outcome. */
    public static boolean insufficient(UseCaseResult result) {
        return result.provenance() != null && INSUFFICIENT.equals(result.provenance().get("status"));
    }
}
