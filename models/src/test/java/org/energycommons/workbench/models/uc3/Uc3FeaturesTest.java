package org.energycommons.workbench.models.uc3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.energycommons.workbench.datasets.SharedSparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The uc3 feature builders on hand-made data around the spring DST change (2024-03-31 has 23 local hours): building
 * B1 has two meters reading 0.5 and 0.25 kWh per half-hour; one half-hour of one meter is missing on 2024-04-01 at
 * 10:00 local; the station's temperature is the local hour in °C, with only 10 readings on 2024-04-02.
 */
class Uc3FeaturesTest implements SharedSparkSession {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static Map<String, Row> hours;
    private static Map<String, Row> days;

    private static Dataset<Row> frame(List<Row> rows, StructType schema) {
        return SPARK.createDataFrame(rows, schema);
    }

    @BeforeAll
    static void build() {
        List<Row> load = new ArrayList<>();
        Instant start = LocalDate.of(2024, 3, 31).atStartOfDay(PARIS).toInstant();
        Instant end = LocalDate.of(2024, 4, 3).atStartOfDay(PARIS).toInstant();
        Instant gap = LocalDate.of(2024, 4, 1).atTime(10, 0).atZone(PARIS).toInstant();
        for (Instant t = start; t.isBefore(end); t = t.plusSeconds(1800)) {
            load.add(RowFactory.create("M1", Timestamp.from(t), 0.5, 30));
            if (!t.equals(gap)) {
                load.add(RowFactory.create("M2", Timestamp.from(t), 0.25, 30));
            }
        }
        List<Row> weather = new ArrayList<>();
        for (Instant t = start; t.isBefore(end); t = t.plusSeconds(3600)) {
            int hour = t.atZone(PARIS).getHour();
            LocalDate d = t.atZone(PARIS).toLocalDate();
            if (!d.equals(LocalDate.of(2024, 4, 2)) || hour < 10) {
                weather.add(RowFactory.create("ST1", Timestamp.from(t), (double) hour));
            }
        }
        Dataset<Row> hourly = Uc3Features.hourly(
                frame(load, new StructType().add("meter_id", DataTypes.StringType).add("ts_utc", DataTypes.TimestampType)
                        .add("kwh", DataTypes.DoubleType).add("step_minutes", DataTypes.IntegerType)),
                frame(List.of(RowFactory.create("M1", "B1"), RowFactory.create("M2", "B1")),
                        new StructType().add("meter_id", DataTypes.StringType).add("building_id", DataTypes.StringType)),
                frame(List.of(RowFactory.create("B1", "C1")),
                        new StructType().add("building_id", DataTypes.StringType).add("commune_code", DataTypes.StringType)),
                frame(List.of(RowFactory.create("C1", "ST1")),
                        new StructType().add("commune_code", DataTypes.StringType).add("station_id", DataTypes.StringType)),
                frame(weather, new StructType().add("station_id", DataTypes.StringType)
                        .add("ts_utc", DataTypes.TimestampType).add("temperature_c", DataTypes.DoubleType)));
        List<Row> collected = hourly.collectAsList();
        hours = new HashMap<>();
        for (Row r : collected) {
            Instant t = r.getTimestamp(r.fieldIndex("ts_utc")).toInstant();
            hours.put(t.atZone(PARIS).toLocalDateTime().toString(), r);
        }
        days = new HashMap<>();
        for (Row r : Uc3Features.daily(frame(collected, hourly.schema())).collectAsList()) {
            days.put(r.getDate(r.fieldIndex("local_date")).toString(), r);
        }
    }

    @Test
    void hoursSumEveryMeterAndAreMissingWhenAReadingIs() {
        Map<String, Row> h = hours;
        assertEquals(23 + 24 + 24, h.size());
        Row monday8 = h.get("2024-04-01T08:00");
        assertEquals(1.5, monday8.getDouble(monday8.fieldIndex("kwh")), 1e-12);
        assertEquals(8, monday8.getInt(monday8.fieldIndex("hour_of_week")), "Monday 08h local");
        assertEquals(Date.valueOf("2024-04-01"), monday8.getDate(monday8.fieldIndex("local_date")));
        assertEquals(8.0, monday8.getDouble(monday8.fieldIndex("temperature_c")), 0);
        Row gap = h.get("2024-04-01T10:00");
        assertTrue(gap.isNullAt(gap.fieldIndex("kwh")), "a missing half-hour of one meter makes the hour missing");
        Row sunday = h.get("2024-03-31T03:00");
        assertEquals(6 * 24 + 3, sunday.getInt(sunday.fieldIndex("hour_of_week")), "Sunday 03h, after the change");
    }

    @Test
    void daysNeedEveryHourAndTwelveTemperatures() {
        Map<String, Row> d = days;
        Row dst = d.get("2024-03-31");
        assertEquals(23 * 1.5, dst.getDouble(dst.fieldIndex("kwh")), 1e-9, "a 23-hour day is complete");
        assertEquals(23L, dst.getLong(dst.fieldIndex("hours_metered")));
        // Mean of the local hours 0, 1, 3, 4, ..., 23 (02h does not exist that day).
        assertEquals((276.0 - 2) / 23, dst.getDouble(dst.fieldIndex("temperature_mean_c")), 1e-9);
        Row gap = d.get("2024-04-01");
        assertNull(gap.get(gap.fieldIndex("kwh")), "a day with a missing hour has no usage");
        assertEquals(23L, gap.getLong(gap.fieldIndex("hours_metered")));
        assertEquals(11.5, gap.getDouble(gap.fieldIndex("temperature_mean_c")), 1e-9);
        Row fewTemps = d.get("2024-04-02");
        assertEquals(36.0, fewTemps.getDouble(fewTemps.fieldIndex("kwh")), 1e-9);
        assertEquals(10L, fewTemps.getLong(fewTemps.fieldIndex("hours_temperature")));
        assertNull(fewTemps.get(fewTemps.fieldIndex("temperature_mean_c")), "10 hourly temperatures < 12");
    }
}
