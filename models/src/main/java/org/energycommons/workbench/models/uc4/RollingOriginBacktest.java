package org.energycommons.workbench.models.uc4;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.unix_timestamp;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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
import org.energycommons.workbench.models.forecast.PersistenceForecaster;
import org.energycommons.workbench.models.forecast.TimeSplit;
import org.energycommons.workbench.models.forecast.TrainingContext;
import org.energycommons.workbench.models.provenance.DataFingerprint;
import org.energycommons.workbench.models.usecase.MetricInterval;
import org.energycommons.workbench.models.usecase.TrainingLayout;
import org.energycommons.workbench.models.usecase.UseCases;

/**
 * The uc4 rolling-origin backtest: forecast origins spread over the period after the first training window; at
 * each origin the models are refitted on every day before it (the last days held out to calibrate) and forecast
 * each day up to the next origin, as an operator who retrains every few weeks would have. One test split gives one
 * number; the spread over origins shows how much that number depends on the season it fell in. The P10–P90 bands
 * are conformalized as in the main run ({@link Uc4Run#CONFORMAL}), from the origin's held-out days on.
 */
public final class RollingOriginBacktest {

    /** Columns of a backtest forecast row. */
    public static final List<String> COLUMNS = List.of("origin", "model", "substation_id", "ts_utc", "local_date",
            "local_hour", "lead_hours", ForecastColumns.ACTUAL, ForecastColumns.P10, ForecastColumns.P50,
            ForecastColumns.P90, ForecastColumns.PERSISTENCE, ForecastColumns.CAPACITY, "n_meters",
            "max_meter_share");

    private RollingOriginBacktest() {
    }

    /**
     * One origin: models fitted on {@code split}'s train days, calibrated on its validation days, forecasting its
     * test days (from the origin to the day before the next one).
     */
    public record Origin(LocalDate origin, TimeSplit split) {
    }

    /**
     * What the backtest produced.
     *
     * @param origins the origins, in time order
     * @param forecasts one row per origin, model, substation and target hour ({@link #COLUMNS}), persisted
     * @param overall model → metrics over every backtest row
     * @param overallIntervals model → metric → 90 % interval of the overall metrics, bootstrapped over target days
     * @param byOrigin model → origin → metrics of the rows it forecast
     */
    public record Outcome(List<Origin> origins, Dataset<Row> forecasts, Map<String, ForecastMetrics> overall,
                          Map<String, Map<String, MetricInterval>> overallIntervals,
                          Map<String, Map<LocalDate, ForecastMetrics>> byOrigin) {
    }

