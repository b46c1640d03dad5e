package org.energycommons.workbench.jobs.usecase.uc5;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.energycommons.workbench.datasets.lake.Lake;
import org.energycommons.workbench.datasets.lake.TableId;
import org.energycommons.workbench.datasets.lake.Tables;
import org.energycommons.workbench.datasets.privacy.SecrecyGuard;
import org.energycommons.workbench.jobs.JobContext;
import org.energycommons.workbench.jobs.usecase.Predictor;
import org.energycommons.workbench.datasets.lake.LakeFiles;
import org.energycommons.workbench.jobs.usecase.UseCasePipeline;
import org.energycommons.workbench.models.provenance.RunProvenance;
import org.energycommons.workbench.models.uc5.DpeModel;
import org.energycommons.workbench.models.uc5.PassoireScreening;
import org.energycommons.workbench.models.uc5.Uc5Features;
import org.energycommons.workbench.models.uc5.Uc5Metrics;
import org.energycommons.workbench.models.uc5.Uc5Options;
import org.energycommons.workbench.models.uc5.Uc5Run;
import org.energycommons.workbench.models.uc5.Uc5Tables;
import org.energycommons.workbench.models.usecase.UseCaseResult;
import org.energycommons.workbench.models.usecase.UseCases;

/**
 * uc5, building energy performance (DPE): one row per dwelling from silver, then class and intensity models trained
 * on the certificates and judged against the true classes; the page is built by {@link Uc5PageQueries}.
 */
public final class Uc5Pipeline extends UseCasePipeline {

    /** Silver tables the feature table is built from. */
    public static final List<TableId> SOURCES = List.of(Tables.BUILDINGS, Tables.METERS, Tables.COMMUNES,
            Tables.LOAD_CURVE, Tables.GAS_BUILDING_DAILY, Tables.WEATHER_HOURLY, Tables.DPE, Tables.RENOVATION_WORKS);
    /** Value of {@code provenance.status} when there were too few certificates to train. */
    public static final String INSUFFICIENT = "insufficient data";

    /** How uc5 chooses its model. */
    static final String SELECTION = "validation score = mean of within-one-class accuracy and F/G recall against "
            + "the certificates of the validation dwellings, each candidate fitted on every test dwelling (ties: "
            + "validation accuracy, then intensity MAE); best model by the one-standard-error rule: the ridge "
            + "regression unless the top-scored tree ensemble beats it by more than one paired-bootstrap standard "
            + "error; the out-of-fold test predictions are never read";

    /** The uc5 pipeline. */
    public Uc5Pipeline() {
        super(UseCases.UC5, Uc5Tables.DESCRIPTIONS, Uc5Metrics::fromMap, Uc5PageQueries::page,
                Uc5OpenData::datasets,
                Uc5Entities::entities,
                Uc5PageQueries::headline);
    }

    @Override
    public Predictor predictor(String dir, LakeFiles files) {
        return Uc5Predictor.load(dir, files);
    }

    @Override
    public long features(JobContext ctx) {
        Lake lake = ctx.lake();
        for (TableId required : List.of(Tables.BUILDINGS, Tables.METERS, Tables.COMMUNES, Tables.WEATHER_HOURLY)) {
            lake.requireExists(required);
        }
        ctx.progress().step("features uc5: registry, weather-normalised metered use and certificates per dwelling");
        Dataset<Row> features = Uc5Features.build(lake.read(Tables.BUILDINGS),
                lake.read(Tables.METERS), lake.read(Tables.COMMUNES),
                readOrEmpty(ctx, Tables.LOAD_CURVE, StructType.fromDDL("""
                        meter_id STRING, ts_utc TIMESTAMP, kwh DOUBLE, step_minutes INT""")),
                readOrEmpty(ctx, Tables.GAS_BUILDING_DAILY, StructType.fromDDL("""
                        building_id STRING, local_date DATE, gas_kwh DOUBLE""")),
                lake.read(Tables.WEATHER_HOURLY),
                readOrEmpty(ctx, Tables.DPE, StructType.fromDDL("""
                        building_id STRING, dpe_id STRING, issued_on DATE, energy_class STRING,
                        primary_energy_kwh_m2 DOUBLE, ghg_kg_m2 DOUBLE""")),
                readOrEmpty(ctx, Tables.RENOVATION_WORKS, StructType.fromDDL("building_id STRING, works_date DATE")));
        lake.replace(Uc5Tables.FEATURES, features, ctx.runId());
        Row counts = lake.read(Uc5Tables.FEATURES)
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
        List<TableId> inputs = new ArrayList<>(List.of(Uc5Tables.FEATURES));
        SOURCES.stream().filter(lake::exists).forEach(inputs::add);
        return inputs;
    }

