package org.energycommons.workbench.models.uc2;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.energycommons.workbench.datasets.synthetic.SyntheticFaults;
import org.energycommons.workbench.models.usecase.EvaluationSets;
import org.energycommons.workbench.models.usecase.UseCaseMetrics;

/**
 * The uc2 detection run: fits the expected-consumption model and the isolation forest on the tuning period (the
 * first {@code tuning_fraction} of the days), evaluates the declarative rules, tunes the combination on the
 * tuning period only (which rules to keep, the forest's threshold) and scores the three detectors — rules,
 * isolation forest, rules + isolation forest — on the evaluation period that follows, against the injected
 * faults when they are known.
 *
 * <p>Tuning never reads the evaluation period: rules are dropped one at a time while that raises the tuning F1,
 * and the forest's threshold is the quantile of its tuning-period scores, among {@link #QUANTILES}, with the best
 * tuning F1. The best detector is the one with the best tuning F1.
 */
public final class Uc2Run {

    /** Candidate forest thresholds, as quantiles of the tuning-period scores. */
    public static final double[] QUANTILES = {0.9, 0.95, 0.97, 0.98, 0.99, 0.995, 0.998, 0.999};
    /** Quantile used when no truth is available to tune. */
    public static final double UNTUNED_QUANTILE = 0.99;
    /** Name of the forest's alerts in the alert table's {@code rule} column. */
    public static final String FOREST_RULE = "isolation_forest";
    /** The detectors, in report order. */
    public static final List<String> DETECTORS = List.of(Uc2ModelStore.RULES, Uc2ModelStore.FOREST,
            Uc2ModelStore.COMBINED);

    private Uc2Run() {
    }

    /**
     * The time split.
     *
     * @param tuningFrom first tuning day
     * @param tuningTo last tuning day
     * @param evaluationFrom first evaluation day
     * @param evaluationTo last evaluation day
     */
    public record Period(LocalDate tuningFrom, LocalDate tuningTo, LocalDate evaluationFrom, LocalDate evaluationTo) {
        /** As strings, for provenance. */
        public Map<String, String> describe() {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("tuning", tuningFrom + ".." + tuningTo);
            m.put("evaluation", evaluationFrom + ".." + evaluationTo);
            m.put("rule", "models fitted and thresholds tuned on the tuning period only; metrics reported on the "
                    + "evaluation period");
            return m;
        }
    }

    /**
     * One detector: what was tuned and its evaluation-period detections (its metrics are in
     * {@link Outcome#evaluation()}).
     *
     * @param name detector name
     * @param settings what was tuned
     * @param testEvaluation the evaluation-period detections, null when nothing could be scored
     */
    public record DetectorScores(String name, Map<String, String> settings, FaultMatching.Evaluation testEvaluation) {
    }

    /**
     * What a run produced.
     *
     * @param sufficient false when there was too little data to fit anything (then only {@code message},
     *     {@code period} when known, and NaN scores)
     * @param message the insufficient-data reason, or a summary
     * @param period the split, or null without data
     * @param expected the expected-consumption model
     * @param forest the isolation forest with the tuned threshold of the forest detector
     * @param combinedThreshold the forest threshold inside the combined detector
     * @param rules the rules read
     * @param keptRules the rules kept by tuning
     * @param detectors the three detectors' settings and detections
     * @param bestModel the detector with the best tuning F1
     * @param evaluation model → its metrics on the evaluation period ({@code test}, judged) and the tuning period
     *     ({@code validation}): the expected-consumption model first (when fitted), then the three detectors
     * @param alerts alert rows of every detector (see {@link #alertColumns()}), cached
     * @param scored feature rows with the expected-consumption columns and the forest score, cached
     * @param ruleByFaultType evaluation-period alert days per rule and fault type ({@code none} outside faults)
     * @param truthKnown whether faults were given (else metrics are NaN and nothing is tuned)
     * @param trainingRows tuning-period building-days
     */
    public record Outcome(boolean sufficient, String message, Period period, ExpectedConsumptionModel expected,
                          AnomalyForest forest, double combinedThreshold, AlertRules rules, AlertRules keptRules,
                          List<DetectorScores> detectors, String bestModel, Map<String, EvaluationSets> evaluation,
                          Dataset<Row> alerts, Dataset<Row> scored,
                          Map<String, Map<String, Long>> ruleByFaultType, boolean truthKnown, long trainingRows) {
    }

