package org.energycommons.workbench.models.forecast;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.energycommons.workbench.datasets.grid.SubstationCapacity;
import org.energycommons.workbench.models.provenance.Json;

/**
 * Accuracy of a probabilistic day-ahead load forecast on a set of substation-hours.
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
 */
public record ForecastMetrics(long rows, double mape, double rmse, double skillVsPersistence, double coverageP10P90,
                              double congestionRecall, double congestionPrecision, long congestionHours,
                              long alertHours) {

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
                sum(when(overCapacity.and(alert), 1).otherwise(0))).first();
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
                alerts == 0 ? Double.NaN : (double) hits / alerts, events, alerts);
    }

    /** The metrics under their names in {@code uc4.json}; undefined values are null. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mape", Json.finiteOrNull(mape));
        m.put("rmse", Json.finiteOrNull(rmse));
        m.put("skill_vs_persistence", Json.finiteOrNull(skillVsPersistence));
        m.put("coverage_p10_p90", Json.finiteOrNull(coverageP10P90));
        m.put("congestion_recall", Json.finiteOrNull(congestionRecall));
        m.put("congestion_precision", Json.finiteOrNull(congestionPrecision));
        m.put("congestion_hours", congestionHours);
        m.put("alert_hours", alertHours);
        m.put("rows", rows);
        return m;
    }

    /** The value of a metric by its JSON name; NaN if unknown or undefined. */
    public double value(String metric) {
        Object v = toMap().get(metric);
        return v instanceof Number num ? num.doubleValue() : Double.NaN;
    }
}
