package org.energycommons.workbench.jobs.usecase;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.energycommons.workbench.datasets.lake.Lake;
import org.energycommons.workbench.datasets.lake.TableId;
import org.energycommons.workbench.datasets.lake.Tables;
import org.energycommons.workbench.datasets.privacy.SecrecyGuard;
import org.energycommons.workbench.datasets.synthetic.RegionConfig;
import org.energycommons.workbench.jobs.GenerateJob;
import org.energycommons.workbench.jobs.JobContext;
import org.energycommons.workbench.jobs.Uc4Jobs;
import org.energycommons.workbench.models.provenance.BuildInfo;
import org.energycommons.workbench.models.registry.ModelRegistry;
import org.energycommons.workbench.models.uc1.LoadSegmentation;
import org.energycommons.workbench.models.uc1.LoadShapeFeatures;
import org.energycommons.workbench.models.uc1.SegmentModel;
import org.energycommons.workbench.models.uc1.Uc1Options;
import org.energycommons.workbench.models.usecase.UseCaseResult;
import org.energycommons.workbench.models.usecase.UseCases;

/** The uc1 job steps: load-shape features from silver, then segmentation, evaluation, registry and results. */
public final class Uc1Jobs {

    /** Tables the uc1 models depend on, recorded with their versions. */
    public static final List<TableId> INPUTS = List.of(Tables.UC1_FEATURES, Tables.LOAD_CURVE, Tables.METERS,
            Tables.COMMUNES, Tables.WEATHER_HOURLY, Tables.CALENDAR);

    /** Tables the uc1 training writes. */
    public static final List<TableId> OUTPUTS = List.of(Tables.UC1_SEGMENTS, Tables.UC1_CENTROIDS,
            Tables.UC1_COMMUNE_MIX, Tables.MODEL_REGISTRY);

    private Uc1Jobs() {
    }

    /** The options of this run: {@code workbench.uc1.*}, seeded by the region. */
    static Uc1Options options(JobContext ctx) {
        RegionConfig region = GenerateJob.regionOf(ctx);
        return Uc1Options.of(ctx.config(), region == null ? 42L : region.seed());
    }

    /** Builds the per-meter feature table; returns its rows (every meter, usable or not). */
    public static long features(JobContext ctx) {
        Lake lake = ctx.lake();
        Uc1Options options = options(ctx);
        ctx.progress().step("features uc1: daily load shapes, thermosensitivity and ratios per meter");
        // Every feature reads the complete days: persisted, the load curve is read once.
        Dataset<Row> days = LoadShapeFeatures.completeDays(LoadShapeFeatures.localReadings(
                lake.read(Tables.LOAD_CURVE)), lake.read(Tables.CALENDAR)).persist(StorageLevel.MEMORY_AND_DISK());
        lake.replace(Tables.UC1_FEATURES, LoadShapeFeatures.fromDays(days, lake.read(Tables.METERS),
                lake.read(Tables.COMMUNES), lake.read(Tables.WEATHER_HOURLY), options), ctx.runId());
        days.unpersist();
        Dataset<Row> features = lake.read(Tables.UC1_FEATURES);
        long rows = features.count();
        long excluded = features.filter(col(LoadShapeFeatures.EXCLUSION).isNotNull()).count();
        ctx.progress().info(String.format("%,d meters, %,d usable, %,d kept out with a reason (see %s)", rows,
                rows - excluded, excluded, LoadShapeFeatures.EXCLUSION));
        return rows;
    }

