package org.energycommons.workbench.datasets.ingest;

import java.io.Serializable;
import java.util.List;
import java.util.function.BiFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.energycommons.workbench.datasets.lake.TableId;
import org.energycommons.workbench.datasets.privacy.Pseudonymizer;

/**
 * How a source's accepted bronze rows become silver rows: the silver table, its key, and the transformation
 * (conformed names and units, identifiers pseudonymised).
 *
 * @param table the silver table
 * @param key the silver key rows are merged on
 * @param transform bronze rows of the source to silver rows
 */
public record SilverMapping(TableId table, List<String> key,
                            BiFunction<Dataset<Row>, Pseudonymizer, Dataset<Row>> transform) implements Serializable {
}
