package org.energycommons.workbench.jobs.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.energycommons.workbench.datasets.SharedSparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two lakes written by the same commands compare equal whatever their row order, run ids and Delta history. */
class LakeContentTest implements SharedSparkSession {

    private static final StructType SCHEMA = new StructType().add("id", DataTypes.StringType)
            .add("kwh", DataTypes.DoubleType).add("run_id", DataTypes.StringType);

    private static void write(Path table, List<Row> rows, String mode) {
        SPARK.createDataFrame(rows, SCHEMA).write().format("delta").mode(mode).save(table.toString());
    }

    @Test
    void sameRowsInAnotherOrderAndRunAreTheSameContentAndAChangedRowIsNot(@TempDir Path dir) throws Exception {
        Path one = dir.resolve("one/lake");
        Path two = dir.resolve("two/lake");
        write(one.resolve("silver/t"), List.of(RowFactory.create("a", 0.1 + 0.2, "run-1"),
                RowFactory.create("b", 2.0, "run-1")), "overwrite");
        // The other lake: rows in another order, another run id, one more Delta version, a last-bit difference.
        write(two.resolve("silver/t"), List.of(RowFactory.create("x", 9.0, "run-0")), "overwrite");
        write(two.resolve("silver/t"), List.of(RowFactory.create("b", 2.0, "run-2"),
                RowFactory.create("a", 0.3, "run-2")), "overwrite");
        // A table whose first write never committed: a log folder without a commit is no table.
        Files.createDirectories(two.resolve("gold/unfinished/_delta_log"));

        LakeContent a = LakeContent.of(SPARK, one);
        LakeContent b = LakeContent.of(SPARK, two);
        assertEquals(List.of("silver/t"), List.copyOf(b.tables().keySet()));
        assertEquals(List.of(), b.differences(a));
        assertEquals(List.of(), b.unreadable());

        write(two.resolve("silver/t"), List.of(RowFactory.create("b", 2.5, "run-3"),
                RowFactory.create("a", 0.3, "run-3")), "overwrite");
        assertEquals(List.of("silver/t: 2 rows, the reference 2 (same count, other content)"),
                LakeContent.of(SPARK, two).differences(a));
        // A data file of the current version lost: the table cannot be read.
        Files.delete(Path.of(java.net.URI.create(
                SPARK.read().format("delta").load(two.resolve("silver/t").toString()).inputFiles()[0])));
        LakeContent broken = LakeContent.of(SPARK, two);
        assertEquals(1, broken.unreadable().size(), broken.tables().toString());
        assertTrue(broken.unreadable().get(0).startsWith("silver/t: "), broken.unreadable().get(0));
    }

    @Test
    void aMapColumnIsComparedByItsEntriesWhateverTheirOrder(@TempDir Path dir) {
        StructType schema = new StructType().add("rule", DataTypes.StringType)
                .add("evidence", DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType));
        Path one = dir.resolve("one/lake/gold/alerts");
        Path two = dir.resolve("two/lake/gold/alerts");
        java.util.Map<String, Double> ab = new java.util.LinkedHashMap<>();
        ab.put("a", 1.0);
        ab.put("b", 2.0);
        java.util.Map<String, Double> ba = new java.util.LinkedHashMap<>();
        ba.put("b", 2.0);
        ba.put("a", 1.0);
        SPARK.createDataFrame(List.of(RowFactory.create("night", scala(ab))), schema)
                .write().format("delta").save(one.toString());
        SPARK.createDataFrame(List.of(RowFactory.create("night", scala(ba))), schema)
                .write().format("delta").save(two.toString());
        LakeContent a = LakeContent.of(SPARK, dir.resolve("one/lake"));
        assertEquals(List.of(), a.unreadable());
        assertEquals(List.of(), LakeContent.of(SPARK, dir.resolve("two/lake")).differences(a));

        ba.put("a", 1.5);
        SPARK.createDataFrame(List.of(RowFactory.create("night", scala(ba))), schema)
                .write().format("delta").mode("overwrite").save(two.toString());
        assertEquals(List.of("gold/alerts: 1 rows, the reference 1 (same count, other content)"),
                LakeContent.of(SPARK, dir.resolve("two/lake")).differences(a));
    }

    private static scala.collection.Map<String, Double> scala(java.util.Map<String, Double> map) {
        return scala.jdk.javaapi.CollectionConverters.asScala(map);
    }
}
