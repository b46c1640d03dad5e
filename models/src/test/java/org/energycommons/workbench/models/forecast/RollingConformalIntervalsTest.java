package org.energycommons.workbench.models.forecast;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.energycommons.workbench.datasets.SharedSparkSession;
import org.junit.jupiter.api.Test;

class RollingConformalIntervalsTest implements SharedSparkSession {

    private static final LocalDate START = LocalDate.of(2024, 1, 1);

    @Test
    void theMarginOfADayReadsOnlyTheWindowOfDaysCompleteAtIssue() {
        RollingConformalIntervals conformal = new RollingConformalIntervals(3, 2);
        TreeMap<LocalDate, double[]> scores = new TreeMap<>();
        for (int d = 0; d < 10; d++) {
            scores.put(START.plusDays(d), new double[] {d, d + 0.5});
        }
        // Day 9 issued on day 8: window = days 5, 6, 7 → scores 5, 5.5, 6, 6.5, 7, 7.5; k = ceil(7 × 0.8) = 6.
        assertEquals(7.5, conformal.margin(scores, START.plusDays(9)), 1e-12);
        double before = conformal.margin(scores, START.plusDays(9));
        scores.put(START.plusDays(8), new double[] {1e9});
        scores.put(START.plusDays(9), new double[] {1e9});
        assertEquals(before, conformal.margin(scores, START.plusDays(9)), "D-1 and D are unknown at issue");
        assertTrue(Double.isNaN(conformal.margin(scores, START.plusDays(2))), "one day of errors is too few");
        assertThrows(IllegalArgumentException.class, () -> new RollingConformalIntervals(3, 4));
    }

    @Test
    void bandsThatAreTooNarrowInWinterAreWidenedToCoverEightyPercent() {
        // A model whose band was calibrated on calm days: errors triple from day 60 on (winter).
        Random random = new Random(11);
        List<Row> rows = new ArrayList<>();
        for (int d = 0; d < 120; d++) {
            double sigma = d < 60 ? 5 : 15;
            for (int h = 0; h < 24; h++) {
                double y = 100 + sigma * random.nextGaussian();
                rows.add(RowFactory.create("m", java.sql.Date.valueOf(START.plusDays(d)), y, 93.6, 100.0, 106.4));
            }
        }
        Dataset<Row> predictions = SPARK.createDataFrame(rows, StructType.fromDDL(
                "model STRING, local_date DATE, load_kw DOUBLE, p10_kw DOUBLE, p50_kw DOUBLE, p90_kw DOUBLE"));
        Dataset<Row> conformal = RollingConformalIntervals.defaults().apply(predictions, START.plusDays(30));
        assertEquals(List.of(predictions.columns()), List.of(conformal.columns()));
        Dataset<Row> winter = conformal.filter(col("local_date").geq(java.sql.Date.valueOf(START.plusDays(90))));
        double raw = coverage(predictions.filter(col("local_date").geq(java.sql.Date.valueOf(START.plusDays(90)))));
        assertTrue(raw < 0.45, "the fixed band under-covers in winter: " + raw);
        assertEquals(0.8, coverage(winter), 0.04);
        // Days before the calibration start keep the model's own band.
        Row first = conformal.filter(col("local_date").equalTo(java.sql.Date.valueOf(START))).first();
        assertEquals(93.6, first.getDouble(3), 1e-12);
        assertEquals(106.4, first.getDouble(5), 1e-12);
    }

    private static double coverage(Dataset<Row> rows) {
        long n = rows.count();
        long in = rows.filter(col("load_kw").geq(col("p10_kw")).and(col("load_kw").leq(col("p90_kw")))).count();
        return (double) in / n;
    }
}
