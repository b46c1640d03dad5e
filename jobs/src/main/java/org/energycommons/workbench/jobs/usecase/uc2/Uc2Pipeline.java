package org.energycommons.workbench.jobs.usecase.uc2;

import static org.apache.spark.sql.functions.col;

import java.sql.Date;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.energycommons.workbench.datasets.lake.Lake;
import org.energycommons.workbench.datasets.lake.TableId;
import org.energycommons.workbench.datasets.lake.Tables;
import org.energycommons.workbench.jobs.JobContext;
import org.energycommons.workbench.jobs.usecase.Predictor;
import org.energycommons.workbench.datasets.lake.LakeFiles;
import org.energycommons.workbench.jobs.usecase.UseCasePipeline;
import org.energycommons.workbench.models.forecast.ModelFile;
import org.energycommons.workbench.models.provenance.DataFingerprint;
import org.energycommons.workbench.models.provenance.ModelProvenance;
import org.energycommons.workbench.models.provenance.RunProvenance;
import org.energycommons.workbench.models.registry.TrainedModel;
import org.energycommons.workbench.models.uc2.AlertRule;
import org.energycommons.workbench.models.uc2.AlertRules;
import org.energycommons.workbench.models.uc2.AnomalyForest;
import org.energycommons.workbench.models.uc2.ExpectedConsumptionModel;
import org.energycommons.workbench.models.uc2.FaultMatching;
import org.energycommons.workbench.models.uc2.Uc2Features;
import org.energycommons.workbench.models.uc2.Uc2Metrics;
import org.energycommons.workbench.models.uc2.Uc2ModelStore;
import org.energycommons.workbench.models.uc2.Uc2Options;
import org.energycommons.workbench.models.uc2.Uc2Run;
import org.energycommons.workbench.models.uc2.Uc2Tables;
import org.energycommons.workbench.models.usecase.Criterion;
import org.energycommons.workbench.models.usecase.EvaluationSets;
import org.energycommons.workbench.models.usecase.MetricInterval;
import org.energycommons.workbench.models.usecase.UseCaseMetrics;
import org.energycommons.workbench.models.usecase.UseCaseResult;
import org.energycommons.workbench.models.usecase.UseCases;

/**
 * uc2, anomaly alerts for public buildings: daily features from silver, then the expected-consumption model, the
 * alert rules and the isolation forest, tuned on the first period and judged on the second against the injected
 * faults; the page is built by {@link Uc2PageQueries}.
 */
public final class Uc2Pipeline extends UseCasePipeline {

    /** Tables the uc2 models depend on, recorded with their versions. */
    public static final List<TableId> INPUTS = List.of(Uc2Tables.FEATURES, Tables.LOAD_CURVE, Tables.METERS,
            Tables.BUILDINGS, Tables.COMMUNES, Tables.WEATHER_HOURLY, Tables.CALENDAR);
    /** Schema of the alert table. */
    public static final StructType ALERT_SCHEMA = StructType.fromDDL("""
            model STRING NOT NULL, building_id STRING NOT NULL, local_date DATE NOT NULL, period STRING NOT NULL,
            rule STRING NOT NULL, severity STRING NOT NULL, severity_level INT NOT NULL, condition STRING NOT NULL,
            evidence MAP<STRING, DOUBLE>, explanation STRING NOT NULL""");

    /** The uc2 pipeline. */
    public Uc2Pipeline() {
        super(UseCases.UC2, Uc2Tables.DESCRIPTIONS, Uc2Metrics::fromMap, Uc2PageQueries::page,
                Uc2OpenData::datasets,
                Uc2Entities::entities,
                Uc2PageQueries::headline);
    }

    @Override
    public Predictor predictor(String dir, LakeFiles files) {
        return Uc2Predictor.load(dir, files);
    }

    @Override
    public long features(JobContext ctx) {
        Lake lake = ctx.lake();
        ctx.progress().step("features uc2: daily consumption shape, weather and calendar of public buildings");
        lake.replace(Uc2Tables.FEATURES, Uc2Features.build(lake.read(Tables.LOAD_CURVE),
                lake.read(Tables.METERS), lake.read(Tables.BUILDINGS), lake.read(Tables.COMMUNES),
                lake.read(Tables.WEATHER_HOURLY), lake.read(Tables.CALENDAR)), ctx.runId());
        Row r = lake.read(Uc2Tables.FEATURES)
                .agg(org.apache.spark.sql.functions.count("building_id"),
                        org.apache.spark.sql.functions.countDistinct("building_id"))
                .first();
        long rows = r.getLong(0);
        ctx.progress().info(String.format("%,d building-days of %d public buildings", rows, r.getLong(1)));
        return rows;
    }

