package org.energycommons.workbench.models.uc6;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.energycommons.workbench.models.usecase.UseCases;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.energycommons.workbench.models.forecast.TimeSplit;
import org.energycommons.workbench.models.provenance.DataFingerprint;
import org.energycommons.workbench.models.usecase.EvaluationSets;
import org.energycommons.workbench.models.usecase.MetricInterval;

/**
 * uc6 training and evaluation: splits the feature table in time on target days, defines each area's peak
 * threshold from training days only, fits the degree-day baseline, the convex degree-day curves
 * ({@link ConvexDegreeDayModel}) and the boosted trees on training rows,
 * calibrates their per-horizon intervals on validation rows, selects the model with the lowest validation MAPE at
 * D+1, and scores every split (the test split is only ever used to report).
 *
 * <p>Selection at D+1: the day-ahead forecast is the one the gas network plans its next day with and the one the
 * use case is judged on; the mean over D+1..D+7 is dominated by the temperature forecast error of the far horizons,
 * which every model shares, and it chose the plain degree-day line over a model 20 % better at D+1 on region 7's
 * validation days (docs/evaluation.md).
 *
 * <p>The feature table is small (areas × days × 7 horizons), so it is collected once and the fits run on the
 * driver; {@link GasDemandPrediction} scores any table on the executors with the same models.
 */
public final class Uc6Run {

    /** The use-case id. */
    public static final String USE_CASE = UseCases.UC6.id();
    /** Percentile of an area's training-period daily demand above which a day is a peak day. */
    public static final double PEAK_PERCENTILE = 0.95;
    /** Fewest validation and test target days. */
    public static final int MIN_EVALUATION_DAYS = 7;

    private Uc6Run() {
    }

    /**
     * What a uc6 training run produced.
     *
     * @param status null when trained, else why not (starts with "insufficient data")
     * @param split the time split, null when not trained
     * @param models the trained models with calibrated intervals
     * @param evaluation model name → its metrics on the test (judged), validation and train splits, in model order
     * @param bestModel the model selected on validation, null when not trained
     * @param predictions every row's P10/P50/P90 per model and split, null when not trained
     * @param peakThresholds area → peak threshold, kWh/day
     * @param coldPeakLevels area → cold-peak level, kWh/day ({@link #coldPeakLevels})
     * @param trainingRows training rows
     */
    public record Outcome(String status, TimeSplit split, List<GasDemandModel> models,
                          Map<String, EvaluationSets> evaluation, String bestModel,
                          Dataset<Row> predictions, Map<String, Double> peakThresholds,
                          Map<String, Double> coldPeakLevels, long trainingRows) {

        /** Whether models were trained. */
        public boolean trained() {
            return status == null;
        }

        static Outcome insufficient(String reason) {
            return new Outcome(reason, null, List.of(), Map.of(), null, null, Map.of(), Map.of(), 0);
        }
    }

    /** Schema of {@link Outcome#predictions()}. */
    public static final StructType PREDICTION_SCHEMA = new StructType()
            .add("model", DataTypes.StringType, false)
            .add("split", DataTypes.StringType, false)
            .add("row_id", DataTypes.StringType, false)
            .add("area_id", DataTypes.StringType, false)
            .add("issue_date", DataTypes.DateType, false)
            .add("horizon", DataTypes.IntegerType, false)
            .add("target_date", DataTypes.DateType, false)
            .add("actual_kwh", DataTypes.DoubleType, true)
            .add(GasDemandPrediction.P10, DataTypes.DoubleType, true)
            .add(GasDemandPrediction.P50, DataTypes.DoubleType, true)
            .add(GasDemandPrediction.P90, DataTypes.DoubleType, true)
            .add(Uc6Features.CAPACITY, DataTypes.DoubleType, false)
            .add("peak_threshold_kwh", DataTypes.DoubleType, true)
            .add("cold_peak_level_kwh", DataTypes.DoubleType, true)
            .add("cold_peak_alert", DataTypes.BooleanType, false)
            .add("actual_cold_peak", DataTypes.BooleanType, false)
            .add("peak_alert", DataTypes.BooleanType, false)
            .add("actual_peak", DataTypes.BooleanType, false)
            .add("over_capacity", DataTypes.BooleanType, false)
            .add("te_fc_c", DataTypes.DoubleType, false);

