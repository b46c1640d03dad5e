package org.energycommons.workbench.models.artifact;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

/**
 * Scoring of rows by a fitted model on the executors, one partition at a time (a model scores a whole batch at
 * once): each row comes back with the model's values appended after its own columns.
 */
public final class PartitionScoring {

    private PartitionScoring() {
    }

    /** The values a model appends to each row of one partition, aligned with the rows; shipped to the executors. */
    @FunctionalInterface
    public interface BatchScorer extends Serializable {
        /** The appended values of each row, in the order of the added columns. */
        Object[][] score(List<Row> rows);
    }

    /**
     * The rows with the scorer's values appended.
     *
     * @param rows the rows to score
     * @param out the rows' schema followed by the appended columns
     * @param scorer the values of a partition's rows
     */
    public static Dataset<Row> append(Dataset<Row> rows, StructType out, BatchScorer scorer) {
        MapPartitionsFunction<Row, Row> score = partition -> {
            List<Row> buffer = new ArrayList<>();
            partition.forEachRemaining(buffer::add);
            if (buffer.isEmpty()) {
                return Collections.emptyIterator();
            }
            Object[][] appended = scorer.score(buffer);
            List<Row> result = new ArrayList<>(buffer.size());
            for (int i = 0; i < buffer.size(); i++) {
                Row r = buffer.get(i);
                Object[] values = new Object[r.length() + appended[i].length];
                for (int k = 0; k < r.length(); k++) {
                    values[k] = r.get(k);
                }
                System.arraycopy(appended[i], 0, values, r.length(), appended[i].length);
                result.add(RowFactory.create(values));
            }
            return result.iterator();
        };
        return rows.mapPartitions(score, Encoders.row(out));
    }
}