    @Override
    protected UseCaseResult run(JobContext ctx) {
        Lake lake = ctx.lake();
        Uc2Options options = Uc2Options.of(ctx.config(), seed(ctx));
        // A bad rules file fails here, before any Spark work, with its file, line and problem.
        AlertRules rules = AlertRules.load(options.rules());
        RunProvenance.Builder provenance = provenance(ctx, INPUTS, options, "best model = highest F1 on the "
                + "tuning period (first " + Math.round(100 * options.tuningFraction()) + " % of the days); metrics on "
                + "the evaluation period");
        List<FaultMatching.Fault> faults = lake.exists(Tables.TRUTH_FAULTS)
                ? Uc2Run.faults(lake.read(Tables.TRUTH_FAULTS)) : null;

        ctx.progress().step("train uc2: expected consumption, rules and isolation forest (" + rules.rules().size()
                + " rules from " + rules.source() + ")");
        Dataset<Row> features = lake.read(Uc2Tables.FEATURES);
        Uc2Run.Outcome outcome = Uc2Run.run(features, faults, rules, options,
                ctx.progress()::info);

        ctx.progress().step("train uc2: saving models, alerts, metrics and registry");
        List<UseCaseResult.ModelEntry> entries = new ArrayList<>();
        if (outcome.sufficient()) {
            entries.addAll(register(ctx, outcome, options, provenance.inputTables(), features));
            lake.replace(Uc2Tables.ALERTS, outcome.alerts(), ctx.runId());
        } else {
            ctx.progress().info(outcome.message());
            lake.replace(Uc2Tables.ALERTS, ctx.spark().createDataFrame(List.of(), ALERT_SCHEMA), ctx.runId());
            for (Uc2Run.DetectorScores d : outcome.detectors()) {
                entries.add(new UseCaseResult.ModelEntry(d.name(), engine(d.name()), null,
                        outcome.evaluation().get(d.name()), Map.of("outcome", outcome.message())));
            }
        }

        provenance.outputs(outputs(ctx, List.of(Uc2Tables.ALERTS, Tables.MODEL_REGISTRY)))
                .split(outcome.period() == null ? Map.of() : outcome.period().describe())
                .detail("rules_file", rules.source())
                .detail("truth", faults == null ? "no injected-fault table: metrics undefined, nothing tuned"
                        : Tables.TRUTH_FAULTS.name() + " (evaluation and tuning-period thresholds only, never a "
                        + "feature)")
                .detail("outcome", outcome.sufficient() ? "ok" : outcome.message())
                .detail("matching", "a fault is detected when an alert day of its building falls inside its window; "
                        + "delay = first such day - fault start; an episode of consecutive alert days outside every "
                        + "fault window of its building is one false alert; precision = true episodes / episodes");
        if (outcome.sufficient()) {
            provenance.detail("alerts_by_rule_and_fault_type", outcome.ruleByFaultType())
                    .detail("detections", detections(outcome));
        }
        UseCaseResult result = result(outcome.bestModel(), entries, provenance.build());
        if (outcome.scored() != null) {
            outcome.scored().unpersist();
            outcome.alerts().unpersist();
        }
        UseCaseMetrics best = entries.stream().filter(e -> e.name().equals(outcome.bestModel()))
                .findFirst().orElseThrow().judged();
        ctx.progress().info(String.format("best detector %s on the evaluation period: precision %s, recall %s, "
                        + "F1 %s, median delay %s days, false alerts %s per building-year", outcome.bestModel(),
                fmt(best.value("precision")), fmt(best.value("recall")), fmt(best.value("f1")),
                fmt(best.value("median_detection_delay_days")), fmt(best.value("false_alerts_per_building_year"))));
        return result;
    }

