package org.energycommons.workbench.jobs.usecase;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.energycommons.workbench.datasets.lake.TableId;

/**
 * A registered model reloaded from its folder, ready to predict on rows of its use case's feature table: what a
 * hackathon team or a notebook calls through {@code PublishedModel}.
 */
public interface Predictor {

    /** The lake table whose rows it predicts on (e.g. {@code gold/features/uc4}). */
    TableId features();

    /** The columns it adds to the rows it is given. */
    List<String> predictionColumns();

    /** The rows it can score with the prediction columns added; rows it cannot score are kept with nulls. */
    Dataset<Row> predict(Dataset<Row> features);

    /**
     * The rows with columns added on the driver, for models that score lists of rows (a region's meters, buildings
     * or gas-area days: thousands of rows, not millions).
     *
     * @param rows   the feature rows, collected once, in this order
     * @param added  the added columns
     * @param values the added values of the i-th row
     */
    static Dataset<Row> appendOnDriver(Dataset<Row> features, List<Row> rows, List<StructField> added,
                                       BiFunction<Integer, Row, Object[]> values) {
        StructType schema = features.schema();
        for (StructField f : added) {
            schema = schema.add(f);
        }
        List<Row> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            Object[] extra = values.apply(i, r);
            Object[] all = new Object[r.size() + extra.length];
            for (int j = 0; j < r.size(); j++) {
                all[j] = r.get(j);
            }
            System.arraycopy(extra, 0, all, r.size(), extra.length);
            out.add(RowFactory.create(all));
        }
        return features.sparkSession().createDataFrame(out, schema);
    }
}
