package org.energycommons.workbench.datasets.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.energycommons.workbench.datasets.SharedSparkSession;
import org.junit.jupiter.api.Test;

class SyntheticFaultsTest implements SharedSparkSession {

    private final SparkSession spark = spark();

    private static final StructType INTERVALS = StructType.fromDDL("""
            building_id STRING NOT NULL, archetype STRING NOT NULL, ts_start_utc TIMESTAMP NOT NULL,
            local_date DATE NOT NULL, hh INT NOT NULL, day_type STRING NOT NULL, load_kw DOUBLE NOT NULL,
            base_kw DOUBLE NOT NULL, occupancy_kw DOUBLE NOT NULL, heating_slope_kw_per_c DOUBLE NOT NULL,
            heating_balance_point_c DOUBLE NOT NULL, smoothed_temperature_c DOUBLE NOT NULL,
            heating_schedule DOUBLE NOT NULL""");

    private static final StructType FAULTS = StructType.fromDDL("""
            building_id STRING NOT NULL, fault_id STRING NOT NULL, fault_type STRING NOT NULL,
            start_date DATE NOT NULL, end_date DATE NOT NULL, magnitude DOUBLE NOT NULL""");

    @Test
    void aShareOfPublicBuildingsGetOneToMaxFaultsNonOverlapping() {
        RegionConfig config = new RegionConfig(1000, 365, LocalDate.of(2023, 1, 1), 42L, 25);
        Dataset<Row> meters = new SyntheticRegion(spark, config).meters().cache();
        Dataset<Row> faults = SyntheticFaults.faults(config, meters).cache();
        List<Row> rows = faults.collectAsList();
        Map<String, Row> meterOf = meters.collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getAs("building_id"), r -> r));
        long publicBuildings = meterOf.values().stream()
                .filter(r -> Archetype.valueOf(r.getAs("archetype")).isPublicBuilding()).count();
        Map<String, List<Row>> byBuilding = rows.stream().collect(Collectors.groupingBy(r -> r.getString(0)));
        assertEquals(SyntheticFaults.SHARE, (double) byBuilding.size() / publicBuildings, 0.1, byBuilding.size() + " / " + publicBuildings);
        Set<String> types = new HashSet<>();
        Set<Integer> counts = new HashSet<>();
        for (Map.Entry<String, List<Row>> e : byBuilding.entrySet()) {
            Row meter = meterOf.get(e.getKey());
            assertTrue(Archetype.valueOf(meter.getAs("archetype")).isPublicBuilding());
            List<Row> list = new ArrayList<>(e.getValue());
            counts.add(list.size());
            assertTrue(list.size() >= 1 && list.size() <= SyntheticFaults.MAX_FAULTS);
            list.sort(Comparator.comparing(r -> r.getDate(3).toLocalDate()));
            LocalDate previousEnd = config.start().minusDays(1);
            for (Row f : list) {
                LocalDate start = f.getDate(3).toLocalDate();
                LocalDate end = f.getDate(4).toLocalDate();
                assertTrue(start.isAfter(previousEnd), "no overlap: " + list);
                assertTrue(!end.isBefore(start) && !end.isAfter(config.end()), f.toString());
                previousEnd = end;
                String type = f.getString(2);
                types.add(type);
                double m = f.getDouble(5);
                double base = meter.getAs("base_kw");
                switch (type) {
                    case "heating_on_holidays" -> assertTrue(m >= 0.8 && m <= 1.0, f.toString());
                    case "night_base_load_drift" -> assertTrue(m >= 0.5 && m <= 2.0, f.toString());
                    case "use_on_closed_days" -> assertTrue(m >= 0.3 && m <= 0.8, f.toString());
                    case "flat_meter" -> assertTrue(m >= 0.5 * base - 1e-3 && m <= 1.5 * base + 1e-3, f.toString());
                    case "spikes" -> assertTrue(m >= 3 && m <= 6, f.toString());
                    default -> throw new AssertionError("unknown type " + type);
                }
                assertTrue(f.getString(1).startsWith("FLT-" + e.getKey() + "-"));
            }
        }
        assertEquals(Set.copyOf(SyntheticFaults.TYPES), types);
        assertEquals(IntStream.rangeClosed(1, SyntheticFaults.MAX_FAULTS).boxed().collect(Collectors.toSet()), counts);

        assertEquals(SyntheticFixtures.sortedRows(faults),
                SyntheticFixtures.sortedRows(SyntheticFaults.faults(config, meters.repartition(5))));
        RegionConfig other = new RegionConfig(1000, 365, LocalDate.of(2023, 1, 1), 7L, 25);
        assertNotEquals(SyntheticFixtures.sortedRows(faults),
                SyntheticFixtures.sortedRows(SyntheticFaults.faults(other, meters)));
        faults.unpersist();
        meters.unpersist();
    }

    @Test
    void applyModifiesTheLoadOnlyInsideTheWindowsAsEachTypeSays() {
        // Two weeks of a school from Monday 2024-01-08: workdays, Wednesdays and weekends.
        LocalDate from = LocalDate.of(2024, 1, 8);
        String[] buildings = {"HOL", "DRIFT", "CLOSED", "FLAT", "SPIKES", "NONE"};
        List<Row> rows = new ArrayList<>();
        for (String b : buildings) {
            for (int d = 0; d < 14; d++) {
                LocalDate day = from.plusDays(d);
                int dow = day.getDayOfWeek().getValue();
                DayType type = DayType.of(dow, false, false, false);
                for (int hh = 0; hh < 48; hh++) {
                    Timestamp ts = Timestamp.from(day.atStartOfDay(java.time.ZoneId.of("Europe/Paris")).toInstant()
                            .plusSeconds(1800L * hh));
                    double schedule = Archetype.SCHOOL.heating(type)[hh];
                    rows.add(RowFactory.create(b, Archetype.SCHOOL.name(), ts, Date.valueOf(day), hh, type.name(),
                            10.0, 2.0, 15.0, 1.5, 14.0, 4.0, schedule));
                }
            }
        }
        Dataset<Row> intervals = spark.createDataFrame(rows, INTERVALS);
        Date start = Date.valueOf("2024-01-10");
        Date end = Date.valueOf("2024-01-16");
        Dataset<Row> faults = spark.createDataFrame(List.of(
                RowFactory.create("HOL", "FLT-HOL-1", "heating_on_holidays", start, end, 0.9),
                RowFactory.create("DRIFT", "FLT-DRIFT-1", "night_base_load_drift", start, end, 1.5),
                RowFactory.create("CLOSED", "FLT-CLOSED-1", "use_on_closed_days", start, end, 0.5),
                RowFactory.create("FLAT", "FLT-FLAT-1", "flat_meter", start, end, 1.234),
                RowFactory.create("SPIKES", "FLT-SPIKES-1", "spikes", start, end, 4.0)), FAULTS);
        RegionConfig config = new RegionConfig(10, 35, from, 42L, 10);
        Dataset<Row> applied = SyntheticFaults.apply(config, intervals, faults);
        assertEquals(List.of(intervals.columns()), List.of(applied.columns()));
        List<Row> out = applied.collectAsList();
        assertEquals(rows.size(), out.size());

        int spikes = 0;
        int spikeWindow = 0;
        double previousDrift = 0;
        for (Row r : out) {
            String b = r.getString(0);
            LocalDate day = r.getDate(3).toLocalDate();
            int hh = r.getInt(4);
            DayType type = DayType.valueOf(r.getString(5));
            double load = r.getDouble(6);
            boolean inWindow = !day.isBefore(start.toLocalDate()) && !day.isAfter(end.toLocalDate());
            boolean closed = type != DayType.WORKDAY && type != DayType.WEDNESDAY;
            double schedule = r.getDouble(12);
            double expected = 10.0;
            if (inWindow) {
                switch (b) {
                    case "HOL" -> expected = closed ? 10.0 + 1.5 * (14 - 4) * Math.max(0, 0.9 - schedule) : 10.0;
                    case "DRIFT" -> {
                        double progress = (day.toEpochDay() - start.toLocalDate().toEpochDay() + (hh + 0.5) / 48)
                                / 7.0;
                        expected = 10.0 + 2.0 * 1.5 * progress;
                    }
                    case "CLOSED" -> expected = closed
                            ? 10.0 + 15.0 * 0.5 * Archetype.SCHOOL.occupancy(DayType.WORKDAY)[hh] : 10.0;
                    case "FLAT" -> expected = 1.234;
                    case "SPIKES" -> {
                        spikeWindow++;
                        if (load != 10.0) {
                            spikes++;
                            expected = 40.0;
                        }
                    }
                    default -> expected = 10.0;
                }
            }
            assertEquals(expected, load, 1e-9, r.toString());
            if (b.equals("HOL") && inWindow && closed && schedule < 0.9) {
                assertTrue(load > 10.0, "heating kept on during the weekend: " + r);
            }
            if (b.equals("DRIFT") && inWindow) {
                previousDrift = Math.max(previousDrift, load);
            }
        }
        assertEquals(10.0 + 2.0 * 1.5 * (7 - 0.5 / 48) / 7, previousDrift, 1e-9, "drift ends near its magnitude");
        assertTrue(spikes >= 1 && spikes <= 20, "isolated spikes: " + spikes + " of " + spikeWindow);
    }
}
