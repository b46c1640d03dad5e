package org.energycommons.workbench.datasets;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.round;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** The rounding of exact sums gives what Spark's {@code round} gives, on halves and on the doubles next to them. */
class ExactSumsTest implements SharedSparkSession {

    @Test
    void halfUpIsSparksRoundOnTiesTheirNeighboursAndRandomReadings() {
        List<Double> values = new ArrayList<>(List.of(0.0, -0.0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 0.49999999999999994,
                -0.49999999999999994, 2.4999999999999996, Math.nextUp(2.5), Math.nextDown(2.5), 1234567.5,
                Math.nextDown(1234567.5), Math.nextUp(1234567.5), 4.503599627370495E15, 9.0e12 + 0.5, 1e-7));
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            // kWh of a half-hour scaled to millionths, as the sums see them; and small values of either sign.
            values.add(random.nextInt(5_000_000) / 1000.0 * ExactSums.SCALE);
            values.add(random.nextDouble(-3, 3) * ExactSums.SCALE);
            values.add(Math.round(random.nextDouble(-1000, 1000)) + 0.5);
        }
        Dataset<Row> x = SPARK.createDataset(values, Encoders.DOUBLE()).toDF("x");
        List<Row> rows = x.select(col("x"), round(col("x")).cast("long").as("spark"),
                ExactSums.halfUp(col("x")).as("ours")).collectAsList();
        for (Row r : rows) {
            assertEquals(r.getLong(1), r.getLong(2), "x = " + r.getDouble(0));
        }
        assertEquals(values.size(), rows.size());
    }
}