    /** Columns of the alert table. */
    public static List<String> alertColumns() {
        return List.of("model", "building_id", "local_date", "period", "rule", "severity", "severity_level",
                "condition", "evidence", "explanation");
    }

    /** Reads the truth table rows ({@code building_id, fault_id, fault_type, start_date, end_date}). */
    public static List<FaultMatching.Fault> faults(Dataset<Row> truth) {
        List<FaultMatching.Fault> faults = new ArrayList<>();
        if (truth == null) {
            return faults;
        }
        for (Row r : truth.select("building_id", "fault_id", "fault_type", "start_date", "end_date")
                .collectAsList()) {
            faults.add(new FaultMatching.Fault(r.getString(0), r.getString(1), r.getString(2),
                    r.getDate(3).toLocalDate(), r.getDate(4).toLocalDate()));
        }
        return faults;
    }

    /**
     * Runs detection on the feature table.
     *
     * @param features rows of {@link Uc2Features#build}
     * @param faults injected faults (evaluation and tuning only), or null when unknown
     */
    public static Outcome run(Dataset<Row> features, List<FaultMatching.Fault> faults, AlertRules rules,
                              Uc2Options options, Consumer<String> log) {
        boolean truthKnown = faults != null;
        List<FaultMatching.Fault> truth = faults == null ? List.of() : faults;
        Row bounds = features.agg(org.apache.spark.sql.functions.min("local_date"),
                org.apache.spark.sql.functions.max("local_date")).first();
        if (bounds.isNullAt(0)) {
            return insufficient("insufficient data: no public building with readings", null, rules, truthKnown);
        }
        LocalDate first = bounds.getDate(0).toLocalDate();
        LocalDate last = bounds.getDate(1).toLocalDate();
        long days = ChronoUnit.DAYS.between(first, last) + 1;
        LocalDate split = first.plusDays((long) Math.floor(days * options.tuningFraction()));
        Period period = new Period(first, split.minusDays(1), split, last);
        if (!split.isAfter(first) || split.isAfter(last)) {
            return insufficient("insufficient data: " + days + " days cannot be split into tuning and evaluation",
                    period, rules, truthKnown);
        }
        Column inTuning = col("local_date").lt(java.sql.Date.valueOf(split));
        // Sorted: Smile's subsampling depends on row order, and re-running must give the same models.
        List<Row> train = features.filter(inTuning).orderBy("building_id", "local_date").collectAsList();
        if (train.size() < options.minTrainingDays()) {
            return insufficient(String.format("insufficient data: %d building-days in the tuning period %s..%s, "
                    + "at least %d needed (%s)", train.size(), first, split.minusDays(1), options.minTrainingDays(),
                    Uc2Options.PREFIX + "min_training_days"), period, rules, truthKnown);
        }

        log.accept(String.format("expected-consumption model on %,d building-days (%s..%s)", train.size(), first,
                split.minusDays(1)));
        ExpectedConsumptionModel expected = ExpectedConsumptionModel.fit(train, options);
        // Cached: the residuals feed the forest's training vectors and its scores.
        Dataset<Row> vectors = AnomalyForest.withVector(expected.score(features)).cache();

        List<Row> trainVectors = vectors.filter(inTuning).orderBy("building_id", "local_date")
                .select(AnomalyForest.VECTOR.stream().map(c -> col(c)).toArray(Column[]::new)).collectAsList();
        double[][] x = trainVectors.stream().map(AnomalyForest::vector).toArray(double[][]::new);
        log.accept(String.format("isolation forest on %,d daily vectors", x.length));
        AnomalyForest forest = AnomalyForest.fit(x, options);
        Dataset<Row> scored = forest.score(vectors).cache();
        scored.count();
        vectors.unpersist();
        double[] tuningScores = forest.score(x);
        Arrays.sort(tuningScores);

        Dataset<Row> ruleAlerts = rules.evaluate(scored).cache();
        Map<String, Set<FaultMatching.AlertDay>> byRule = new TreeMap<>();
        for (Row r : ruleAlerts.select("rule", "building_id", "local_date").collectAsList()) {
            byRule.computeIfAbsent(r.getString(0), k -> new HashSet<>())
                    .add(new FaultMatching.AlertDay(r.getString(1), r.getDate(2).toLocalDate()));
        }
        List<Object[]> forestScores = new ArrayList<>();
        for (Row r : scored.select("building_id", "local_date", "if_score").collectAsList()) {
            forestScores.add(new Object[] {new FaultMatching.AlertDay(r.getString(0), r.getDate(1).toLocalDate()),
                r.getDouble(2)});
        }
        Map<String, Long> tuningDays = new TreeMap<>();
        Map<String, Long> evaluationDays = new TreeMap<>();
        for (Object[] o : forestScores) {
            FaultMatching.AlertDay d = (FaultMatching.AlertDay) o[0];
            (d.date().isBefore(split) ? tuningDays : evaluationDays).merge(d.buildingId(), 1L, Long::sum);
        }
        Scorer tuning = new Scorer(truth, period.tuningFrom(), period.tuningTo(), tuningDays);
        Scorer evaluationPeriod = new Scorer(truth, period.evaluationFrom(), period.evaluationTo(), evaluationDays);

        for (AlertRule rule : rules.rules()) {
            FaultMatching.Evaluation e = tuning.evaluate(byRule.getOrDefault(rule.id(), Set.of()));
            log.accept(String.format("rule %s on the tuning period: %d episodes, %d false, %.0f/%.0f faults",
                    rule.id(), e.episodes(), e.falseEpisodes(), e.get("detected_faults"), e.get("faults")));
        }
        // Tuning (tuning period only): drop rules while that raises F1, then the forest's thresholds.
        Set<String> kept = new LinkedHashSet<>(AlertRule.ids(rules.rules()));
        if (truthKnown) {
            boolean improved = true;
            while (improved && kept.size() > 1) {
                improved = false;
                double best = objective(tuning.score(union(byRule, kept)));
                String drop = null;
                for (String id : kept) {
                    Set<String> without = new LinkedHashSet<>(kept);
                    without.remove(id);
                    double f = objective(tuning.score(union(byRule, without)));
                    if (f > best + 1e-9) {
                        best = f;
                        drop = id;
                    }
                }
                if (drop != null) {
                    kept.remove(drop);
                    log.accept("tuning: rule " + drop + " dropped (tuning F1 " + String.format("%.3f", best) + ")");
                    improved = true;
                }
            }
        }
        Set<FaultMatching.AlertDay> ruleDays = union(byRule, kept);
        double forestThreshold = quantile(tuningScores, UNTUNED_QUANTILE);
        double combinedThreshold = forestThreshold;
        String forestQuantile = String.valueOf(UNTUNED_QUANTILE);
        String combinedQuantile = forestQuantile;
        if (truthKnown) {
            double bestForest = Double.NEGATIVE_INFINITY;
            double bestCombined = Double.NEGATIVE_INFINITY;
            for (double q : QUANTILES) {
                double threshold = quantile(tuningScores, q);
                Set<FaultMatching.AlertDay> forestDays = above(forestScores, threshold);
                double f = objective(tuning.score(forestDays));
                if (f > bestForest) {
                    bestForest = f;
                    forestThreshold = threshold;
                    forestQuantile = String.valueOf(q);
                }
                Set<FaultMatching.AlertDay> both = new HashSet<>(ruleDays);
                both.addAll(forestDays);
                double c = objective(tuning.score(both));
                if (c > bestCombined) {
                    bestCombined = c;
                    combinedThreshold = threshold;
                    combinedQuantile = String.valueOf(q);
                }
            }
        }
        Set<FaultMatching.AlertDay> forestDays = above(forestScores, forestThreshold);
        Set<FaultMatching.AlertDay> combinedDays = new HashSet<>(ruleDays);
        combinedDays.addAll(above(forestScores, combinedThreshold));

        List<DetectorScores> detectors = new ArrayList<>();
        Map<String, EvaluationSets> evaluation = new LinkedHashMap<>();
        evaluation.put(Uc2ModelStore.EXPECTED, expectedMetrics(scored, split, options.seed()));
        Map<String, String> ruleSettings = new LinkedHashMap<>();
        ruleSettings.put("rules_file", rules.source());
        ruleSettings.put("rules_kept", String.join(",", kept));
        ruleSettings.put("rules_dropped", String.join(",", AlertRule.ids(rules.rules()).stream()
                .filter(id -> !kept.contains(id)).toList()));
        detectors.add(scores(Uc2ModelStore.RULES, ruleDays, tuning, evaluationPeriod, ruleSettings, evaluation,
                options.seed()));
        Map<String, String> forestSettings = new LinkedHashMap<>();
        forestSettings.put("threshold", String.valueOf(forestThreshold));
        forestSettings.put("threshold_quantile", forestQuantile);
        detectors.add(scores(Uc2ModelStore.FOREST, forestDays, tuning, evaluationPeriod, forestSettings,
                evaluation, options.seed()));
        Map<String, String> combinedSettings = new LinkedHashMap<>(ruleSettings);
        combinedSettings.put("threshold", String.valueOf(combinedThreshold));
        combinedSettings.put("threshold_quantile", combinedQuantile);
        detectors.add(scores(Uc2ModelStore.COMBINED, combinedDays, tuning, evaluationPeriod, combinedSettings,
                evaluation, options.seed()));
        String bestModel = Uc2ModelStore.RULES;
        double bestValidation = Double.NEGATIVE_INFINITY;
        for (DetectorScores d : detectors) {
            double f = objective(evaluation.get(d.name()));
            if (f > bestValidation) {
                bestValidation = f;
                bestModel = d.name();
            }
        }

        Dataset<Row> alerts = alertTable(ruleAlerts, scored, kept, forestThreshold, combinedThreshold, split)
                .cache();
        Map<String, Set<FaultMatching.AlertDay>> sources = new TreeMap<>(byRule);
        sources.put(FOREST_RULE, above(forestScores, combinedThreshold));
        Map<String, Map<String, Long>> crossTab = crossTab(sources, truth, period);
        return new Outcome(true, String.format("%d building-days, %d buildings", forestScores.size(),
                expected.buildings()), period, expected, forest.withThreshold(forestThreshold), combinedThreshold,
                rules, rules.only(kept), detectors, bestModel, evaluation, alerts, scored, crossTab, truthKnown,
                train.size());
    }

