package org.energycommons.workbench.jobs.engines;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.posexplode_outer;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.StructField;

/**
 * Whether two results hold the same rows: matched on their key columns, every other value (numbers, and arrays of
 * numbers element by element) equal within a relative tolerance, nulls where the other has nulls.
 *
 * @param rowsLeft rows of the first result
 * @param rowsRight rows of the second
 * @param valuesCompared values compared (array elements counted one by one)
 * @param mismatches values that differ beyond the tolerance, are null on one side only, or have no match
 * @param maxRelativeDifference the largest {@code |a - b| / max(1, |a|)} over the values present on both sides
 */
public record RowComparison(long rowsLeft, long rowsRight, long valuesCompared, long mismatches,
                            double maxRelativeDifference) {

    /** The tolerance: values equal to this relative difference are the same. */
    public static final double TOLERANCE = 1e-9;

    /** Whether the results are the same rows. */
    public boolean same() {
        return rowsLeft == rowsRight && mismatches == 0;
    }

    /** Compares {@code left} and {@code right} (same columns) matched on {@code keys}. */
    public static RowComparison of(Dataset<Row> left, Dataset<Row> right, List<String> keys) {
        Dataset<Row> a = longForm(left, keys).withColumnRenamed("value", "a");
        Dataset<Row> b = longForm(right, keys).withColumnRenamed("value", "b");
        List<String> on = new ArrayList<>(keys);
        on.add("column");
        on.add("pos");
        Dataset<Row> joined = a.join(b, scala.jdk.javaapi.CollectionConverters.asScala(on).toSeq(), "full_outer");
        Column diff = abs(col("a").minus(col("b"))).divide(greatest(lit(1.0), abs(col("a"))));
        Column mismatch = when(col("a").isNull().and(col("b").isNull()), lit(false))
                .when(col("a").isNull().or(col("b").isNull()), lit(true))
                .otherwise(diff.gt(TOLERANCE));
        Row r = joined.agg(
                org.apache.spark.sql.functions.count(lit(1)),
                org.apache.spark.sql.functions.sum(when(mismatch, 1L).otherwise(0L)),
                org.apache.spark.sql.functions.max(diff)).first();
        return new RowComparison(left.count(), right.count(), r.getLong(0), r.isNullAt(1) ? 0 : r.getLong(1),
                r.isNullAt(2) ? 0.0 : r.getDouble(2));
    }

    /** One row per key, column and array position ({@code pos} 0 for a plain value), the value as a double. */
    private static Dataset<Row> longForm(Dataset<Row> rows, List<String> keys) {
        Dataset<Row> all = null;
        for (StructField f : rows.schema().fields()) {
            if (keys.contains(f.name())) {
                continue;
            }
            List<Column> select = new ArrayList<>();
            keys.forEach(k -> select.add(col(k)));
            select.add(lit(f.name()).as("column"));
            Dataset<Row> part;
            if (f.dataType() instanceof ArrayType) {
                select.add(posexplode_outer(col(f.name())).as(new String[] {"pos", "element"}));
                part = rows.select(select.toArray(Column[]::new))
                        .withColumn("value", col("element").cast("double")).drop("element")
                        .withColumn("pos", when(col("pos").isNull(), lit(-1)).otherwise(col("pos")));
            } else {
                select.add(lit(0).as("pos"));
                select.add(col(f.name()).cast("double").as("value"));
                part = rows.select(select.toArray(Column[]::new));
            }
            all = all == null ? part : all.unionByName(part);
        }
        if (all == null) {
            throw new IllegalArgumentException("nothing to compare but the keys " + keys);
        }
        return all;
    }
}