    /**
     * Trains and evaluates every uc6 model; too little data gives an outcome whose status says so, not an
     * exception.
     *
     * @param features the uc6 feature table
     * @param inputTables Delta versions of the tables the features came from, for provenance
     * @param progress receives one line per step
     */
    public static Outcome run(Dataset<Row> features, Map<String, Long> inputTables, Uc6Options options,
                              Consumer<String> progress) {
        List<String> columns = new ArrayList<>(Uc6Features.KEYS);
        columns.addAll(Uc6Features.FEATURES);
        columns.add(Uc6Features.CAPACITY);
        columns.add(Uc6Features.LABEL);
        List<GasRow> all = GasRow.of(features
                .select(columns.stream().map(c -> col(c)).toArray(org.apache.spark.sql.Column[]::new))
                .orderBy("row_id")
                .collectAsList());
        if (all.isEmpty()) {
            return Outcome.insufficient("insufficient data: the uc6 feature table is empty (no gas area with "
                    + Uc6Features.MIN_HISTORY_DAYS + " days of history and a later metered day)");
        }
        LocalDate first = all.stream().map(GasRow::targetDate).min(LocalDate::compareTo).orElseThrow();
        LocalDate last = all.stream().map(GasRow::targetDate).max(LocalDate::compareTo).orElseThrow();
        long days = ChronoUnit.DAYS.between(first, last) + 1;
        long needed = Math.max(options.minTrainingDays() + 2L * MIN_EVALUATION_DAYS,
                (long) Math.ceil(options.minTrainingDays() / options.trainFraction()));
        if (days < needed) {
            return Outcome.insufficient("insufficient data: uc6 needs at least " + needed + " target days ("
                    + options.minTrainingDays() + " for training, then validation and test), the feature table has "
                    + days + " (" + first + ".." + last + "); generate more days");
        }
        TimeSplit split = TimeSplit.byFractions(first, last, options.trainFraction(), options.validationFraction());
        List<GasRow> train = new ArrayList<>();
        List<GasRow> validation = new ArrayList<>();
        List<GasRow> test = new ArrayList<>();
        for (GasRow r : all) {
            String s = splitOf(split, r.targetDate());
            (s.equals(TimeSplit.TRAIN) ? train : s.equals(TimeSplit.VALIDATION) ? validation : test).add(r);
        }
        if (validation.isEmpty() || test.isEmpty()) {
            return Outcome.insufficient("insufficient data: uc6 has no validation or no test rows in " + split.describe());
        }

        Map<String, Double> thresholds = peakThresholds(train);
        String fingerprint = DataFingerprint.of(features.filter(split.splitOf("target_date").equalTo(TimeSplit.TRAIN)),
                "row_id", Uc6Features.LABEL);
        Uc6TrainingContext ctx = new Uc6TrainingContext(USE_CASE, options.seed(), inputTables,
                split.describe(), fingerprint, train.size());

        List<GasDemandModel> fitted = new ArrayList<>();
        progress.accept("uc6: degree-day regression per area and horizon on " + train.size() + " training rows");
        fitted.add(DegreeDayModel.fit(train, ctx));
        progress.accept("uc6: convex degree-day curves with a learnt inertia per area and horizon on " + train.size()
                + " training rows");
        fitted.add(ConvexDegreeDayModel.fit(train, ctx));
        progress.accept("uc6: Smile boosted trees (" + options.gbtTrees() + " trees) on " + train.size()
                + " training rows");
        fitted.add(GbtGasModel.fit(train, ctx, options));

        Map<String, Double> coldPeakLevels = coldPeakLevels(train, thresholds);
        progress.accept("uc6: calibrating P10-P90 per horizon on " + validation.size() + " validation rows, scoring");
        Map<String, List<GasRow>> rowsBySplit = new LinkedHashMap<>();
        rowsBySplit.put(TimeSplit.TRAIN, train);
        rowsBySplit.put(TimeSplit.VALIDATION, validation);
        rowsBySplit.put(TimeSplit.TEST, test);
        List<GasDemandModel> models = new ArrayList<>();
        Map<String, Map<String, double[][]>> scored = new LinkedHashMap<>();
        for (GasDemandModel m : fitted) {
            HorizonIntervals intervals = HorizonIntervals.calibrate(validation, m.p50(validation),
                    Uc6Features.HORIZONS);
            GasDemandModel calibrated = m.withIntervals(intervals);
            models.add(calibrated);
            Map<String, double[][]> bySplit = new LinkedHashMap<>();
            rowsBySplit.forEach((s, rows) -> bySplit.put(s, quantiles(calibrated, rows)));
            scored.put(m.provenance().name(), bySplit);
        }
        // Every metric, the skill against the degree-day baseline on the same rows included, and its interval come
        // from the same function of the scored rows (Uc6Metrics.of), resampled by target day for the intervals.
        Map<String, double[][]> baseline = scored.get(DegreeDayModel.TYPE);
        Map<String, EvaluationSets> evaluation = new LinkedHashMap<>();
        Map<String, Map<String, Uc6Metrics>> metrics = new LinkedHashMap<>();
        scored.forEach((name, bySplit) -> {
            Map<String, Uc6Metrics> bySplitMetrics = new LinkedHashMap<>();
            Map<String, Map<String, MetricInterval>> bySplitIntervals = new LinkedHashMap<>();
            rowsBySplit.forEach((s, rows) -> {
                List<Uc6Metrics.Scored> items = scoredRows(rows, bySplit.get(s), baseline.get(s)[1]);
                bySplitMetrics.put(s, Uc6Metrics.of(items, thresholds, coldPeakLevels, Uc6Features.HORIZONS));
                bySplitIntervals.put(s, Uc6Metrics.intervals(items, thresholds, coldPeakLevels,
                        Uc6Features.HORIZONS, options.seed()));
            });
            metrics.put(name, bySplitMetrics);
            EvaluationSets sets = EvaluationSets.ofTimeSplit(bySplitMetrics.get(TimeSplit.TRAIN),
                    bySplitMetrics.get(TimeSplit.VALIDATION), bySplitMetrics.get(TimeSplit.TEST));
            for (Map.Entry<String, Map<String, MetricInterval>> e : bySplitIntervals.entrySet()) {
                sets = sets.withIntervals(e.getKey(), e.getValue());
            }
            evaluation.put(name, sets);
        });

        String best = null;
        double bestScore = Double.POSITIVE_INFINITY;
        for (Map.Entry<String, Map<String, Uc6Metrics>> e : metrics.entrySet()) {
            double score = e.getValue().get(TimeSplit.VALIDATION).mapeAt(1);
            if (Double.isFinite(score) && score < bestScore) {
                bestScore = score;
                best = e.getKey();
            }
        }
        Dataset<Row> predictions = predictionTable(features.sparkSession(), models, scored, rowsBySplit,
                thresholds, coldPeakLevels);
        return new Outcome(null, split, models, evaluation, best, predictions, thresholds, coldPeakLevels,
                train.size());
    }