    private static Outcome insufficient(String message, Period period, AlertRules rules, boolean truthKnown) {
        List<DetectorScores> detectors = new ArrayList<>();
        Map<String, EvaluationSets> evaluation = new LinkedHashMap<>();
        for (String name : DETECTORS) {
            detectors.add(new DetectorScores(name, Map.of("outcome", message), null));
            evaluation.put(name, periodSets(Uc2Metrics.Detection.undefined(), Uc2Metrics.Detection.undefined()));
        }
        return new Outcome(false, message, period, null, null, Double.NaN, rules, rules, detectors,
                Uc2ModelStore.RULES, evaluation, null, null, Map.of(), truthKnown, 0);
    }

    /** Judged on the evaluation period ({@code test}), tuned on the tuning period ({@code validation}). */
    private static EvaluationSets periodSets(Uc2Metrics test, Uc2Metrics validation) {
        Map<String, UseCaseMetrics> sets = new LinkedHashMap<>();
        sets.put(EvaluationSets.TEST, test);
        sets.put(EvaluationSets.VALIDATION, validation);
        return new EvaluationSets(EvaluationSets.TEST, sets);
    }

    private static DetectorScores scores(String name, Set<FaultMatching.AlertDay> days, Scorer tuning,
                                         Scorer evaluationPeriod, Map<String, String> settings,
                                         Map<String, EvaluationSets> evaluation, long seed) {
        // The published scores and their intervals come from the same per-building function.
        FaultMatching.Evaluation test = evaluationPeriod.published(days);
        evaluation.put(name, periodSets(test.metrics(), tuning.published(days).metrics())
                .withIntervals(EvaluationSets.TEST, evaluationPeriod.intervals(days, seed))
                .withIntervals(EvaluationSets.VALIDATION, tuning.intervals(days, seed)));
        return new DetectorScores(name, settings, test);
    }

