package org.energycommons.workbench.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.energycommons.workbench.datasets.SharedSparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each stage of a run counts the rows its Spark tasks wrote and read, and the heap it held. */
class RunTimerTest implements SharedSparkSession {

    @Test
    void aStageCountsTheRowsItWroteAndTheNextTheRowsItReadTwice(@TempDir Path dir) {
        String table = dir.resolve("t").toString();
        try (RunTimer timer = new RunTimer()) {
            timer.attach(SPARK.sparkContext());
            timer.stage("write", () -> {
                SPARK.range(0, 12_345, 1, 3).toDF("id").write().format("delta").save(table);
                return null;
            });
            long sum = timer.stage("read twice", () -> {
                Dataset<Row> t = SPARK.read().format("delta").load(table);
                return t.agg(org.apache.spark.sql.functions.sum("id")).first().getLong(0)
                        + t.filter("id % 2 = 0").agg(org.apache.spark.sql.functions.count("id")).first().getLong(0);
            });
            assertEquals(12_344L * 12_345 / 2 + 6_173, sum);

            List<Map<String, Object>> stages = timer.stages();
            assertEquals(12_345L, stages.get(0).get("rows_written"));
            // Each read also reads the table's Delta log: a few actions (protocol, metadata, one per file).
            long read = (Long) stages.get(1).get("rows_read");
            assertTrue(read >= 2 * 12_345L && read <= 2 * 12_345L + 50, "rows read " + read);
            assertEquals(0L, stages.get(1).get("rows_written"));
            assertTrue((Long) stages.get(1).get("heap_after_gc_max_mb") >= 0);
            Map<String, Object> doc = timer.document(Map.of());
            assertTrue((Long) ((Map<?, ?>) doc.get("memory")).get("heap_after_gc_max_mb") >= 0);
        }
    }
}