    private List<UseCaseResult.ModelEntry> register(JobContext ctx, Uc2Run.Outcome outcome,
                                                    Uc2Options options, Map<String, Long> inputs,
                                                    Dataset<Row> features) {
        Uc2Run.Period period = outcome.period();
        Dataset<Row> tuningRows = features.filter(col("local_date").lt(java.sql.Date.valueOf(
                period.evaluationFrom())));
        String fingerprint = DataFingerprint.of(tuningRows, "building_id", "local_date", "daily_kwh", "night_kw",
                "day_kw");
        Map<String, String> split = period.describe();
        List<TrainedModel> models = new ArrayList<>();
        Map<String, EvaluationSets> metrics = new LinkedHashMap<>();
        Map<String, Map<String, String>> notes = new LinkedHashMap<>();

        ModelProvenance expected = ModelProvenance.create(useCase().id(), Uc2ModelStore.EXPECTED, "smile",
                "GradientTreeBoost (Huber) per target + per-building robust residual scale",
                outcome.expected().params(), options.seed(), inputs, ExpectedConsumptionModel.FEATURES,
                "log(daily_kwh), log(night_kw), log(day_kw)", split, outcome.trainingRows(), fingerprint);
        models.add(model(expected, Map.of("buildings", String.valueOf(outcome.expected().buildings())),
                outcome.expected(), null));
        metrics.put(Uc2ModelStore.EXPECTED, outcome.evaluation().get(Uc2ModelStore.EXPECTED));
        notes.put(Uc2ModelStore.EXPECTED, Map.of("role", "expected consumption behind the residual features of the "
                + "rules and the forest; not a detector"));

        for (Uc2Run.DetectorScores d : outcome.detectors()) {
            Map<String, String> params = new LinkedHashMap<>(d.settings());
            List<String> used = new ArrayList<>();
            AlertRules rules = null;
            AnomalyForest forest = null;
            if (!d.name().equals(Uc2ModelStore.FOREST)) {
                rules = outcome.rules();
                used.addAll(referenced(outcome.keptRules()));
            }
            if (!d.name().equals(Uc2ModelStore.RULES)) {
                forest = d.name().equals(Uc2ModelStore.FOREST) ? outcome.forest()
                        : outcome.forest().withThreshold(outcome.combinedThreshold());
                params.putAll(forest.params());
                used.addAll(AnomalyForest.VECTOR);
            }
            params.put("expected_model", expected.modelId());
            ModelProvenance p = ModelProvenance.create(useCase().id(), d.name(), engine(d.name()),
                    algorithm(d.name()), params, options.seed(), inputs, used,
                    "injected fault windows (tuning period, for thresholds only)", split, outcome.trainingRows(),
                    fingerprint);
            models.add(model(p, d.settings(), forest, rules));
            metrics.put(d.name(), outcome.evaluation().get(d.name()));
            notes.put(d.name(), withSampleNote(d.settings(), outcome.evaluation().get(d.name())));
        }
        return saveAndRegister(ctx, models, metrics, m -> notes.get(m.provenance().name()));
    }

    /**
     * The detector's notes with, when a criterion's metric rests on fewer than {@link MetricInterval#MIN_ITEMS}
     * items, a {@code small_samples} line that says which and why: every public building of the region with data
     * is scored, so only a region with more public buildings (or more faults) raises the counts.
     */
    static Map<String, String> withSampleNote(Map<String, String> settings, EvaluationSets sets) {
        List<String> small = new ArrayList<>();
        for (Criterion c : UseCases.UC2.criteria()) {
            MetricInterval i = sets.judgedIntervals().get(c.metric());
            if (i != null && i.smallSample()) {
                small.add(c.metric() + " rests on " + i.n() + " " + i.unit() + (i.n() == 1 ? "" : "s"));
            }
        }
        if (small.isEmpty()) {
            return settings;
        }
        Map<String, String> notes = new LinkedHashMap<>(settings);
        notes.put("small_samples", String.join("; ", small) + " (< " + MetricInterval.MIN_ITEMS + "): every public "
                + "building of the region with data in the evaluation period is scored, so only a region with more "
                + "public buildings or more faults raises these counts");
        return notes;
    }

    private static TrainedModel model(ModelProvenance p, Map<String, String> settings, java.io.Serializable model,
                                      AlertRules rules) {
        return TrainedModel.of(p, (dir, files) -> Uc2ModelStore.save(dir, files,
                new Uc2ModelStore.ModelFile(p.name(), p, settings), model, rules));
    }

    private static List<String> referenced(AlertRules rules) {
        Set<String> names = new LinkedHashSet<>();
        for (AlertRule r : rules.rules()) {
            names.addAll(r.evidence().keySet());
        }
        return new ArrayList<>(names);
    }

    private static String engine(String detector) {
        return switch (detector) {
            case Uc2ModelStore.RULES -> "rules";
            case Uc2ModelStore.FOREST -> "smile";
            default -> "rules+smile";
        };
    }

    private static String algorithm(String detector) {
        return switch (detector) {
            case Uc2ModelStore.RULES -> "declarative alert rules (subset kept on the tuning period)";
            case Uc2ModelStore.FOREST -> "IsolationForest (threshold tuned on the tuning period)";
            default -> "union of the kept rules and the isolation forest (threshold tuned together)";
        };
    }

    private static List<Map<String, Object>> detections(Uc2Run.Outcome outcome) {
        Uc2Run.DetectorScores best = outcome.detectors().stream()
                .filter(d -> d.name().equals(outcome.bestModel())).findFirst().orElseThrow();
        List<Map<String, Object>> list = new ArrayList<>();
        for (FaultMatching.Detection d : best.testEvaluation().detections()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("fault_type", d.fault().type());
            m.put("start", d.fault().start().toString());
            m.put("days", java.time.temporal.ChronoUnit.DAYS.between(d.fault().start(), d.fault().end()) + 1);
            m.put("delay_days", d.detected() ? d.delayDays() : null);
            list.add(m);
        }
        return list;
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "n/a" : String.format("%.3f", v);
    }
}