    /**
     * The origins: {@code count} days spread evenly over {@code [from, end]}; each origin's history before it is
     * split into train and the last {@code validationFraction} of days for calibration.
     */
    public static List<Origin> origins(LocalDate start, LocalDate from, LocalDate end, int count,
                                       double validationFraction) {
        if (count < 1) {
            throw new IllegalArgumentException("a backtest needs at least one origin, got " + count);
        }
        long days = ChronoUnit.DAYS.between(from, end) + 1;
        if (days < count) {
            throw new IllegalArgumentException("insufficient data: " + count + " origins need at least " + count
                    + " days between " + from + " and " + end + ", there are " + days);
        }
        List<Origin> origins = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LocalDate origin = from.plusDays(i * days / count);
            LocalDate last = i == count - 1 ? end : from.plusDays((i + 1) * days / count).minusDays(1);
            long history = ChronoUnit.DAYS.between(start, origin);
            long calibration = Math.max(1, Math.round(history * validationFraction));
            if (history - calibration < 1) {
                throw new IllegalArgumentException("insufficient data: origin " + origin + " has " + history
                        + " days of history, too few to train and calibrate");
            }
            origins.add(new Origin(origin, new TimeSplit(start, origin.minusDays(calibration), origin, last)));
        }
        return origins;
    }

    /**
     * Runs the backtest of the given model types over the origins spread across the validation and test period of
     * {@code split}.
     *
     * @param features the uc4 feature table
     * @param split the split of the main run: origins fall in its validation and test days
     * @param modelTypes the types to refit at each origin (e.g. the persistence baseline and the selected model)
     * @param inputTables Delta versions of the inputs, for the refitted models' provenance
     */
    public static Outcome run(Dataset<Row> features, TimeSplit split, List<String> modelTypes,
                              Map<String, Long> inputTables, ForecastOptions options, BacktestOptions backtest,
                              Consumer<String> progress) {
        List<Origin> origins = origins(split.start(), split.validationStart(), split.end(), backtest.origins(),
                backtest.validationFraction());
        Dataset<Row> canonical = TrainingLayout.of(features, "row_id")
                .persist(StorageLevel.MEMORY_AND_DISK());
        List<Dataset<Row>> parts = new ArrayList<>();
        for (Origin o : origins) {
            TimeSplit s = o.split();
            Dataset<Row> train = s.rows(canonical, "local_date", TimeSplit.TRAIN);
            Dataset<Row> validation = s.rows(canonical, "local_date", TimeSplit.VALIDATION);
            // The held-out days before the origin and the forecast days after it: the conformal windows of the
            // forecast days read the errors of the days before them, never those of a later day.
            Dataset<Row> heldOutAndTest = canonical.filter(col("local_date").between(
                    java.sql.Date.valueOf(s.validationStart()), java.sql.Date.valueOf(s.end())));
            String fingerprint = DataFingerprint.of(train, "row_id", Uc4Features.LABEL);
            long rows = Long.parseLong(fingerprint.substring(2, fingerprint.indexOf(';')));
            TrainingContext ctx = new TrainingContext(UseCases.UC4.id(), inputTables, s,
                    Uc4Features.FEATURES, Uc4Features.LABEL, fingerprint, rows);
            for (String type : modelTypes) {
                progress.accept(String.format("uc4 backtest: origin %s (%d/%d), %s refitted on %s..%s, forecasting "
                        + "%s..%s", o.origin(), origins.indexOf(o) + 1, origins.size(), type, s.start(),
                        s.testStart().minusDays(1), s.testStart(), s.end()));
                LoadForecaster model = Uc4Run.fit(type, train, validation, ctx, options);
                Dataset<Row> forecast = model.predict(heldOutAndTest).select(
                        lit(java.sql.Date.valueOf(o.origin())).as("origin"),
                        lit(type).as("model"), col("substation_id"), col("ts_utc"), col("local_date"),
                        col("local_hour"),
                        round(unix_timestamp(col("ts_utc")).minus(unix_timestamp(col("cutoff_utc"))).divide(3600))
                                .cast("int").as("lead_hours"),
                        col(ForecastColumns.ACTUAL), col(ForecastColumns.P10), col(ForecastColumns.P50),
                        col(ForecastColumns.P90), col(ForecastColumns.PERSISTENCE), col(ForecastColumns.CAPACITY),
                        col("n_meters"), col("max_meter_share"));
                parts.add(Uc4Run.CONFORMAL.apply(forecast, s.validationStart())
                        .filter(col("local_date").geq(lit(java.sql.Date.valueOf(s.testStart())))));
            }
        }
        Dataset<Row> forecasts = parts.stream().reduce(Dataset::unionByName).orElseThrow()
                .persist(StorageLevel.MEMORY_AND_DISK());
        Map<String, ForecastMetrics> overall = new LinkedHashMap<>();
        Map<String, Map<String, MetricInterval>> overallIntervals = new LinkedHashMap<>();
        Map<String, Map<LocalDate, ForecastMetrics>> byOrigin = new LinkedHashMap<>();
        for (String type : modelTypes) {
            // Origins forecast disjoint days: each day's sums belong to one origin.
            List<ForecastMetrics.DaySums> days = ForecastMetrics.byDay(forecasts.filter(col("model").equalTo(type)));
            overall.put(type, ForecastMetrics.of(days));
            overallIntervals.put(type, ForecastMetrics.intervals(days, options.seed()));
            Map<LocalDate, ForecastMetrics> perOrigin = new LinkedHashMap<>();
            for (Origin o : origins) {
                perOrigin.put(o.origin(), ForecastMetrics.of(days.stream()
                        .filter(d -> !d.day().isBefore(o.split().testStart()) && !d.day().isAfter(o.split().end()))
                        .toList()));
            }
            byOrigin.put(type, perOrigin);
        }
        canonical.unpersist();
        return new Outcome(origins, forecasts, overall, overallIntervals, byOrigin);
    }

    /** The model types a backtest refits: the persistence baseline and the selected model. */
    public static List<String> typesFor(String bestModel) {
        return bestModel.equals(PersistenceForecaster.TYPE) ? List.of(bestModel)
                : List.of(PersistenceForecaster.TYPE, bestModel);
    }
}
