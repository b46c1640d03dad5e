package org.energycommons.workbench.models.usecase;

import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * The layout training rows are handed to a learner in: a fixed number of partitions, rows hashed to them by their
 * key and sorted within each, so that the layout depends on the rows alone.
 *
 * <p>Learners that subsample (MLlib's gradient-boosted trees and random forests, Smile's boosting on collected
 * rows) draw per partition, in row order: the same rows in another layout give another model. A layout left to
 * Spark depends on the files the table was read from and on {@code local[N]} (the default parallelism sets the
 * file splits, and adaptive execution coalesces shuffle partitions down to it); a fixed count is never coalesced.
 */
public final class TrainingLayout {

    /** Partitions of every training set: few enough for small sets, the same on a laptop and on a cluster. */
    public static final int PARTITIONS = 8;

    private TrainingLayout() {
    }

    /** The rows in the canonical layout: hashed by {@code keys} to {@link #PARTITIONS}, sorted by them within. */
    public static Dataset<Row> of(Dataset<Row> rows, String... keys) {
        Column[] columns = Arrays.stream(keys).map(functions::col).toArray(Column[]::new);
        return rows.repartition(PARTITIONS, columns).sortWithinPartitions(columns);
    }
}
