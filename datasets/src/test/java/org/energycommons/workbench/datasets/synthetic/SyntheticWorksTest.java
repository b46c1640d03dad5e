package org.energycommons.workbench.datasets.synthetic;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.energycommons.workbench.datasets.SharedSparkSession;
import org.junit.jupiter.api.Test;

class SyntheticWorksTest implements SharedSparkSession {

    private final SparkSession spark = spark();

    private static final StructType WORKS_SCHEMA = StructType.fromDDL("""
            building_id STRING NOT NULL, works_date DATE NOT NULL, works_type STRING NOT NULL,
            heating_slope_reduction DOUBLE NOT NULL, base_load_reduction DOUBLE NOT NULL""");

    @Test
    void aboutFifteenPercentOfBuildingsGetWorksWellInsideTheRegionWithAComparisonGroup() {
        RegionConfig config = new RegionConfig(1000, 730, LocalDate.of(2023, 1, 1), 42L, 25);
        Dataset<Row> meters = new SyntheticRegion(spark, config).meters().cache();
        Dataset<Row> works = SyntheticWorks.works(config, meters).cache();
        List<Row> rows = works.join(meters.select("building_id", "heating_energy", "archetype"), "building_id")
                .collectAsList();
        assertEquals(0.15, rows.size() / 1000.0, 0.04);
        LocalDate earliest = config.start().plusDays(120);
        LocalDate latest = config.end().minusDays(120);
        Map<String, Double[]> slopeRange = Map.of("insulation_walls", new Double[] {0.20, 0.35},
                "insulation_roof", new Double[] {0.15, 0.25}, "windows", new Double[] {0.15, 0.20},
                "global", new Double[] {0.40, 0.60}, "heat_pump", new Double[] {0.50, 0.60});
        Set<String> types = new HashSet<>();
        for (Row r : rows) {
            LocalDate day = ((Date) r.getAs("works_date")).toLocalDate();
            assertTrue(!day.isBefore(earliest) && !day.isAfter(latest), r.toString());
            String type = r.getAs("works_type");
            types.add(type);
            double slope = r.getAs("heating_slope_reduction");
            double base = r.getAs("base_load_reduction");
            assertTrue(slope >= slopeRange.get(type)[0] && slope <= slopeRange.get(type)[1], r.toString());
            assertTrue(base >= 0 && base <= 0.1, r.toString());
            if (type.equals("heat_pump")) {
                assertEquals("electricity", r.getAs("heating_energy"));
            }
        }
        assertEquals(Set.copyOf(SyntheticWorks.TYPES), types);

        List<String> comparison = SyntheticWorks.comparisonGroup(meters, works).collectAsList().stream()
                .map(r -> r.getString(0)).toList();
        Set<String> treated = rows.stream().map(r -> (String) r.getAs("building_id")).collect(Collectors.toSet());
        assertTrue(comparison.size() >= treated.size(), comparison.size() + " < " + treated.size());
        assertEquals(comparison.size(), Set.copyOf(comparison).size(), "distinct");
        assertTrue(comparison.stream().noneMatch(treated::contains), "no renovated building in the group");
        Map<String, Long> treatedByArchetype = rows.stream()
                .collect(Collectors.groupingBy(r -> (String) r.getAs("archetype"), Collectors.counting()));
        Map<String, String> archetypeOf = meters.select("building_id", "archetype").collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getString(0), r -> r.getString(1)));
        Map<String, Long> groupByArchetype = comparison.stream()
                .collect(Collectors.groupingBy(archetypeOf::get, Collectors.counting()));
        treatedByArchetype.forEach((a, n) -> assertTrue(groupByArchetype.getOrDefault(a, 0L) >= n, a));

        // Same seed, other partitioning: identical; another seed: other works.
        assertEquals(SyntheticFixtures.sortedRows(works),
                SyntheticFixtures.sortedRows(SyntheticWorks.works(config, meters.repartition(4))));
        RegionConfig other = new RegionConfig(1000, 730, LocalDate.of(2023, 1, 1), 41L, 25);
        assertNotEquals(SyntheticFixtures.sortedRows(works),
                SyntheticFixtures.sortedRows(SyntheticWorks.works(other, meters)));
        // Too short for the margins: no works.
        RegionConfig short240 = new RegionConfig(1000, 240, LocalDate.of(2023, 1, 1), 42L, 25);
        assertTrue(SyntheticWorks.works(short240, meters).isEmpty());
        works.unpersist();
        meters.unpersist();
    }

    @Test
    void helpersReduceTheParametersFromTheLocalWorksDayOn() {
        StructType schema = StructType.fromDDL("""
                building_id STRING NOT NULL, ts_start_utc TIMESTAMP NOT NULL,
                heating_slope_kw_per_c DOUBLE NOT NULL, base_kw DOUBLE NOT NULL, extra INT NOT NULL""");
        Dataset<Row> intervals = spark.createDataFrame(List.of(
                // 22:30 UTC on 10 March is 23:30 in Paris: before the works day.
                RowFactory.create("B1", ts("2024-03-10T22:30:00Z"), 0.5, 1.0, 1),
                // 23:00 UTC on 10 March is midnight of 11 March in Paris: works in effect.
                RowFactory.create("B1", ts("2024-03-10T23:00:00Z"), 0.5, 1.0, 2),
                RowFactory.create("B2", ts("2024-03-12T12:00:00Z"), 0.5, 1.0, 3)), schema);
        Dataset<Row> works = spark.createDataFrame(List.of(
                RowFactory.create("B1", Date.valueOf("2024-03-11"), "global", 0.4, 0.1)), WORKS_SCHEMA);
        Dataset<Row> applied = SyntheticWorks.applyWorks(intervals, works);
        assertEquals(List.of(intervals.columns()), List.of(applied.columns()));
        List<Row> rows = applied.orderBy("extra").collectAsList();
        assertEquals(RowFactory.create("B1", ts("2024-03-10T22:30:00Z"), 0.5, 1.0, 1), rows.get(0));
        assertEquals(0.5 * 0.6, rows.get(1).getDouble(2), 1e-15);
        assertEquals(0.9, rows.get(1).getDouble(3), 1e-15);
        assertEquals(RowFactory.create("B2", ts("2024-03-12T12:00:00Z"), 0.5, 1.0, 3), rows.get(2));
    }

    @Test
    void trueSavingsAreTheNoiseFreeDifferenceWithAndWithoutTheReductions() {
        RegionConfig config = new RegionConfig(10, 560, LocalDate.of(2023, 1, 1), 42L, 10);
        SyntheticRegion region = new SyntheticRegion(spark, config);
        SyntheticFixtures.Meter dwelling = new SyntheticFixtures.Meter(1)
                .heating("electricity", 0.3, 16).base(0.4).occupancy(1.0);
        SyntheticFixtures.Meter late = new SyntheticFixtures.Meter(2)
                .heating("electricity", 0.2, 16).base(0.3).occupancy(0.0);
        SyntheticFixtures.Meter untouched = new SyntheticFixtures.Meter(3).heating("electricity", 0.2, 16);
        Dataset<Row> meters = SyntheticFixtures.meters(spark, dwelling, late, untouched);
        LocalDate lateDay = config.end().minusDays(99);
        Dataset<Row> works = spark.createDataFrame(List.of(
                RowFactory.create(dwelling.buildingId, Date.valueOf("2023-06-01"), "global", 0.4, 0.1),
                RowFactory.create(late.buildingId, Date.valueOf(lateDay), "windows", 0.2, 0.0)), WORKS_SCHEMA);
        Dataset<Row> weather = SyntheticFixtures.constantWeather(spark, config, Map.of("ST01", 5.0));
        Dataset<Row> calendar = region.calendar();
        Map<String, Row> savings = SyntheticWorks.trueSavings(spark, config, meters, works, weather, calendar)
                .collectAsList().stream().collect(Collectors.toMap(r -> r.getString(0), r -> r));
        assertEquals(Set.of(dwelling.buildingId, late.buildingId), savings.keySet());

        // The expected sums from the archetype schedules, half-hour by half-hour (DST days included).
        Map<LocalDate, List<Object[]>> halfHours = new HashMap<>();
        for (Row r : region.intervals(calendar).select("local_date", "hh", "day_type").collectAsList()) {
            halfHours.computeIfAbsent(r.getDate(0).toLocalDate(), k -> new java.util.ArrayList<>())
                    .add(new Object[] {r.getInt(1), DayType.valueOf(r.getString(2))});
        }
        Row s = savings.get(dwelling.buildingId);
        assertEquals(Date.valueOf("2023-06-01"), s.getDate(1));
        assertEquals(Date.valueOf("2024-05-30"), s.getDate(2), "365 days");
        double counterfactual = 0;
        double expectedSavings = 0;
        for (LocalDate d = LocalDate.of(2023, 6, 1); !d.isAfter(LocalDate.of(2024, 5, 30)); d = d.plusDays(1)) {
            for (Object[] hh : halfHours.get(d)) {
                int h = (Integer) hh[0];
                DayType type = (DayType) hh[1];
                double heating = 0.3 * (16 - 5) * Archetype.RESIDENTIAL_ELECTRIC_HEATING.heating(type)[h];
                double occupancy = 1.0 * Archetype.RESIDENTIAL_ELECTRIC_HEATING.occupancy(type)[h];
                counterfactual += 0.5 * (0.4 + occupancy + heating);
                expectedSavings += 0.5 * (0.4 * heating + 0.1 * 0.4);
            }
        }
        assertEquals(counterfactual, s.getDouble(3), 1e-6);
        assertEquals(expectedSavings, s.getDouble(5), 1e-6);
        assertEquals(s.getDouble(3) - s.getDouble(4), s.getDouble(5), 0.0, "savings = counterfactual − actual");
        assertEquals(s.getDouble(5) / s.getDouble(3), s.getDouble(6), 0.0);

        Row l = savings.get(late.buildingId);
        assertEquals(Date.valueOf(lateDay), l.getDate(1));
        assertEquals(Date.valueOf(config.end()), l.getDate(2), "the period stops at the region's end");
        double lateSavings = 0;
        for (LocalDate d = lateDay; !d.isAfter(config.end()); d = d.plusDays(1)) {
            for (Object[] hh : halfHours.get(d)) {
                lateSavings += 0.5 * 0.2 * 0.2 * 11
                        * Archetype.RESIDENTIAL_ELECTRIC_HEATING.heating((DayType) hh[1])[(Integer) hh[0]];
            }
        }
        assertEquals(lateSavings, l.getDouble(5), 1e-6);
        assertEquals(l.getDouble(3) - l.getDouble(4), l.getDouble(5), 0.0);
    }

    private static Timestamp ts(String instant) {
        return Timestamp.from(Instant.parse(instant));
    }
}
