package org.energycommons.workbench.models.uc4;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.energycommons.workbench.models.forecast.ForecastColumns;
import org.energycommons.workbench.models.forecast.ForecastMetrics;
import org.energycommons.workbench.models.forecast.ForecastOptions;
import org.energycommons.workbench.models.forecast.LoadForecaster;
import org.energycommons.workbench.models.forecast.MllibGbtForecaster;
import org.energycommons.workbench.models.forecast.ModelMetrics;
import org.energycommons.workbench.models.forecast.PersistenceForecaster;
import org.energycommons.workbench.models.forecast.RollingConformalIntervals;
import org.energycommons.workbench.models.forecast.TimeSplit;
import org.energycommons.workbench.models.forecast.TrainingContext;
import org.energycommons.workbench.models.forecast.XgboostQuantileForecaster;
import org.energycommons.workbench.models.provenance.DataFingerprint;
import org.energycommons.workbench.models.usecase.MetricInterval;
import org.energycommons.workbench.models.usecase.TrainingLayout;
import org.energycommons.workbench.models.usecase.UseCases;

/**
 * uc4 training and evaluation: splits the feature table in time, fits the persistence baseline, MLlib GBT and
 * XGBoost quantile GBT (on the residual of a degree-hour part), scores each on train, validation and test, and
 * selects the best model on validation RMSE (the test split is only ever used to report).
 *
 * <p>Every model's P10–P90 band is then conformalized over a rolling window of its errors on the days before
 * ({@link #CONFORMAL}): the validation and test days, which no fit saw, are both the calibration and the evaluated
 * days, each only calibrated by days complete before its forecast was issued. Metrics carry 90 % intervals
 * bootstrapped over target days (a day with all its substation-hours is one unit), seeded with the run's seed.
 */
public final class Uc4Run {

    /** Share of target days used for training; validation takes {@value #VALIDATION_FRACTION}, test the rest. */
    public static final double TRAIN_FRACTION = 0.70;
    /** Share of target days used for validation. */
    public static final double VALIDATION_FRACTION = 0.15;

    /** The P10–P90 bands of every model are conformalized over this rolling window of out-of-sample errors. */
    public static final RollingConformalIntervals CONFORMAL = RollingConformalIntervals.defaults();

    /** Fewest target days that leave train, validation and test at least two days each. */
    public static final int MIN_TARGET_DAYS = 14;

    /** The model types, in the order they are fitted. */
    public static final List<String> MODEL_TYPES = List.of(PersistenceForecaster.TYPE, MllibGbtForecaster.TYPE,
            XgboostQuantileForecaster.TYPE);

    private static final Map<String, String> DESCRIPTIONS = Map.of(
            PersistenceForecaster.TYPE, "persistence baseline (intervals calibrated on validation)",
            MllibGbtForecaster.TYPE, "MLlib gradient-boosted trees",
            XgboostQuantileForecaster.TYPE, "XGBoost quantile gradient tree boosting (P10, P50, P90 in one model)");

    private Uc4Run() {
    }

    /** Fits one model type on train rows, calibrating or early-stopping on validation rows where it does. */
    static LoadForecaster fit(String type, Dataset<Row> train, Dataset<Row> validation, TrainingContext ctx,
                              ForecastOptions options) {
        return switch (type) {
            case PersistenceForecaster.TYPE -> PersistenceForecaster.fit(validation, ctx, options.seed());
            case MllibGbtForecaster.TYPE -> MllibGbtForecaster.fit(train, validation, ctx, options);
            case XgboostQuantileForecaster.TYPE -> XgboostQuantileForecaster.fit(train, ctx, options);
            default -> throw new IllegalArgumentException("unknown uc4 model type '" + type + "'; known: "
                    + MODEL_TYPES);
        };
    }

