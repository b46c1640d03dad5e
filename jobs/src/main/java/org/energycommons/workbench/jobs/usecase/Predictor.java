package org.energycommons.workbench.jobs.usecase;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.energycommons.workbench.datasets.lake.TableId;

/**
 * A registered model reloaded from its folder, ready to predict on rows of its use case's feature table: what a
 * hackathon team or a notebook calls through {@code PublishedModel}.
 */
public interface Predictor {

    /** The lake table whose rows it predicts on (e.g. {@code gold/features/uc4}). */
    TableId features();

    /** The columns it adds to the rows it is given. */
    java.util.List<String> predictionColumns();

    /** The rows it can score with the prediction columns added; rows it cannot score are kept with nulls. */
    Dataset<Row> predict(Dataset<Row> features);
}