    /** Tuning-period F1 of a detector, with a missing F1 worst. */
    private static double objective(EvaluationSets sets) {
        return objective((Uc2Metrics.Detection) sets.get(EvaluationSets.VALIDATION));
    }

    /** F1, with a missing F1 worst. */
    private static double objective(Uc2Metrics.Detection metrics) {
        double f = metrics.f1();
        return Double.isNaN(f) ? -1 : f;
    }

    private static Set<FaultMatching.AlertDay> union(Map<String, Set<FaultMatching.AlertDay>> byRule,
                                                     Set<String> ids) {
        Set<FaultMatching.AlertDay> all = new HashSet<>();
        ids.forEach(id -> all.addAll(byRule.getOrDefault(id, Set.of())));
        return all;
    }

    private static Set<FaultMatching.AlertDay> above(List<Object[]> scores, double threshold) {
        Set<FaultMatching.AlertDay> days = new HashSet<>();
        for (Object[] s : scores) {
            if ((double) s[1] > threshold) {
                days.add((FaultMatching.AlertDay) s[0]);
            }
        }
        return days;
    }

    /** The q-quantile of sorted values (nearest rank). */
    static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    /**
     * Scores alert days over one period.
     *
     * @param monitoredDays building-days with data in the period, by building
     */
    private record Scorer(List<FaultMatching.Fault> faults, LocalDate from, LocalDate to,
                          Map<String, Long> monitoredDays) {
        Uc2Metrics.Detection score(Set<FaultMatching.AlertDay> days) {
            return evaluate(days).metrics();
        }

        /** The scores, for tuning and logs. */
        FaultMatching.Evaluation evaluate(Set<FaultMatching.AlertDay> days) {
            return FaultMatching.evaluate(days, faults, from, to,
                    monitoredDays.values().stream().mapToLong(Long::longValue).sum(), SyntheticFaults.TYPES);
        }

        /** The published scores: the same, computed from the period's buildings as their intervals are. */
        FaultMatching.Evaluation published(Set<FaultMatching.AlertDay> days) {
            return FaultMatching.evaluateBuildings(FaultMatching.buildings(days, faults, monitoredDays), from, to,
                    SyntheticFaults.TYPES);
        }

        Map<String, org.energycommons.workbench.models.usecase.MetricInterval> intervals(
                Set<FaultMatching.AlertDay> days, long seed) {
            return FaultMatching.intervals(FaultMatching.buildings(days, faults, monitoredDays), from, to,
                    SyntheticFaults.TYPES, seed);
        }
    }