    /** Segments, evaluates, registers and writes results; returns the result written to {@code uc1.json}. */
    public static UseCaseResult train(JobContext ctx) {
        Lake lake = ctx.lake();
        Uc1Options options = options(ctx);
        Map<String, Long> inputs = lake.versions(INPUTS);
        ctx.progress().step("train uc1: clustering with k chosen by silhouette");
        // The truth is read for evaluation only: LoadSegmentation joins it after every fit and choice.
        Dataset<Row> truth = lake.exists(Tables.TRUTH_METERS) ? lake.read(Tables.TRUTH_METERS) : null;
        LoadSegmentation.Outcome outcome = LoadSegmentation.run(lake.read(Tables.UC1_FEATURES), truth, inputs,
                options, ctx.progress()::info);

        ctx.progress().step("train uc1: saving models, segments, profiles, registry and metrics");
        List<Row> registry = new ArrayList<>();
        List<UseCaseResult.ModelEntry> entries = new ArrayList<>();
        for (SegmentModel model : outcome.models()) {
            String name = model.provenance().name();
            String dir = ctx.workspace().models("uc1") + "/" + model.provenance().modelId();
            ctx.files().delete(dir);
            model.save(dir, ctx.files());
            Map<String, Map<String, Object>> m = outcome.metrics().get(name);
            registry.add(ModelRegistry.row(model.provenance(), m, dir));
            Map<String, String> notes = new LinkedHashMap<>();
            notes.put("artifact", dir);
            notes.put("k", String.valueOf(model.k()));
            notes.put("role", LoadSegmentation.CLUSTERINGS.contains(name) ? "segmentation"
                    : "assigns new meters to the segments of " + outcome.bestModel());
            Map<Integer, Double> curve = outcome.silhouetteByK().get(name);
            if (curve != null) {
                notes.put("silhouette_by_k", curveText(curve));
            }
            entries.add(new UseCaseResult.ModelEntry(name, model.provenance().engine(), model.provenance().modelId(),
                    m.get(LoadSegmentation.TEST), m.get("validation"), m.get(LoadSegmentation.FIT), notes));
        }
        SecrecyGuard guard = SecrecyGuard.of(ctx.config());
        lake.replace(Tables.UC1_SEGMENTS, ctx.spark().createDataFrame(outcome.segments(),
                LoadSegmentation.SEGMENTS_SCHEMA), ctx.runId());
        lake.replace(Tables.UC1_CENTROIDS, ctx.spark().createDataFrame(outcome.centroids(),
                LoadSegmentation.CENTROIDS_SCHEMA), ctx.runId());
        // The commune mix is a publication table: only cells that pass the statistical-secrecy guard are kept.
        lake.replace(Tables.UC1_COMMUNE_MIX, guard.publishable(ctx.spark().createDataFrame(outcome.communeMix(),
                LoadSegmentation.COMMUNE_MIX_SCHEMA), "n_meters", "largest_share"), ctx.runId());
        if (!registry.isEmpty()) {
            lake.merge(Tables.MODEL_REGISTRY, ModelRegistry.rows(ctx.spark(), registry), ModelRegistry.KEY,
                    ctx.runId());
        }

        RegionConfig region = GenerateJob.regionOf(ctx);
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("run_id", ctx.runId());
        provenance.put("git_commit", BuildInfo.gitCommit());
        provenance.put("libraries", BuildInfo.libraries());
        provenance.put("input_tables", inputs);
        provenance.put("output_tables", lake.versions(OUTPUTS.stream().filter(lake::exists).toList()));
        provenance.put("split", outcome.split());
        provenance.put("options", options.toMap());
        provenance.put("data", region == null ? "lake at " + ctx.workspace().lake()
                : "synthetic region " + region.toProperties());
        provenance.put("selection", "k per algorithm and best model = highest mean silhouette on the fitted meters "
                + "(no truth); metrics on held-out meters");
        provenance.put("exclusions", outcome.exclusions());
        if (outcome.insufficient() != null) {
            provenance.put("insufficient_data", outcome.insufficient());
        }
        UseCaseResult result = new UseCaseResult("uc1", UseCases.require("uc1").title(), outcome.bestModel(), entries,
                UseCaseResult.check(UseCases.require("uc1"), outcome.bestModel(), entries), provenance);
        Uc4Jobs.writeMetrics(ctx, "uc1", result.toJson());
        ctx.progress().info(String.format("criteria met: %d/%d%s",
                result.criteria().stream().filter(c -> c.met()).count(), result.criteria().size(),
                outcome.insufficient() == null ? "" : " (" + outcome.insufficient() + ")"));
        return result;
    }

    static String curveText(Map<Integer, Double> curve) {
        List<String> parts = new ArrayList<>();
        curve.forEach((k, s) -> parts.add(k + ":" + (Double.isNaN(s) ? "NaN" : String.format(java.util.Locale.ROOT,
                "%.4f", s))));
        return String.join(",", parts);
    }

    /** Parses {@link #curveText}. */
    static Map<Integer, Double> parseCurve(String text) {
        Map<Integer, Double> curve = new java.util.TreeMap<>();
        if (text == null || text.isBlank()) {
            return curve;
        }
        for (String part : text.split(",")) {
            String[] kv = part.split(":");
            curve.put(Integer.parseInt(kv[0]), Double.parseDouble(kv[1]));
        }
        return curve;
    }
}
