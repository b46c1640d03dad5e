package org.energycommons.workbench.datasets.synthetic;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.hour;
import static org.apache.spark.sql.functions.max;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.energycommons.workbench.datasets.SharedSparkSession;
import org.junit.jupiter.api.Test;

class SyntheticPvTest implements SharedSparkSession {

    private final SparkSession spark = spark();

    @Test
    void aboutTwelvePercentOfDwellingsAndThirtyPercentOfPublicAndOfficeBuildingsHavePv() {
        RegionConfig config = new RegionConfig(1000, 35, LocalDate.of(2024, 5, 6), 42L, 25);
        Dataset<Row> meters = new SyntheticRegion(spark, config).meters().cache();
        List<Row> installations = SyntheticPv.installations(config, meters)
                .join(meters.select("building_id", "archetype", "building_use"), "building_id").collectAsList();
        Map<String, Long> byUse = meters.groupBy("building_use").count().collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getString(0), r -> r.getLong(1)));
        long dwellings = byUse.get("residential");
        long others = byUse.get("office") + byUse.get("education") + byUse.get("public_administration");
        long pvDwellings = installations.stream().filter(r -> r.getAs("building_use").equals("residential")).count();
        long pvOthers = installations.size() - pvDwellings;
        assertEquals(0.12, (double) pvDwellings / dwellings, 0.04, pvDwellings + " / " + dwellings);
        assertEquals(0.30, (double) pvOthers / others, 0.10, pvOthers + " / " + others);
        for (Row r : installations) {
            double kwc = r.getAs("pv_kwc");
            String archetype = r.getAs("archetype");
            assertNotEquals(Archetype.SMALL_BUSINESS.name(), archetype);
            if (r.getAs("building_use").equals("residential")) {
                assertTrue(kwc >= 3 && kwc <= 9, r.toString());
            } else {
                assertTrue(kwc >= 20 && kwc <= 100, r.toString());
            }
        }

        List<String> again = SyntheticFixtures.sortedRows(SyntheticPv.installations(config, meters.repartition(3)));
        assertEquals(SyntheticFixtures.sortedRows(SyntheticPv.installations(config, meters)), again);
        RegionConfig other = new RegionConfig(1000, 35, LocalDate.of(2024, 5, 6), 43L, 25);
        assertNotEquals(again, SyntheticFixtures.sortedRows(SyntheticPv.installations(other, meters)));
        meters.unpersist();
    }

    @Test
    void productionIsKwcTimesIrradianceTimesPerformanceRatioPerHalfHourAndZeroAtNight() {
        StructType irradianceSchema = SyntheticFixtures.timeSeries("station_id", "irradiance_w_m2");
        Dataset<Row> irradiance = spark.createDataFrame(List.of(
                RowFactory.create("ST01", ts("2024-06-01T00:00:00Z"), 0.0),
                RowFactory.create("ST01", ts("2024-06-01T11:00:00Z"), 800.0),
                RowFactory.create("ST03", ts("2024-06-01T11:00:00Z"), 500.0)), irradianceSchema);
        StructType installationSchema = new StructType()
                .add("building_id", DataTypes.StringType, false)
                .add("station_id", DataTypes.StringType, false)
                .add("pv_kwc", DataTypes.DoubleType, false);
        Dataset<Row> installations = spark.createDataFrame(List.of(RowFactory.create("B1", "ST01", 6.0)),
                installationSchema);
        List<Row> rows = SyntheticPv.production(installations, irradiance).orderBy("ts_utc").collectAsList();
        assertEquals(2, rows.size(), "only the building's station");
        assertEquals(0.0, rows.get(0).getDouble(2), 0.0);
        assertEquals(6.0 * 800 / 1000 * 0.8 * 0.5, rows.get(1).getDouble(2), 1e-12);

        // On the region's own weather: nothing between 22:00 and 02:00 UTC, something at noon.
        RegionConfig config = new RegionConfig(40, 35, LocalDate.of(2024, 6, 3), 42L, 20);
        SyntheticRegion region = new SyntheticRegion(spark, config);
        Dataset<Row> production = SyntheticPv.production(
                SyntheticPv.installations(config, region.meters()),
                SyntheticPv.halfHourIrradiance(config, region.weather())).cache();
        Row night = production.filter(hour(col("ts_utc")).isin(22, 23, 0, 1)).agg(max("pv_kwh")).first();
        assertEquals(0.0, night.getDouble(0), 0.0);
        assertTrue(production.filter(hour(col("ts_utc")).equalTo(11)).agg(max("pv_kwh")).first().getDouble(0) > 0);
        long buildings = production.select("building_id").distinct().count();
        assertTrue(buildings > 0);
        // 35 local days of half-hours (no DST change in June) per building.
        assertEquals(buildings * 35 * 48, production.count());
        production.unpersist();
    }

    @Test
    void selfConsumptionIsTheMinimumOfProductionAndLoadPerInterval() {
        StructType productionSchema = SyntheticFixtures.timeSeries("building_id", "pv_kwh");
        StructType loadSchema = SyntheticFixtures.timeSeries("building_id", "kwh");
        Dataset<Row> production = spark.createDataFrame(List.of(
                RowFactory.create("B1", ts("2024-06-01T03:00:00Z"), 0.0),
                RowFactory.create("B1", ts("2024-06-01T10:00:00Z"), 2.0),
                RowFactory.create("B1", ts("2024-06-01T10:30:00Z"), 3.0),
                RowFactory.create("B1", ts("2024-06-01T11:00:00Z"), 1.5),
                // 22:30 UTC is already 2 June in Paris.
                RowFactory.create("B1", ts("2024-06-01T22:30:00Z"), 0.25)), productionSchema);
        Dataset<Row> load = spark.createDataFrame(List.of(
                RowFactory.create("B1", ts("2024-06-01T03:00:00Z"), 0.4),
                RowFactory.create("B1", ts("2024-06-01T10:00:00Z"), 1.0),
                RowFactory.create("B1", ts("2024-06-01T10:30:00Z"), 5.0),
                RowFactory.create("B1", ts("2024-06-01T22:30:00Z"), 1.0),
                RowFactory.create("B2", ts("2024-06-01T10:00:00Z"), 1.0)), loadSchema);
        List<Row> days = SyntheticPv.selfConsumption(production, load).orderBy("local_date").collectAsList();
        assertEquals(2, days.size());
        Row first = days.get(0);
        assertEquals(Date.valueOf("2024-06-01"), first.getDate(1));
        assertEquals(6.5, first.getDouble(2), 1e-12);
        assertEquals(0.0 + 1.0 + 3.0 + 0.0, first.getDouble(3), 1e-12, "no load reading: all exported");
        assertEquals(2.5, first.getDouble(4), 1e-12);
        assertEquals(Date.valueOf("2024-06-02"), days.get(1).getDate(1));
        assertEquals(0.25, days.get(1).getDouble(3), 1e-12);
        assertEquals(0.0, days.get(1).getDouble(4), 1e-12);
    }

    private static Timestamp ts(String instant) {
        return Timestamp.from(Instant.parse(instant));
    }
}