    private static Dataset<Row> alertTable(Dataset<Row> ruleAlerts, Dataset<Row> scored, Set<String> kept,
                                           double forestThreshold, double combinedThreshold, LocalDate split) {
        Column explanation = concat(lit("rule "), col("rule"), lit(" ("), col("severity"), lit("): "),
                col("condition"));
        Dataset<Row> keptRules = ruleAlerts.filter(col("rule").isin(kept.toArray()))
                .withColumn("explanation", explanation);
        Dataset<Row> rulesModel = keptRules.withColumn("model", lit(Uc2ModelStore.RULES));
        Dataset<Row> combinedRules = keptRules.withColumn("model", lit(Uc2ModelStore.COMBINED));
        Dataset<Row> all = rulesModel
                .unionByName(forestAlerts(scored, forestThreshold, Uc2ModelStore.FOREST))
                .unionByName(combinedRules)
                .unionByName(forestAlerts(scored, combinedThreshold, Uc2ModelStore.COMBINED))
                .withColumn("period", when(col("local_date").lt(java.sql.Date.valueOf(split)), "tuning")
                        .otherwise("evaluation"));
        return all.select(alertColumns().stream().map(c -> col(c)).toArray(Column[]::new))
                .orderBy("model", "building_id", "local_date", "rule");
    }

