package org.energycommons.workbench.models.forecast;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.exp;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Calibrated residual intervals: the 10% and 90% empirical quantiles of log(actual / P50) on validation rows,
 * applied multiplicatively around a point forecast, so that P10 = P50·e^q10 and P90 = P50·e^q90.
 *
 * @param logQ10 10% quantile of the log ratio
 * @param logQ90 90% quantile of the log ratio
 */
public record ResidualIntervals(double logQ10, double logQ90) {

    public ResidualIntervals {
        if (!(Double.isFinite(logQ10) && Double.isFinite(logQ90) && logQ10 <= logQ90)) {
            throw new IllegalArgumentException("interval quantiles must be finite and ordered, got "
                    + logQ10 + ", " + logQ90);
        }
    }

    /** Calibrates on rows carrying {@code load_kw} and {@code p50_kw}. */
    public static ResidualIntervals calibrate(Dataset<Row> validationPredictions) {
        Row q = validationPredictions
                .filter(col(ForecastColumns.ACTUAL).gt(0).and(col(ForecastColumns.P50).gt(0)))
                .select(log(col(ForecastColumns.ACTUAL).divide(col(ForecastColumns.P50))).as("r"))
                .agg(expr("percentile_approx(r, array(0.1, 0.9), 100000)"))
                .first();
        if (q.isNullAt(0)) {
            throw new IllegalArgumentException("no validation rows to calibrate intervals on");
        }
        java.util.List<Object> values = q.getList(0);
        return new ResidualIntervals(((Number) values.get(0)).doubleValue(), ((Number) values.get(1)).doubleValue());
    }

    /** Adds {@code p10_kw} and {@code p90_kw} around {@code p50_kw}. */
    public Dataset<Row> apply(Dataset<Row> withP50) {
        return withP50
                .withColumn(ForecastColumns.P10, col(ForecastColumns.P50).multiply(exp(lit(logQ10))))
                .withColumn(ForecastColumns.P90, col(ForecastColumns.P50).multiply(exp(lit(logQ90))));
    }
}
