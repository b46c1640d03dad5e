package org.energycommons.workbench.models.forecast;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.energycommons.workbench.datasets.grid.SubstationCapacity;
import org.energycommons.workbench.models.usecase.MetricMap;
import org.energycommons.workbench.models.usecase.UseCaseMetrics;

/**
 * Accuracy of a probabilistic day-ahead load forecast on a set of substation-hours: the uc4 metrics of one model
 * on one split, as published in {@code uc4.json}.
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

    /** Evaluates rows carrying {@code load_kw, p10_kw, p50_kw, p90_kw, lag_d7_kw, capacity_kva} in one pass. */
    public static ForecastMetrics evaluate(Dataset<Row> predictions) {
        Column y = col(ForecastColumns.ACTUAL);
        Column overCapacity = SubstationCapacity.kva(y).gt(col(ForecastColumns.CAPACITY));
        Column alert = SubstationCapacity.kva(col(ForecastColumns.P90)).gt(col(ForecastColumns.CAPACITY));
        Row r = predictions.agg(
                count(lit(1)),
                sum(when(y.gt(0), abs(y.minus(col(ForecastColumns.P50))).divide(y))),
                sum(when(y.gt(0), lit(1)).otherwise(lit(0))),
                sum(pow(y.minus(col(ForecastColumns.P50)), 2)),
                sum(pow(y.minus(col(ForecastColumns.PERSISTENCE)), 2)),
                sum(when(y.geq(col(ForecastColumns.P10)).and(y.leq(col(ForecastColumns.P90))), 1).otherwise(0)),
                sum(when(overCapacity, 1).otherwise(0)),
                sum(when(alert, 1).otherwise(0)),
                sum(when(overCapacity.and(alert), 1).otherwise(0)),
                sum(pinball(y, col(ForecastColumns.P10), 0.1)),
                sum(pinball(y, col(ForecastColumns.P50), 0.5)),
                sum(pinball(y, col(ForecastColumns.P90), 0.9))).first();
        long n = r.getLong(0);
        if (n == 0) {
            throw new IllegalArgumentException("no rows to evaluate");
        }
        double mape = r.getDouble(1) / r.getLong(2);
        double rmse = Math.sqrt(r.getDouble(3) / n);
        double rmsePersistence = Math.sqrt(r.getDouble(4) / n);
        long events = r.getLong(6);
        long alerts = r.getLong(7);
        long hits = r.getLong(8);
        return new ForecastMetrics(n, mape, rmse, 1 - rmse / rmsePersistence, (double) r.getLong(5) / n,
                events == 0 ? Double.NaN : (double) hits / events,
                alerts == 0 ? Double.NaN : (double) hits / alerts, events, alerts, r.getDouble(9) / n,
                r.getDouble(10) / n, r.getDouble(11) / n, 2 * (r.getDouble(9) + r.getDouble(10) + r.getDouble(11)) / (3.0 * n));
    }

    /** The pinball loss of quantile forecast {@code q} at level {@code tau}: τ(y − q) if y ≥ q, (1 − τ)(q − y) else. */
    public static Column pinball(Column y, Column q, double tau) {
        return when(y.geq(q), y.minus(q).multiply(tau)).otherwise(q.minus(y).multiply(1 - tau));
    }

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