    private static Dataset<Row> forestAlerts(Dataset<Row> scored, double threshold, String model) {
        List<Column> kv = new ArrayList<>();
        kv.add(lit("if_score"));
        kv.add(col("if_score"));
        kv.add(lit("threshold"));
        kv.add(lit(threshold));
        for (String c : AnomalyForest.VECTOR) {
            kv.add(lit(c));
            kv.add(col(c).cast("double"));
        }
        String condition = String.format(java.util.Locale.ROOT, "isolation score > %.4f", threshold);
        return scored
                .filter(col("if_score").gt(threshold))
                .select(col("building_id"), col("local_date"), lit(FOREST_RULE).as("rule"),
                        lit("medium").as("severity"), lit(2).as("severity_level"), lit(condition).as("condition"),
                        map(kv.toArray(new Column[0])).as("evidence"),
                        lit("isolation forest: " + condition + " (unusual day vector)").as("explanation"),
                        lit(model).as("model"));
    }

    /**
     * The expected-consumption model's accuracy on each period, with 90 % intervals over buildings drawn with
     * replacement (n = building-days); a period without a building-day with consumption gets undefined (NaN)
     * metrics. Both metrics are computed on the driver from each building's residuals ({@link #expectedConsumption},
     * the function the bootstrap recomputes): the median absolute z is exact, where Spark's percentile_approx
     * would not be reproducible on a draw.
     */
    private static EvaluationSets expectedMetrics(Dataset<Row> scored, LocalDate split, long seed) {
        Column ape = org.apache.spark.sql.functions.abs(col("daily_kwh").minus(col("expected_daily_kwh")))
                .divide(col("daily_kwh"));
        Map<String, List<BuildingResiduals>> byPeriod = new LinkedHashMap<>();
        byPeriod.put(EvaluationSets.TEST, new ArrayList<>());
        byPeriod.put(EvaluationSets.VALIDATION, new ArrayList<>());
        for (Row r : scored
                .filter(col("daily_kwh").gt(0))
                .withColumn("split", when(col("local_date").lt(java.sql.Date.valueOf(split)),
                        EvaluationSets.VALIDATION).otherwise(EvaluationSets.TEST))
                .groupBy("split", "building_id")
                .agg(org.apache.spark.sql.functions.collect_list(ape),
                        org.apache.spark.sql.functions.collect_list(
                                org.apache.spark.sql.functions.abs(col("daily_residual_z"))))
                .orderBy("split", "building_id")
                .collectAsList()) {
            byPeriod.get(r.getString(0)).add(new BuildingResiduals(
                    r.<Double>getList(2).stream().mapToDouble(Double::doubleValue).toArray(),
                    r.<Double>getList(3).stream().mapToDouble(Double::doubleValue).toArray()));
        }
        Map<String, Uc2Metrics.ExpectedConsumption> m = new LinkedHashMap<>();
        Map<String, Map<String, org.energycommons.workbench.models.usecase.MetricInterval>> intervals =
                new LinkedHashMap<>();
        byPeriod.forEach((set, buildings) -> {
            m.put(set, expectedConsumption(buildings));
            int buildingDays = buildings.stream().mapToInt(b -> b.absolutePercentageErrors().length).sum();
            Map<String, org.energycommons.workbench.models.usecase.MetricInterval> i = new LinkedHashMap<>();
            org.energycommons.workbench.models.usecase.BootstrapIntervals.of(buildings, "building",
                    draw -> expectedConsumptionEstimates(draw), seed)
                    .forEach((name, interval) -> i.put(name, interval.withSample(buildingDays, "building_day")));
            intervals.put(set, i);
        });
        return periodSets(m.get(EvaluationSets.TEST), m.get(EvaluationSets.VALIDATION))
                .withIntervals(EvaluationSets.TEST, intervals.get(EvaluationSets.TEST))
                .withIntervals(EvaluationSets.VALIDATION, intervals.get(EvaluationSets.VALIDATION));
    }