    /** The rows of a split with a model's quantiles and the baseline's P50 on each. */
    static List<Uc6Metrics.Scored> scoredRows(List<GasRow> rows, double[][] quantiles, double[] baselineP50) {
        List<Uc6Metrics.Scored> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            out.add(new Uc6Metrics.Scored(rows.get(i), quantiles[0][i], quantiles[1][i], quantiles[2][i],
                    baselineP50[i]));
        }
        return out;
    }

    /**
     * Each area's cold-peak level, the demand above which a day is a cold peak its alert must announce: the area's
     * capacity when some training day exceeded it, else its peak threshold (the P95 of its training days). A
     * capacity the training period never reached would make the alert unscorable: a test period without any day
     * above it has no event to recall and only false alarms (six, all false, on the default region before this
     * rule). Read from training days only.
     */
    public static Map<String, Double> coldPeakLevels(List<GasRow> train, Map<String, Double> peakThresholds) {
        Map<String, Boolean> capacityReached = new TreeMap<>();
        for (GasRow r : train) {
            capacityReached.merge(r.areaId(), r.actualKwh() > r.capacityKwh(), Boolean::logicalOr);
        }
        Map<String, Double> capacity = new TreeMap<>();
        train.forEach(r -> capacity.put(r.areaId(), r.capacityKwh()));
        Map<String, Double> out = new LinkedHashMap<>();
        peakThresholds.forEach((area, threshold) -> out.put(area,
                capacityReached.getOrDefault(area, false) ? capacity.get(area) : threshold));
        return out;
    }

    /** The split of a target day. */
    static String splitOf(TimeSplit split, LocalDate day) {
        return day.isBefore(split.validationStart()) ? TimeSplit.TRAIN
                : day.isBefore(split.testStart()) ? TimeSplit.VALIDATION : TimeSplit.TEST;
    }

    /**
     * Each area's peak threshold: the {@value #PEAK_PERCENTILE} percentile (linear interpolation) of its demand
     * over the distinct training target days.
     */
    public static Map<String, Double> peakThresholds(List<GasRow> train) {
        Map<String, Map<LocalDate, Double>> byArea = new TreeMap<>();
        for (GasRow r : train) {
            byArea.computeIfAbsent(r.areaId(), k -> new TreeMap<>()).put(r.targetDate(), r.actualKwh());
        }
        Map<String, Double> out = new LinkedHashMap<>();
        byArea.forEach((area, days) -> out.put(area,
                HorizonIntervals.quantile(new ArrayList<>(days.values()), PEAK_PERCENTILE)));
        return out;
    }

    private static double[][] quantiles(GasDemandModel model, List<GasRow> rows) {
        double[] p50 = model.p50(rows);
        double[] p10 = new double[p50.length];
        double[] p90 = new double[p50.length];
        for (int i = 0; i < p50.length; i++) {
            p10[i] = model.intervals().p10(p50[i], rows.get(i).horizon());
            p90[i] = model.intervals().p90(p50[i], rows.get(i).horizon());
        }
        return new double[][] {p10, p50, p90};
    }

    private static Dataset<Row> predictionTable(SparkSession spark, List<GasDemandModel> models,
                                                Map<String, Map<String, double[][]>> scored,
                                                Map<String, List<GasRow>> rowsBySplit, Map<String, Double> thresholds,
                                                Map<String, Double> coldPeakLevels) {
        int te = Uc6Features.FEATURES.indexOf("te_fc_c");
        List<Row> out = new ArrayList<>();
        for (GasDemandModel m : models) {
            String name = m.provenance().name();
            for (String s : List.of(TimeSplit.TRAIN, TimeSplit.VALIDATION, TimeSplit.TEST)) {
                List<GasRow> rows = rowsBySplit.get(s);
                double[][] q = scored.get(name).get(s);
                for (int i = 0; i < rows.size(); i++) {
                    GasRow r = rows.get(i);
                    Double threshold = thresholds.get(r.areaId());
                    Double level = coldPeakLevels.get(r.areaId());
                    double y = r.actualKwh();
                    out.add(RowFactory.create(name, s, r.rowId(), r.areaId(), java.sql.Date.valueOf(r.issueDate()),
                            r.horizon(), java.sql.Date.valueOf(r.targetDate()), y, q[0][i], q[1][i], q[2][i],
                            r.capacityKwh(), threshold, level, level != null && q[2][i] > level,
                            level != null && y > level, threshold != null && q[2][i] > threshold,
                            threshold != null && y > threshold, y > r.capacityKwh(), r.features()[te]));
                }
            }
        }
        return spark.createDataFrame(out, PREDICTION_SCHEMA)
                .withColumn("use_case", lit(USE_CASE));
    }
}
