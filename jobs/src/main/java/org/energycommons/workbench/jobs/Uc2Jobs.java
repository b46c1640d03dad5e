package org.energycommons.workbench.jobs;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.energycommons.workbench.datasets.lake.Lake;
import org.energycommons.workbench.datasets.lake.TableId;
import org.energycommons.workbench.datasets.lake.Tables;
import org.energycommons.workbench.datasets.synthetic.RegionConfig;
import org.energycommons.workbench.models.provenance.BuildInfo;
import org.energycommons.workbench.models.provenance.DataFingerprint;
import org.energycommons.workbench.models.provenance.Json;
import org.energycommons.workbench.models.provenance.ModelProvenance;
import org.energycommons.workbench.models.registry.ModelRegistry;
import org.energycommons.workbench.models.uc2.AlertRule;
import org.energycommons.workbench.models.uc2.AlertRules;
import org.energycommons.workbench.models.uc2.AnomalyDetection;
import org.energycommons.workbench.models.uc2.AnomalyForest;
import org.energycommons.workbench.models.uc2.ExpectedConsumptionModel;
import org.energycommons.workbench.models.uc2.FaultMatching;
import org.energycommons.workbench.models.uc2.PublicBuildingDailyFeatures;
import org.energycommons.workbench.models.uc2.Uc2ModelStore;
import org.energycommons.workbench.models.uc2.Uc2Options;
import org.energycommons.workbench.models.usecase.UseCaseResult;
import org.energycommons.workbench.models.usecase.UseCases;

/** The uc2 job steps: daily features of public buildings, then models, alerts, evaluation, registry and results. */
public final class Uc2Jobs {

