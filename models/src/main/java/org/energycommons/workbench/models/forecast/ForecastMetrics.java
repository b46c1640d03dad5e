package org.energycommons.workbench.models.forecast;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.energycommons.workbench.datasets.grid.SubstationCapacity;
import org.energycommons.workbench.models.usecase.BootstrapIntervals;
import org.energycommons.workbench.models.usecase.MetricInterval;
import org.energycommons.workbench.models.usecase.MetricMap;
import org.energycommons.workbench.models.usecase.UseCaseMetrics;

/**
 * Accuracy of a probabilistic day-ahead load forecast on a set of substation-hours: the uc4 metrics of one model
 * on one split, as published in {@code uc4.json}.
 *
 * <p>Every metric is computed from the sums of each target day ({@link DaySums}) by {@link #of}, the same function
 * the bootstrap over days applies to its draws ({@link #intervals}). {@code rows}, {@code congestion_hours} and
 * {@code alert_hours} are counts: sample sizes, published without an interval.
 *
 * @param rows number of substation-hours scored
 * @param mape mean absolute percentage error of P50 (fraction, 0.05 = 5%)
 * @param rmse root mean squared error of P50, kW
 * @param skillVsPersistence 1 − RMSE / RMSE of the persistence forecast on the same rows
 * @param coverageP10P90 share of actuals inside [P10, P90] (nominal 0.8)
 * @param congestionRecall share of hours over capacity that were alerted (P90 over capacity); NaN if none
 * @param congestionPrecision share of alerted hours that were over capacity; NaN if no alert
 * @param congestionHours hours whose actual apparent power exceeded the substation capacity
 * @param alertHours hours whose P90 apparent power exceeded the capacity
 * @param pinballP10 mean pinball (quantile) loss of P10 at level 0.1, kW
 * @param pinballP50 mean pinball loss of P50 at level 0.5 (half the mean absolute error), kW
 * @param pinballP90 mean pinball loss of P90 at level 0.9, kW
 * @param crps continuous ranked probability score approximated from the three quantiles: CRPS = 2 ∫ pinball_τ dτ
 *     over τ in (0, 1), estimated as 2 × the mean of the three pinball losses (a quantile-score approximation;
 *     lower is better, kW, and equal to the mean absolute error for a point forecast)
 */
