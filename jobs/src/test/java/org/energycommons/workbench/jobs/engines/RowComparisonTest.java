package org.energycommons.workbench.jobs.engines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.energycommons.workbench.datasets.SharedSparkSession;
import org.junit.jupiter.api.Test;

/** Two results are the same rows only when every key matches and every value is equal within 1e-9. */
class RowComparisonTest implements SharedSparkSession {

    private static final StructType SCHEMA = new StructType().add("id", DataTypes.StringType)
            .add("kwh", DataTypes.DoubleType).add("n", DataTypes.IntegerType)
            .add("shape", DataTypes.createArrayType(DataTypes.DoubleType));

    private static Dataset<Row> rows(Row... rows) {
        return SPARK.createDataFrame(List.of(rows), SCHEMA);
    }

    private static Row row(String id, Double kwh, int n, Double... shape) {
        return RowFactory.create(id, kwh, n, shape == null ? null : Arrays.asList(shape));
    }

    @Test
    void theSameRowsInAnotherOrderWithLastBitDifferencesAreTheSame() {
        RowComparison c = RowComparison.of(
                rows(row("a", 0.1 + 0.2, 3, 1.0, 2.0), row("b", 5.0, 1, (Double) null, 4.0)),
                rows(row("b", 5.0, 1, (Double) null, 4.0), row("a", 0.3, 3, 1.0, 2.0 + 1e-15)), List.of("id"));
        assertTrue(c.same(), c.toString());
        assertEquals(8, c.valuesCompared());
        assertTrue(c.maxRelativeDifference() > 0 && c.maxRelativeDifference() < 1e-12, c.toString());
    }

    @Test
    void aValueOffAnArrayElementOffANullOnOneSideAndAMissingRowEachCount() {
        RowComparison c = RowComparison.of(
                rows(row("a", 1.0, 3, 1.0, 2.0), row("b", 5.0, 1, 3.0, 4.0), row("c", 7.0, 2, (Double[]) null)),
                rows(row("a", 1.0 + 1e-6, 3, 1.0, 2.0), row("b", 5.0, 1, 3.0, 4.5), row("c", null, 2,
                        (Double[]) null), row("d", 1.0, 1, 1.0)), List.of("id"));
        assertFalse(c.same());
        // a.kwh, b.shape[1], c.kwh, and d's three values (kwh, n, shape[0]) have no match.
        assertEquals(6, c.mismatches(), c.toString());
        assertEquals(3, c.rowsLeft());
        assertEquals(4, c.rowsRight());
    }
}