    /** Tables the uc2 models depend on, recorded with their versions. */
    public static final List<TableId> INPUTS = List.of(Tables.UC2_FEATURES, Tables.LOAD_CURVE, Tables.METERS,
            Tables.BUILDINGS, Tables.COMMUNES, Tables.WEATHER_HOURLY, Tables.CALENDAR);
    /** Schema of the alert table. */
    public static final StructType ALERT_SCHEMA = new StructType()
            .add("model", DataTypes.StringType, false)
            .add("building_id", DataTypes.StringType, false)
            .add("local_date", DataTypes.DateType, false)
            .add("period", DataTypes.StringType, false)
            .add("rule", DataTypes.StringType, false)
            .add("severity", DataTypes.StringType, false)
            .add("severity_level", DataTypes.IntegerType, false)
            .add("condition", DataTypes.StringType, false)
            .add("evidence", DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType), true)
            .add("explanation", DataTypes.StringType, false);

    private Uc2Jobs() {
    }

    /** Builds the daily feature table of public buildings; returns its rows. */
    public static long features(JobContext ctx) {
        Lake lake = ctx.lake();
        ctx.progress().step("features uc2: daily consumption shape, weather and calendar of public buildings");
        lake.replace(Tables.UC2_FEATURES, PublicBuildingDailyFeatures.build(lake.read(Tables.LOAD_CURVE),
                lake.read(Tables.METERS), lake.read(Tables.BUILDINGS), lake.read(Tables.COMMUNES),
                lake.read(Tables.WEATHER_HOURLY), lake.read(Tables.CALENDAR)), ctx.runId());
        Row r = lake.read(Tables.UC2_FEATURES)
                .agg(org.apache.spark.sql.functions.count("building_id"),
                        org.apache.spark.sql.functions.countDistinct("building_id"))
                .first();
        long rows = r.getLong(0);
        ctx.progress().info(String.format("%,d building-days of %d public buildings", rows, r.getLong(1)));
        return rows;
    }

    /** Fits, tunes, evaluates, registers and writes alerts; returns the result written to {@code uc2.json}. */
    public static UseCaseResult train(JobContext ctx) {
        Lake lake = ctx.lake();
        RegionConfig region = GenerateJob.regionOf(ctx);
        long seed = region == null ? 42L : region.seed();
        Uc2Options options = Uc2Options.of(ctx.config(), seed);
        // A bad rules file fails here, before any Spark work, with its file, line and problem.
        AlertRules rules = AlertRules.load(options.rules());
        Map<String, Long> inputs = lake.versions(INPUTS);
        List<FaultMatching.Fault> faults = lake.exists(Tables.TRUTH_FAULTS)
                ? AnomalyDetection.faults(lake.read(Tables.TRUTH_FAULTS)) : null;

        ctx.progress().step("train uc2: expected consumption, rules and isolation forest (" + rules.rules().size()
                + " rules from " + rules.source() + ")");
        Dataset<Row> features = lake.read(Tables.UC2_FEATURES);
        AnomalyDetection.Outcome outcome = AnomalyDetection.run(features, faults, rules, options,
                ctx.progress()::info);

        ctx.progress().step("train uc2: saving models, alerts, metrics and registry");
        List<UseCaseResult.ModelEntry> entries = new ArrayList<>();
        if (outcome.sufficient()) {
            entries.addAll(register(ctx, outcome, options, inputs, features));
            lake.replace(Tables.UC2_ALERTS, outcome.alerts(), ctx.runId());
        } else {
            ctx.progress().info(outcome.message());
            lake.replace(Tables.UC2_ALERTS, ctx.spark().createDataFrame(List.of(), ALERT_SCHEMA), ctx.runId());
            for (AnomalyDetection.DetectorScores d : outcome.detectors()) {
                entries.add(new UseCaseResult.ModelEntry(d.name(), engine(d.name()), "", finite(d.test()),
                        finite(d.validation()), Map.of(), Map.of("outcome", outcome.message())));
            }
        }

        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("run_id", ctx.runId());
        provenance.put("git_commit", BuildInfo.gitCommit());
        provenance.put("libraries", BuildInfo.libraries());
        provenance.put("input_tables", inputs);
        provenance.put("output_tables", lake.versions(List.of(Tables.UC2_ALERTS, Tables.MODEL_REGISTRY)));
        provenance.put("split", outcome.period() == null ? Map.of() : outcome.period().describe());
        provenance.put("options", options.toMap());
        provenance.put("rules_file", rules.source());
        provenance.put("data", region == null ? "lake at " + ctx.workspace().lake()
                : "synthetic region " + region.toProperties());
        provenance.put("truth", faults == null ? "no injected-fault table: metrics undefined, nothing tuned"
                : Tables.TRUTH_FAULTS.name() + " (evaluation and tuning-period thresholds only, never a feature)");
        provenance.put("outcome", outcome.sufficient() ? "ok" : outcome.message());
        provenance.put("selection", "best model = highest F1 on the tuning period (first "
                + Math.round(100 * options.tuningFraction()) + " % of the days); metrics on the evaluation period");
        provenance.put("matching", "a fault is detected when an alert day of its building falls inside its window; "
                + "delay = first such day - fault start; an episode of consecutive alert days outside every fault "
                + "window of its building is one false alert; precision = true episodes / episodes");
        if (outcome.sufficient()) {
            provenance.put("alerts_by_rule_and_fault_type", outcome.ruleByFaultType());
            provenance.put("detections", detections(outcome));
        }
        UseCaseResult result = new UseCaseResult("uc2", UseCases.require("uc2").title(), outcome.bestModel(),
                entries, UseCaseResult.check(UseCases.require("uc2"), outcome.bestModel(), entries), provenance);
        Uc4Jobs.writeMetrics(ctx, "uc2", result.toJson());
        if (outcome.scored() != null) {
            outcome.scored().unpersist();
            outcome.alerts().unpersist();
        }
        UseCaseResult.ModelEntry best = entries.stream().filter(e -> e.name().equals(outcome.bestModel()))
                .findFirst().orElseThrow();
        ctx.progress().info(String.format("best detector %s on the evaluation period: precision %s, recall %s, "
                        + "F1 %s, median delay %s days, false alerts %s per building-year; criteria met: %d/%d",
                outcome.bestModel(), fmt(best.metrics().get("precision")), fmt(best.metrics().get("recall")),
                fmt(best.metrics().get("f1")), fmt(best.metrics().get("median_detection_delay_days")),
                fmt(best.metrics().get("false_alerts_per_building_year")),
                result.criteria().stream().filter(c -> c.met()).count(), result.criteria().size()));
        return result;
    }

    private static List<UseCaseResult.ModelEntry> register(JobContext ctx, AnomalyDetection.Outcome outcome,
                                                           Uc2Options options, Map<String, Long> inputs,
                                                           Dataset<Row> features) {
        AnomalyDetection.Period period = outcome.period();
        Dataset<Row> tuningRows = features.filter(col("local_date").lt(java.sql.Date.valueOf(
                period.evaluationFrom())));
        String fingerprint = DataFingerprint.of(tuningRows, "building_id", "local_date", "daily_kwh", "night_kw",
                "day_kw");
        Map<String, String> split = period.describe();
        List<Row> registry = new ArrayList<>();
        List<UseCaseResult.ModelEntry> entries = new ArrayList<>();

        ModelProvenance expected = ModelProvenance.create("uc2", Uc2ModelStore.EXPECTED, "smile",
                "GradientTreeBoost (Huber) per target + per-building robust residual scale",
                outcome.expected().params(), options.seed(), inputs, ExpectedConsumptionModel.FEATURES,
                "log(daily_kwh), log(night_kw), log(day_kw)", split, outcome.trainingRows(), fingerprint);
        String expectedDir = save(ctx, expected, Map.of("buildings", String.valueOf(outcome.expected().buildings())),
                outcome.expected(), null);
        Map<String, Map<String, Object>> expectedMetrics = new LinkedHashMap<>();
        outcome.expectedMetrics().forEach((s, m) -> expectedMetrics.put(s, finite(m)));
        registry.add(ModelRegistry.row(expected, expectedMetrics, expectedDir));
        entries.add(new UseCaseResult.ModelEntry(Uc2ModelStore.EXPECTED, "smile", expected.modelId(),
                expectedMetrics.getOrDefault("test", Map.of()), expectedMetrics.getOrDefault("validation", Map.of()),
                Map.of(), Map.of("artifact", expectedDir, "role", "expected consumption behind the residual "
                        + "features of the rules and the forest; not a detector")));

        for (AnomalyDetection.DetectorScores d : outcome.detectors()) {
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
            ModelProvenance p = ModelProvenance.create("uc2", d.name(), engine(d.name()), algorithm(d.name()), params,
                    options.seed(), inputs, used, "injected fault windows (tuning period, for thresholds only)", split,
                    outcome.trainingRows(), fingerprint);
            String dir = save(ctx, p, d.settings(), forest, rules);
            Map<String, Map<String, Object>> bySplit = new LinkedHashMap<>();
            bySplit.put("validation", finite(d.validation()));
            bySplit.put("test", finite(d.test()));
            registry.add(ModelRegistry.row(p, bySplit, dir));
            Map<String, String> notes = new LinkedHashMap<>(d.settings());
            notes.put("artifact", dir);
            entries.add(new UseCaseResult.ModelEntry(d.name(), engine(d.name()), p.modelId(), finite(d.test()),
                    finite(d.validation()), Map.of(), notes));
        }
        ctx.lake().merge(Tables.MODEL_REGISTRY, ModelRegistry.rows(ctx.spark(), registry), ModelRegistry.KEY,
                ctx.runId());
        return entries;
    }

    private static String save(JobContext ctx, ModelProvenance p, Map<String, String> settings,
                               java.io.Serializable model, AlertRules rules) {
        String dir = ctx.workspace().models("uc2") + "/" + p.modelId();
        Uc2ModelStore.save(dir, ctx.files(), new Uc2ModelStore.ModelFile(p.name(), p, settings), model, rules);
        return dir;
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

    private static List<Map<String, Object>> detections(AnomalyDetection.Outcome outcome) {
        AnomalyDetection.DetectorScores best = outcome.detectors().stream()
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

    private static Map<String, Object> finite(Map<String, Double> metrics) {
        Map<String, Object> m = new LinkedHashMap<>();
        metrics.forEach((k, v) -> m.put(k, Json.finiteOrNull(v)));
        return m;
    }

    private static String fmt(Object v) {
        return v instanceof Number n ? String.format("%.3f", n.doubleValue()) : "n/a";
    }
}