    @Override
    protected UseCaseResult run(JobContext ctx) {
        Lake lake = ctx.lake();
        lake.requireExists(Uc5Tables.FEATURES);
        Uc5Options options = Uc5Options.of(ctx.config(), seed(ctx));
        RunProvenance.Builder provenance = provenance(ctx, inputs(lake), options, SELECTION);
        Dataset<Row> truth = lake.exists(Tables.TRUTH_DPE) ? lake.read(Tables.TRUTH_DPE) : null;

        ctx.progress().step("train uc5: fitting DPE class and intensity models");
        Uc5Run.Outcome outcome = Uc5Run.run(lake.read(Uc5Tables.FEATURES), truth,
                provenance.inputTables(), options, ctx.progress()::info);

        Map<String, String> split = new LinkedHashMap<>();
        split.put("method", "certified dwellings stratified by certificate class (hash of seed and building_id): "
                + options.validationFraction() + " validation (selection only), the rest test, cross-validated in "
                + options.folds() + " folds (each predicted by the model fitted on the other folds); saved models "
                + "fitted on every test dwelling");
        outcome.split().forEach((k, v) -> split.put(k, v + (k.equals("folds") ? "" : " dwellings")));
        provenance.split(split)
                .detail("evaluation", "test metrics: out-of-fold predictions against truth/dpe_classes (evaluation "
                        + "only; never a feature); train metrics: the saved model on its own test dwellings; "
                        + "certificate_* against the noisy certificates; uncertified_* against the truth of "
                        + "dwellings without certificate");
        if (!outcome.sufficient()) {
            ctx.progress().info(outcome.message());
            provenance.detail("status", INSUFFICIENT).detail("message", outcome.message());
            return result(null, List.of(), provenance.build());
        }

        ctx.progress().step("train uc5: saving models, predictions, commune counts and registry");
        List<UseCaseResult.ModelEntry> entries = saveAndRegister(ctx, outcome.models(), outcome.evaluation(), m -> {
            Map<String, String> notes = new LinkedHashMap<>();
            notes.put("approach", ((DpeModel) m).approach());
            notes.put("algorithm", m.provenance().algorithm());
            PassoireScreening screening = outcome.screenings().get(m.provenance().name());
            if (screening != null) {
                // The flag of a probable passoire needs the error scales: they travel with the model's entry.
                notes.put("screening_probability", Double.toString(screening.probability()));
                notes.put("screening_pe_log_scale", Double.toString(screening.peLogScale()));
                notes.put("screening_ghg_log_scale", Double.toString(screening.ghgLogScale()));
                notes.put("screening_residuals", Integer.toString(screening.residuals()));
            }
            return notes;
        });
        SecrecyGuard guard = SecrecyGuard.of(ctx.config());
        lake.replace(Uc5Tables.PREDICTIONS, outcome.predictions(), ctx.runId());
        // The F/G counts per commune are a publication table: only cells the guard allows are kept.
        lake.replace(Uc5Tables.COMMUNE_FG, Uc5Run.communeFg(lake.read(Uc5Tables.PREDICTIONS),
                lake.read(Tables.COMMUNES), guard), ctx.runId());
        outcome.predictions().unpersist();

        provenance.outputs(outputs(ctx, List.of(Uc5Tables.PREDICTIONS, Uc5Tables.COMMUNE_FG, Tables.MODEL_REGISTRY)))
                .detail("status", "trained")
                .detail("selection", outcome.selection().describe())
                .detail("best_intensity_model", String.valueOf(outcome.bestIntensityModel()))
                .detail("label_noise", outcome.labelNoise().toMap("certificates_vs_truth_"))
                .detail("performance_gap_median_ratio", outcome.gapMedianRatio());
        UseCaseResult result = result(outcome.bestModel(), entries, provenance.build());
        Uc5Metrics.ClassAgreement best = outcome.testTruth().get(outcome.bestModel());
        ctx.progress().info(outcome.message());
        ctx.progress().info(String.format("best model %s on test vs truth: accuracy %.2f, within one class %.2f, "
                        + "macro-F1 %.2f, F/G recall %s (%d F/G)", outcome.bestModel(),
                best.accuracy(), best.withinOneClassAccuracy(), best.macroF1(),
                Double.isNaN(best.fgRecall()) ? "n/a" : String.format("%.2f", best.fgRecall()), best.fgReference()));
        return result;
    }

    /** Whether a result is the insufficient-data outcome. */
    public static boolean insufficient(UseCaseResult result) {
        return result.provenance() != null && INSUFFICIENT.equals(result.provenance().get("status"));
    }
}
