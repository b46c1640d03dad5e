package org.energycommons.workbench.datasets.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.energycommons.workbench.datasets.SharedSparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LakeTest implements SharedSparkSession {

    private final SparkSession spark = spark();
    private static final StructType SCHEMA = new StructType()
            .add("id", DataTypes.StringType, false)
            .add("value", DataTypes.DoubleType, false);
    private static final TableId TABLE = new TableId(Layer.SILVER, "things");

    private Dataset<Row> rows(Object[]... values) {
        return spark.createDataFrame(java.util.Arrays.stream(values).map(RowFactory::create).toList(), SCHEMA);
    }

    @Test
    void replaceTwiceKeepsOneCopyAndTimeTravelReadsTheOldVersion(@TempDir Path dir) {
        Lake lake = new Lake(spark, dir.toString());
        assertFalse(lake.exists(TABLE));
        long v0 = lake.replace(TABLE, rows(new Object[] {"a", 1.0}, new Object[] {"b", 2.0}), "run-1");
        long v1 = lake.replace(TABLE, rows(new Object[] {"a", 1.0}, new Object[] {"b", 2.0}), "run-2");
        assertEquals(v0 + 1, v1);
        assertEquals(2, lake.read(TABLE).count());
        lake.replace(TABLE, rows(new Object[] {"c", 3.0}), "run-3");
        assertEquals(2, lake.read(TABLE, v1).count());
        assertEquals(List.of("c"), lake.read(TABLE).select("id").as(org.apache.spark.sql.Encoders.STRING())
                .collectAsList());
    }

    @Test
    void mergeUpsertsOnTheKeyAndIsIdempotent(@TempDir Path dir) {
        Lake lake = new Lake(spark, dir.toString());
        lake.merge(TABLE, rows(new Object[] {"a", 1.0}, new Object[] {"b", 2.0}), List.of("id"), "run-1");
        lake.merge(TABLE, rows(new Object[] {"b", 5.0}, new Object[] {"c", 3.0}), List.of("id"), "run-2");
        lake.merge(TABLE, rows(new Object[] {"b", 5.0}, new Object[] {"c", 3.0}), List.of("id"), "run-3");
        List<Row> all = lake.read(TABLE).orderBy("id").collectAsList();
        assertEquals(List.of(RowFactory.create("a", 1.0), RowFactory.create("b", 5.0), RowFactory.create("c", 3.0)),
                all);
    }

    @Test
    void aMissingTableSaysWhichStepProducesIt(@TempDir Path dir) {
        Lake lake = new Lake(spark, dir.toString());
        MissingTableException e = assertThrows(MissingTableException.class, () -> lake.read(new TableId(Layer.GOLD_FEATURES, "never_written")));
        assertTrue(e.getMessage().startsWith("table gold/features/never_written does not exist at "), e.getMessage());
        assertTrue(e.getMessage().endsWith("(run 'workbench features <use-case>' first)"), e.getMessage());
    }

    @Test
    void tableNamesAreValidatedAndUrisKept() {
        assertThrows(IllegalArgumentException.class, () -> new TableId(Layer.SILVER, "Bad-Name"));
        assertEquals("s3a://bucket/lake/silver/load_curve", new Lake(spark, "s3a://bucket/lake/").path(Tables.LOAD_CURVE));
    }
}