    /**
     * One building's daily residuals over a period, on its days with consumption.
     *
     * @param absolutePercentageErrors |actual − expected| / actual of each day
     * @param absoluteZ |standardised daily residual| of each day
     */
    record BuildingResiduals(double[] absolutePercentageErrors, double[] absoluteZ) {
    }

    /** The expected-consumption model's accuracy on buildings' days: MAPE and median |z|, NaN without a day. */
    static Uc2Metrics.ExpectedConsumption expectedConsumption(List<BuildingResiduals> buildings) {
        double sum = 0;
        int n = 0;
        List<double[]> z = new ArrayList<>();
        for (BuildingResiduals b : buildings) {
            for (double v : b.absolutePercentageErrors()) {
                sum += v;
                n++;
            }
            z.add(b.absoluteZ());
        }
        double[] pooled = z.stream().flatMapToDouble(Arrays::stream).toArray();
        return new Uc2Metrics.ExpectedConsumption(n == 0 ? Double.NaN : sum / n,
                ExpectedConsumptionModel.median(pooled));
    }

    /** {@link #expectedConsumption} by published name: what the bootstrap recomputes. */
    static Map<String, Double> expectedConsumptionEstimates(List<BuildingResiduals> buildings) {
        Uc2Metrics.ExpectedConsumption e = expectedConsumption(buildings);
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("mape_daily_kwh", e.mapeDailyKwh());
        m.put("median_abs_daily_residual_z", e.medianAbsDailyResidualZ());
        return m;
    }

    /** Evaluation-period alert days per source (rule or forest) and the fault type whose window holds them. */
    private static Map<String, Map<String, Long>> crossTab(Map<String, Set<FaultMatching.AlertDay>> sources,
                                                          List<FaultMatching.Fault> faults, Period period) {
        Map<String, Map<String, Long>> tab = new TreeMap<>();
        for (Map.Entry<String, Set<FaultMatching.AlertDay>> e : sources.entrySet()) {
            Map<String, Long> row = new LinkedHashMap<>();
            for (String t : SyntheticFaults.TYPES) {
                row.put(t, 0L);
            }
            row.put("none", 0L);
            for (FaultMatching.AlertDay d : e.getValue()) {
                if (d.date().isBefore(period.evaluationFrom()) || d.date().isAfter(period.evaluationTo())) {
                    continue;
                }
                String type = faults.stream()
                        .filter(f -> f.buildingId().equals(d.buildingId()) && !d.date().isBefore(f.start())
                                && !d.date().isAfter(f.end()))
                        .map(FaultMatching.Fault::type).findFirst().orElse("none");
                row.merge(type, 1L, Long::sum);
            }
            tab.put(e.getKey(), row);
        }
        return tab;
    }
}