public record ForecastMetrics(long rows, double mape, double rmse, double skillVsPersistence, double coverageP10P90,
                              double congestionRecall, double congestionPrecision, long congestionHours,
                              long alertHours, double pinballP10, double pinballP50, double pinballP90, double crps)
        implements UseCaseMetrics {

    /** Evaluates rows carrying {@code local_date, load_kw, p10_kw, p50_kw, p90_kw, lag_d7_kw, capacity_kva}. */
    public static ForecastMetrics evaluate(Dataset<Row> predictions) {
        return of(byDay(predictions));
    }

    /**
     * The sums behind every metric over the hours of one target day (all its substations): the unit the
     * bootstrap resamples, since the hours of a day share its weather and its forecast errors.
     *
     * @param day the target day
     * @param rows substation-hours
     * @param apeSum sum of |y − P50| / y over hours with y &gt; 0
     * @param apeRows hours with y &gt; 0
     * @param squaredError sum of (y − P50)², kW²
     * @param persistenceSquaredError sum of (y − persistence)², kW²
     * @param covered hours with P10 ≤ y ≤ P90
     * @param congestionHours hours over capacity
     * @param alertHours hours whose P90 is over capacity
     * @param hitHours hours over capacity and alerted
     * @param pinballP10 sum of the P10 pinball losses, kW
     * @param pinballP50 sum of the P50 pinball losses, kW
     * @param pinballP90 sum of the P90 pinball losses, kW
     */
    public record DaySums(LocalDate day, long rows, double apeSum, long apeRows, double squaredError,
                          double persistenceSquaredError, long covered, long congestionHours, long alertHours,
                          long hitHours, double pinballP10, double pinballP50, double pinballP90) {
    }

    /** The sums of each target day, in day order (rows need {@code local_date}). */
    public static List<DaySums> byDay(Dataset<Row> predictions) {
        Column y = col(ForecastColumns.ACTUAL);
        Column overCapacity = SubstationCapacity.kva(y).gt(col(ForecastColumns.CAPACITY));
        Column alert = SubstationCapacity.kva(col(ForecastColumns.P90)).gt(col(ForecastColumns.CAPACITY));
        List<Row> rows = predictions.groupBy(col("local_date")).agg(
                count(lit(1)),
                coalesce(sum(when(y.gt(0), abs(y.minus(col(ForecastColumns.P50))).divide(y))), lit(0.0)),
                sum(when(y.gt(0), lit(1L)).otherwise(lit(0L))),
                sum(pow(y.minus(col(ForecastColumns.P50)), 2)),
                sum(pow(y.minus(col(ForecastColumns.PERSISTENCE)), 2)),
                sum(when(y.geq(col(ForecastColumns.P10)).and(y.leq(col(ForecastColumns.P90))), 1L).otherwise(0L)),
                sum(when(overCapacity, 1L).otherwise(0L)),
                sum(when(alert, 1L).otherwise(0L)),
                sum(when(overCapacity.and(alert), 1L).otherwise(0L)),
                sum(pinball(y, col(ForecastColumns.P10), 0.1)),
                sum(pinball(y, col(ForecastColumns.P50), 0.5)),
                sum(pinball(y, col(ForecastColumns.P90), 0.9)))
                .orderBy("local_date").collectAsList();
        List<DaySums> days = new ArrayList<>(rows.size());
        for (Row r : rows) {
            days.add(new DaySums(r.getDate(0).toLocalDate(), r.getLong(1), r.getDouble(2), r.getLong(3),
                    r.getDouble(4), r.getDouble(5), r.getLong(6), r.getLong(7), r.getLong(8), r.getLong(9),
                    r.getDouble(10), r.getDouble(11), r.getDouble(12)));
        }
        return days;
    }

    /** The metrics of a list of days (days may repeat, as in a bootstrap draw): the point values and the replicates. */
    public static ForecastMetrics of(List<DaySums> days) {
        long n = 0;
        long apeRows = 0;
        long covered = 0;
        long events = 0;
        long alerts = 0;
        long hits = 0;
        double ape = 0;
        double se = 0;
        double sePersistence = 0;
        double p10 = 0;
        double p50 = 0;
        double p90 = 0;
        for (DaySums d : days) {
            n += d.rows();
            apeRows += d.apeRows();
            covered += d.covered();
            events += d.congestionHours();
            alerts += d.alertHours();
            hits += d.hitHours();
            ape += d.apeSum();
            se += d.squaredError();
            sePersistence += d.persistenceSquaredError();
            p10 += d.pinballP10();
            p50 += d.pinballP50();
            p90 += d.pinballP90();
        }
        if (n == 0) {
            throw new IllegalArgumentException("no rows to evaluate");
        }
        double rmse = Math.sqrt(se / n);
        double rmsePersistence = Math.sqrt(sePersistence / n);
        return new ForecastMetrics(n, apeRows == 0 ? Double.NaN : ape / apeRows, rmse, 1 - rmse / rmsePersistence,
                (double) covered / n, events == 0 ? Double.NaN : (double) hits / events,
                alerts == 0 ? Double.NaN : (double) hits / alerts, events, alerts, p10 / n, p50 / n, p90 / n,
                2 * (p10 + p50 + p90) / (3.0 * n));
    }

    /** The metrics that are estimates, by published name: every metric but the counts {@link #COUNTS}. */
    public Map<String, Double> estimates() {
        Map<String, Double> m = new LinkedHashMap<>();
        toMap().forEach((k, v) -> {
            if (!COUNTS.contains(k)) {
                m.put(k, ((Number) v).doubleValue());
            }
        });
        return m;
    }

    /**
     * The 90 % interval of every estimate, bootstrapped over the target days with {@code seed}; n is the number
     * of days, except for the congestion recall (n = hours over capacity) and precision (n = alerted hours).
     */
    public static Map<String, MetricInterval> intervals(List<DaySums> days, long seed) {
        Map<String, MetricInterval> intervals = new LinkedHashMap<>(
                BootstrapIntervals.of(days, "day", d -> of(d).estimates(), seed));
        ForecastMetrics point = of(days);
        Map<String, Double> value = point.estimates();
        intervals.computeIfPresent("congestion_recall",
                (k, i) -> i.withShareSample(value.get(k), (int) point.congestionHours(), "congestion_hour"));
        intervals.computeIfPresent("congestion_precision",
                (k, i) -> i.withShareSample(value.get(k), (int) point.alertHours(), "alert_hour"));
        return intervals;
    }

    /** The pinball loss of quantile forecast {@code q} at level {@code tau}: τ(y − q) if y ≥ q, (1 − τ)(q − y) else. */
    public static Column pinball(Column y, Column q, double tau) {
        return when(y.geq(q), y.minus(q).multiply(tau)).otherwise(q.minus(y).multiply(1 - tau));
    }

    /** Counts, published beside the estimates as sample sizes, without an interval. */
    public static final List<String> COUNTS = List.of("congestion_hours", "alert_hours", "rows");

    /** The published metric names, in publication order. */
    public static final List<String> KEYS = List.of("mape", "rmse", "skill_vs_persistence", "coverage_p10_p90",
            "congestion_recall", "congestion_precision", "congestion_hours", "alert_hours", "pinball_p10",
            "pinball_p50", "pinball_p90", "crps", "rows");

    /** The metrics under their names in {@code uc4.json}; undefined values are NaN (null in the JSON). */
    @Override
    public Map<String, Object> toMap() {
        return MetricMap.of(KEYS, mape, rmse, skillVsPersistence, coverageP10P90, congestionRecall,
                congestionPrecision, congestionHours, alertHours, pinballP10, pinballP50, pinballP90, crps, rows);
    }

    /** Reads the published form back ({@code null} values are undefined metrics, NaN). */
    public static ForecastMetrics fromMap(Map<String, Object> map) {
        MetricMap v = MetricMap.reading(map);
        return new ForecastMetrics(v.total("rows"), v.number("mape"), v.number("rmse"),
                v.number("skill_vs_persistence"), v.number("coverage_p10_p90"), v.number("congestion_recall"),
                v.number("congestion_precision"), v.total("congestion_hours"), v.total("alert_hours"),
                v.number("pinball_p10"), v.number("pinball_p50"), v.number("pinball_p90"), v.number("crps"));
    }
}