    /** What a uc4 training run produced. */
    public record Outcome(TimeSplit split, List<LoadForecaster> models, Map<String, ModelMetrics> metrics,
                          String bestModel, Dataset<Row> predictions) {

        /** The forecaster with this name. */
        public LoadForecaster model(String name) {
            return models.stream().filter(m -> m.provenance().name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no model " + name));
        }
    }

    /** The time split of a feature table: fractions of its target days. */
    public static TimeSplit split(Dataset<Row> features) {
        Row r = features.agg(org.apache.spark.sql.functions.min("local_date"),
                org.apache.spark.sql.functions.max("local_date")).first();
        if (r.isNullAt(0)) {
            throw new IllegalArgumentException("the uc4 feature table is empty: the region is too short for "
                    + "a week of lags plus train, validation and test days");
        }
        java.time.LocalDate first = r.getDate(0).toLocalDate();
        java.time.LocalDate last = r.getDate(1).toLocalDate();
        long days = java.time.temporal.ChronoUnit.DAYS.between(first, last) + 1;
        if (days < MIN_TARGET_DAYS) {
            throw new IllegalArgumentException("insufficient data: uc4 needs at least " + MIN_TARGET_DAYS
                    + " target days with a full week of history, the feature table has " + days
                    + "; generate more days");
        }
        return TimeSplit.byFractions(first, last, TRAIN_FRACTION, VALIDATION_FRACTION);
    }

    /**
     * Trains and evaluates every uc4 model.
     *
     * @param features the uc4 feature table
     * @param inputTables Delta versions of the tables the features came from, for provenance
     * @param progress receives one line per step
     */
    public static Outcome run(Dataset<Row> features, Map<String, Long> inputTables, ForecastOptions options,
                              Consumer<String> progress) {
        TimeSplit split = split(features);
        // A canonical layout (rows hashed to a fixed number of partitions by id, sorted within): subsampling in
        // the learners then sees the same rows in the same order on every run, whatever files the table was read
        // from and whatever local[N].
        Dataset<Row> withSplit = TrainingLayout.of(features
                        .withColumn(ForecastColumns.SPLIT, split.splitOf("local_date")), "row_id")
                .persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> train = withSplit.filter(col(ForecastColumns.SPLIT).equalTo(TimeSplit.TRAIN));
        Dataset<Row> validation = withSplit.filter(col(ForecastColumns.SPLIT).equalTo(TimeSplit.VALIDATION));
        String fingerprint = DataFingerprint.of(train, "row_id", Uc4Features.LABEL);
        long trainingRows = Long.parseLong(fingerprint.substring(2, fingerprint.indexOf(';')));
        if (trainingRows < 100) {
            throw new IllegalArgumentException("insufficient data: " + trainingRows
                    + " training rows for uc4 (need at least 100); generate more days or meters");
        }
        TrainingContext ctx = new TrainingContext(UseCases.UC4.id(), inputTables, split,
                Uc4Features.FEATURES, Uc4Features.LABEL, fingerprint, trainingRows);

        List<LoadForecaster> models = new ArrayList<>();
        for (String type : MODEL_TYPES) {
            progress.accept("uc4: " + DESCRIPTIONS.get(type) + " on " + trainingRows + " training rows");
            models.add(fit(type, train, validation, ctx, options));
        }

        progress.accept("uc4: scoring train, validation and test rows");
        List<Dataset<Row>> all = new ArrayList<>();
        for (LoadForecaster m : models) {
            all.add(m.predict(withSplit).select(
                    lit(m.provenance().name()).as("model"),
                    col(ForecastColumns.SPLIT), col("substation_id"), col("ts_utc"), col("local_date"),
                    col("local_hour"), col(ForecastColumns.ACTUAL), col(ForecastColumns.P10), col(ForecastColumns.P50),
                    col(ForecastColumns.P90), col(ForecastColumns.PERSISTENCE), col(ForecastColumns.CAPACITY),
                    col("n_meters"), col("max_meter_share")));
        }
        // Validation and test days were never fitted on: their errors feed the rolling conformal windows.
        Dataset<Row> predictions = CONFORMAL.apply(all.stream().reduce(Dataset::unionByName).orElseThrow(),
                        split.validationStart())
                .persist(StorageLevel.MEMORY_AND_DISK());

        progress.accept("uc4: metrics by split, with 90 % intervals bootstrapped over target days");
        Map<String, ModelMetrics> metrics = new LinkedHashMap<>();
        for (LoadForecaster m : models) {
            String name = m.provenance().name();
            Dataset<Row> own = predictions.filter(col("model").equalTo(name));
            Map<String, ForecastMetrics> bySplit = new LinkedHashMap<>();
            Map<String, Map<String, MetricInterval>> intervals = new LinkedHashMap<>();
            for (String s : List.of(TimeSplit.TRAIN, TimeSplit.VALIDATION, TimeSplit.TEST)) {
                List<ForecastMetrics.DaySums> days = ForecastMetrics.byDay(
                        own.filter(col(ForecastColumns.SPLIT).equalTo(s)));
                bySplit.put(s, ForecastMetrics.of(days));
                intervals.put(s, ForecastMetrics.intervals(days, options.seed()));
            }
            metrics.put(name, new ModelMetrics(bySplit.get(TimeSplit.TRAIN), bySplit.get(TimeSplit.VALIDATION),
                    bySplit.get(TimeSplit.TEST), intervals));
        }
        String best = metrics.entrySet().stream()
                .filter(e -> !e.getKey().equals(PersistenceForecaster.TYPE))
                .min(Comparator.comparingDouble(e -> e.getValue().validation().rmse()))
                .orElseThrow().getKey();
        withSplit.unpersist();
        return new Outcome(split, models, metrics, best, predictions);
    }
}
