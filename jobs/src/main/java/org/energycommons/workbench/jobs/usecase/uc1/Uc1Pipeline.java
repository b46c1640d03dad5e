package org.energycommons.workbench.jobs.usecase.uc1;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.energycommons.workbench.datasets.lake.Lake;
import org.energycommons.workbench.datasets.lake.TableId;
import org.energycommons.workbench.datasets.lake.Tables;
import org.energycommons.workbench.datasets.privacy.SecrecyGuard;
import org.energycommons.workbench.jobs.JobContext;
import org.energycommons.workbench.jobs.usecase.Predictor;
import org.energycommons.workbench.datasets.lake.LakeFiles;
import org.energycommons.workbench.jobs.usecase.UseCasePipeline;
import org.energycommons.workbench.models.provenance.RunProvenance;
import org.energycommons.workbench.models.uc1.SegmentModel;
import org.energycommons.workbench.models.uc1.Uc1Features;
import org.energycommons.workbench.models.uc1.Uc1Metrics;
import org.energycommons.workbench.models.uc1.Uc1Options;
import org.energycommons.workbench.models.uc1.Uc1Run;
import org.energycommons.workbench.models.uc1.Uc1Tables;
import org.energycommons.workbench.models.usecase.UseCaseResult;
import org.energycommons.workbench.models.usecase.UseCases;

/**
 * uc1, load-profile segmentation: per-meter load-shape features from silver, then clusterings with k chosen by
 * silhouette, evaluated on held-out meters; the page is built by {@link Uc1PageQueries}.
 */
public final class Uc1Pipeline extends UseCasePipeline {

    /** Tables the uc1 models depend on, recorded with their versions. */
    public static final List<TableId> INPUTS = List.of(Uc1Tables.FEATURES, Tables.LOAD_CURVE, Tables.METERS,
            Tables.COMMUNES, Tables.WEATHER_HOURLY, Tables.CALENDAR);

    /** Tables the uc1 training writes. */
    public static final List<TableId> OUTPUTS = List.of(Uc1Tables.SEGMENTS, Uc1Tables.CENTROIDS,
            Uc1Tables.COMMUNE_MIX, Tables.MODEL_REGISTRY);

    /** How uc1 chooses its segmentation. */
    static final String SELECTION = "k per algorithm and best model = highest mean silhouette on the fitted meters "
            + "(no truth); metrics on held-out meters";

    /** The uc1 pipeline. */
    public Uc1Pipeline() {
        super(UseCases.UC1, Uc1Tables.DESCRIPTIONS, Uc1Metrics::fromMap, Uc1PageQueries::page,
                Uc1OpenData::datasets,
                Uc1Entities::entities,
                Uc1PageQueries::headline);
    }

    /** The options of this run: {@code workbench.uc1.*}, seeded by the region. */
    static Uc1Options options(JobContext ctx) {
        return Uc1Options.of(ctx.config(), seed(ctx));
    }

    @Override
    public Predictor predictor(String dir, LakeFiles files) {
        return Uc1Predictor.load(dir, files);
    }

    @Override
    public long features(JobContext ctx) {
        Lake lake = ctx.lake();
        Uc1Options options = options(ctx);
        ctx.progress().step("features uc1: daily load shapes, thermosensitivity and ratios per meter");
        // Every feature reads the complete days: persisted, the load curve is read once.
        Dataset<Row> days = Uc1Features.completeDays(Uc1Features.localReadings(
                lake.read(Tables.LOAD_CURVE)), lake.read(Tables.CALENDAR)).persist(StorageLevel.MEMORY_AND_DISK());
        lake.replace(Uc1Tables.FEATURES, Uc1Features.fromDays(days, lake.read(Tables.METERS),
                lake.read(Tables.COMMUNES), lake.read(Tables.WEATHER_HOURLY), options), ctx.runId());
        days.unpersist();
        Dataset<Row> features = lake.read(Uc1Tables.FEATURES);
        long rows = features.count();
        long excluded = features.filter(col(Uc1Features.EXCLUSION).isNotNull()).count();
        ctx.progress().info(String.format("%,d meters, %,d usable, %,d kept out with a reason (see %s)", rows,
                rows - excluded, excluded, Uc1Features.EXCLUSION));
        return rows;
    }

    @Override
    protected UseCaseResult run(JobContext ctx) {
        Lake lake = ctx.lake();
        Uc1Options options = options(ctx);
        RunProvenance.Builder provenance = provenance(ctx, INPUTS, options, SELECTION);
        ctx.progress().step("train uc1: clustering with k chosen by silhouette");
        // The truth is read for evaluation only: Uc1Run joins it after every fit and choice.
        Dataset<Row> truth = lake.exists(Tables.TRUTH_METERS) ? lake.read(Tables.TRUTH_METERS) : null;
        Uc1Run.Outcome outcome = Uc1Run.run(lake.read(Uc1Tables.FEATURES), truth,
                provenance.inputTables(), options, ctx.progress()::info);

        ctx.progress().step("train uc1: saving models, segments, profiles, registry and metrics");
        List<UseCaseResult.ModelEntry> entries = saveAndRegister(ctx, outcome.models(), outcome.evaluation(), m -> {
            SegmentModel model = (SegmentModel) m;
            String name = model.provenance().name();
            Map<String, String> notes = new LinkedHashMap<>();
            notes.put("k", String.valueOf(model.k()));
            notes.put("role", Uc1Run.CLUSTERINGS.contains(name) ? "segmentation"
                    : "assigns new meters to the segments of " + outcome.bestModel());
            Map<Integer, Double> curve = outcome.silhouetteByK().get(name);
            if (curve != null) {
                notes.put("silhouette_by_k", curveText(curve));
            }
            return notes;
        });
        SecrecyGuard guard = SecrecyGuard.of(ctx.config());
        lake.replace(Uc1Tables.SEGMENTS, ctx.spark().createDataFrame(outcome.segments(),
                Uc1Run.SEGMENTS_SCHEMA), ctx.runId());
        lake.replace(Uc1Tables.CENTROIDS, ctx.spark().createDataFrame(outcome.centroids(),
                Uc1Run.CENTROIDS_SCHEMA), ctx.runId());
        // The commune mix is a publication table: only cells that pass the statistical-secrecy guard are kept.
        lake.replace(Uc1Tables.COMMUNE_MIX, guard.publishable(ctx.spark().createDataFrame(outcome.communeMix(),
                Uc1Run.COMMUNE_MIX_SCHEMA), "n_meters", "largest_share"), ctx.runId());

        provenance.outputs(outputs(ctx, OUTPUTS))
                .split(outcome.split())
                .detail("exclusions", outcome.exclusions());
        if (outcome.insufficient() != null) {
            provenance.detail("insufficient_data", outcome.insufficient());
            ctx.progress().info("uc1: " + outcome.insufficient());
        }
        return result(outcome.bestModel(), entries, provenance.build());
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
