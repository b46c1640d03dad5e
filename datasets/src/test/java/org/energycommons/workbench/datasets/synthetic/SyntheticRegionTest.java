package org.energycommons.workbench.datasets.synthetic;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.from_utc_timestamp;
import static org.apache.spark.sql.functions.to_date;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.energycommons.workbench.datasets.SharedSparkSession;
import org.junit.jupiter.api.Test;

class SyntheticRegionTest implements SharedSparkSession {

    private final SparkSession spark = spark();

    private static Dataset<Row> bronze(SyntheticRegion region) {
        return region.bronzeLoadCurve(region.meters(), region.weather(), region.calendar(), "test-run");
    }

    @Test
    void sameSeedGivesIdenticalRowsAndAnotherSeedDoesNot() {
        RegionConfig config = new RegionConfig(12, 35, LocalDate.of(2024, 1, 8), 7L, 12);
        Dataset<Row> first = bronze(new SyntheticRegion(spark, config)).cache();
        // Different partitioning of the same work must not change a single value.
        Dataset<Row> second = bronze(new SyntheticRegion(spark, config)).repartition(5);
        long expected = 12L * 35 * 48;
        assertEquals(expected, first.count());
        assertEquals(expected, second.count());
        assertEquals(0, first.exceptAll(second).count());
        assertEquals(0, second.exceptAll(first).count());

        RegionConfig otherSeed = new RegionConfig(12, 35, LocalDate.of(2024, 1, 8), 8L, 12);
        assertTrue(first.exceptAll(bronze(new SyntheticRegion(spark, otherSeed))).count() > expected / 2);
        first.unpersist();
    }

    @Test
    void dstDaysHave46And50HalfHoursInLocalTimeAndInstantsAreUtc() {
        for (LocalDate start : List.of(LocalDate.of(2023, 3, 20), LocalDate.of(2023, 10, 23))) {
            RegionConfig config = new RegionConfig(10, 35, start, 3L, 10);
            Map<String, Long> perDay = bronze(new SyntheticRegion(spark, config))
                    .withColumn("local_date", to_date(from_utc_timestamp(
                            col("interval_end_utc").minus(org.apache.spark.sql.functions.expr("INTERVAL 30 MINUTES")),
                            "Europe/Paris")))
                    .groupBy("prm", "local_date").agg(count("*").as("n"))
                    .groupBy("local_date").agg(org.apache.spark.sql.functions.min("n").as("min"),
                            org.apache.spark.sql.functions.max("n").as("max"))
                    .collectAsList().stream()
                    .collect(Collectors.toMap(r -> r.getDate(0).toString(),
                            r -> r.getLong(1) == r.getLong(2) ? r.getLong(1) : -1L));
            assertEquals(35, perDay.size());
            perDay.forEach((day, n) -> {
                long want = day.equals("2023-03-26") ? 46 : day.equals("2023-10-29") ? 50 : 48;
                assertEquals(want, n, "half-hours on " + day);
            });
        }
    }

    @Test
    void loadCurvesFollowTheArchetypesPhysics() {
        RegionConfig config = new RegionConfig(40, 60, LocalDate.of(2023, 11, 6), 11L, 20);
        SyntheticRegion region = new SyntheticRegion(spark, config);
        Dataset<Row> meters = region.meters().cache();
        Dataset<Row> load = bronze(region).join(meters.select("prm", "archetype"), "prm");
        Map<String, Double> meanW = load.groupBy("archetype").agg(org.apache.spark.sql.functions.avg("value_w"))
                .collectAsList().stream().collect(Collectors.toMap(r -> r.getString(0), r -> r.getDouble(1)));
        assertTrue(load.filter(col("value_w").lt(0)).isEmpty(), "no negative power");
        // Electric heating in November–December draws more than dwellings heated otherwise.
        assertTrue(meanW.get("RESIDENTIAL_ELECTRIC_HEATING") > 1.5 * meanW.get("RESIDENTIAL_OTHER_HEATING"),
                meanW.toString());
        assertNotEquals(meanW.get("OFFICE"), meanW.get("SCHOOL"));
        meters.unpersist();
    }

    @Test
    void badSizesAreRefusedWithAClearMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RegionConfig(5, 100, LocalDate.of(2023, 1, 1), 1, 25));
        assertEquals("--meters must be at least 10, got 5", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new RegionConfig(100, 10, LocalDate.of(2023, 1, 1), 1, 25));
        assertThrows(IllegalArgumentException.class, () -> new RegionConfig(100, 100, LocalDate.of(2030, 1, 1), 1, 25));
        assertEquals(RegionConfig.defaults(), RegionConfig.of(RegionConfig.defaults().toProperties()));
    }
}
