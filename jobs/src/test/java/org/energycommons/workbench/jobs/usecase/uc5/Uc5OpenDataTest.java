package org.energycommons.workbench.jobs.usecase.uc5;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.energycommons.workbench.datasets.SharedSparkSession;
import org.junit.jupiter.api.Test;

/** uc5's open dataset: small counts of dwellings are suppressed with the counts that would give them back. */
class Uc5OpenDataTest implements SharedSparkSession {

    private static final StructType COMMUNES = StructType.fromDDL("commune_code STRING, commune_name STRING, "
            + "dwellings BIGINT, certified BIGINT, certified_fg BIGINT, uncertified BIGINT, "
            + "predicted_fg_uncertified BIGINT, estimated_fg BIGINT, estimated_fg_share DOUBLE, model STRING");

    @Test
    void smallCountsAndWhatRecomputesThemAreEmptied() {
        List<Row> rows = Uc5OpenData.suppressed(SPARK.createDataFrame(List.of(
                // 3 F/G by certificate and 8 by the model: only their sum (11) is published.
                RowFactory.create("99001", "Valbrune", 91L, 35L, 3L, 56L, 8L, 11L, 11 / 91.0, "m"),
                // Every count at least 10 (or 0): all published.
                RowFactory.create("99002", "Saint-Aurel", 120L, 40L, 0L, 80L, 12L, 12L, 0.1, "m"),
                // An estimate of 4: the estimate, its parts and its share are emptied.
                RowFactory.create("99003", "Montclair", 35L, 15L, 0L, 20L, 4L, 4L, 4 / 35.0, "m"),
                // 7 certified: certified and uncertified (= dwellings - 7) are emptied.
                RowFactory.create("99004", "Les Granges", 34L, 7L, 0L, 27L, 12L, 12L, 12 / 34.0, "m"),
                // Fewer dwellings than the threshold: the commune is left out.
                RowFactory.create("99005", "Rocheval", 8L, 4L, 1L, 4L, 1L, 2L, 0.25, "m")), COMMUNES), 10)
                .orderBy("commune_code").collectAsList();
        assertEquals(List.of(
                RowFactory.create("99001", "Valbrune", 91L, 35L, 56L, null, null, 11L, 11 / 91.0),
                RowFactory.create("99002", "Saint-Aurel", 120L, 40L, 80L, 0L, 12L, 12L, 0.1),
                RowFactory.create("99003", "Montclair", 35L, 15L, 20L, null, null, null, null),
                RowFactory.create("99004", "Les Granges", 34L, null, null, 0L, 12L, 12L, 12 / 34.0)), rows);
    }
}
