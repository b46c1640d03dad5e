package org.energycommons.workbench.models.uc1;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.energycommons.workbench.datasets.SharedSparkSession;
import org.energycommons.workbench.datasets.calendar.CalendarFrames;
import org.energycommons.workbench.datasets.calendar.DegreeDays;
import org.energycommons.workbench.datasets.calendar.FrenchCalendar;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The uc1 feature builder on hand-made meters whose every feature has an exact expected value: one day of each
 * season and day type of 2024 (no DST day), winter days at 8 °C (10 degree-days), summer days at 20 °C (none).
 */
class Uc1FeaturesTest implements SharedSparkSession {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Uc1Options OPTIONS = new Uc1Options(1L, 5, 18.0, 2, 4, 10, 3, 0.3, 5);
    /** season_daytype → the chosen date. */
    private static final Map<String, LocalDate> DAYS = new LinkedHashMap<>();
    private static Dataset<Row> calendar;
    private static Map<String, Row> features;

    @BeforeAll
    static void build() {
        calendar = CalendarFrames.of(SPARK, FrenchCalendar.standard(), LocalDate.of(2024, 1, 1),
                LocalDate.of(2024, 12, 31)).cache();
        for (Row r : calendar.orderBy("local_date").collectAsList()) {
            LocalDate date = r.getDate(r.fieldIndex("local_date")).toLocalDate();
            String type = switch (r.getString(r.fieldIndex("day_type"))) {
                case "SATURDAY" -> "saturday";
                case "SUNDAY_HOLIDAY" -> "sunday_holiday";
                case "WEDNESDAY" -> "wednesday";
                case "WORKDAY_SCHOOL_HOLIDAY" -> "school_holiday";
                default -> "workday";
            };
            boolean sunday = r.getInt(r.fieldIndex("iso_day_of_week")) == 7;
            if (r.getInt(r.fieldIndex("half_hours")) == 48 && (!type.equals("sunday_holiday") || sunday)) {
                DAYS.putIfAbsent(season(date) + "_" + type, date);
            }
        }
        assertEquals(10, DAYS.size(), "one day of each season and day type: " + DAYS);

        List<Row> readings = new ArrayList<>();
        for (LocalDate d : DAYS.values()) {
            for (int hh = 0; hh < 48; hh++) {
                Timestamp ts = Timestamp.from(d.atStartOfDay(PARIS).plusMinutes(30L * hh).toInstant());
                // A: flat 1 kWh with a 3 kWh peak at 19:00, every day.
                readings.add(RowFactory.create("A", ts, hh == 38 ? 3.0 : 1.0));
                // B: daily energy 10 + 2 × HDD spread evenly: 2 kWh per degree-day exactly.
                readings.add(RowFactory.create("B", ts, (10.0 + 2.0 * hdd(d)) / 48));
                // E: like A, but one reading is missing on the first day, which is then incomplete.
                if (!(d.equals(DAYS.values().iterator().next()) && hh == 10)) {
                    readings.add(RowFactory.create("E", ts, 1.0));
                }
                // F: winter days only.
                if (season(d).equals("winter")) {
                    readings.add(RowFactory.create("F", ts, 1.0));
                }
            }
        }
        // D: two complete days only.
        for (LocalDate d : DAYS.values().stream().limit(2).toList()) {
            for (int hh = 0; hh < 48; hh++) {
                readings.add(RowFactory.create("D", Timestamp.from(d.atStartOfDay(PARIS).plusMinutes(30L * hh)
                        .toInstant()), 1.0));
            }
        }
        Dataset<Row> loadCurve = SPARK.createDataFrame(readings, new StructType()
                .add("meter_id", DataTypes.StringType)
                .add("ts_utc", DataTypes.TimestampType)
                .add("kwh", DataTypes.DoubleType));
        List<Row> meterRows = new ArrayList<>();
        for (String id : List.of("A", "B", "C", "D", "E", "F")) {
            meterRows.add(RowFactory.create(id, "99001", id.equals("B") ? "RES2" : "RES1"));
        }
        Dataset<Row> meters = SPARK.createDataFrame(meterRows, new StructType()
                .add("meter_id", DataTypes.StringType)
                .add("commune_code", DataTypes.StringType)
                .add("tariff_profile", DataTypes.StringType));
        Dataset<Row> communes = SPARK.createDataFrame(List.of(RowFactory.create("99001", "ST")), new StructType()
                .add("commune_code", DataTypes.StringType)
                .add("station_id", DataTypes.StringType));
        features = new LinkedHashMap<>();
        for (Row r : Uc1Features.build(loadCurve, meters, communes, weather(), calendar, OPTIONS)
                .collectAsList()) {
            features.put(r.getString(r.fieldIndex("meter_id")), r);
        }
    }

    private static String season(LocalDate d) {
        return List.of(11, 12, 1, 2, 3).contains(d.getMonthValue()) ? "winter" : "summer";
    }

    private static double temperature(LocalDate d) {
        return season(d).equals("winter") ? 8.0 : 20.0;
    }

    private static double hdd(LocalDate d) {
        return DegreeDays.heatingDegreeDay(temperature(d), temperature(d), 18.0);
    }

    private static Dataset<Row> weather() {
        List<Row> rows = new ArrayList<>();
        for (LocalDate d : DAYS.values()) {
            for (int h = 0; h < 24; h++) {
                rows.add(RowFactory.create("ST", Timestamp.from(d.atTime(h, 0).atZone(PARIS).toInstant()),
                        temperature(d)));
            }
        }
        return SPARK.createDataFrame(rows, new StructType()
                .add("station_id", DataTypes.StringType)
                .add("ts_utc", DataTypes.TimestampType)
                .add("temperature_c", DataTypes.DoubleType));
    }

    private static double scalar(String meter, String column) {
        Row r = features.get(meter);
        return r.getDouble(r.fieldIndex(column));
    }

    @Test
    void flatMeterWithAnEveningPeak() {
        Row a = features.get("A");
        assertNull(a.get(a.fieldIndex(Uc1Features.EXCLUSION)));
        assertEquals(10L, a.getLong(a.fieldIndex("n_days")));
        assertEquals(50.0, scalar("A", "mean_daily_kwh"), 1e-9);
        for (String shape : Uc1Features.shapeColumns()) {
            double[] v = SegmentationSpace.values(a, shape);
            assertEquals(48, v.length);
            for (int hh = 0; hh < 48; hh++) {
                // Normalised by the mean half-hour 50/48: 0.96 flat, 2.88 at the peak.
                assertEquals(hh == 38 ? 2.88 : 0.96, v[hh], 1e-9, shape + " hh " + hh);
            }
        }
        assertEquals(19.0, scalar("A", "peak_hour"), 1e-12);
        assertEquals(0.96, scalar("A", "base_load_ratio"), 1e-9);
        assertEquals(1.0, scalar("A", "weekend_weekday_ratio"), 1e-9);
        assertEquals(0.0, scalar("A", "thermosensitivity_kwh_per_dd"), 1e-9);
        assertEquals(0.0, scalar("A", "heating_share_per_dd"), 1e-9);
    }

    @Test
    void heatedMeterHasItsSlopePerDegreeDay() {
        assertNull(features.get("B").get(features.get("B").fieldIndex(Uc1Features.EXCLUSION)));
        assertEquals(2.0, scalar("B", "thermosensitivity_kwh_per_dd"), 1e-9);
        assertEquals(20.0, scalar("B", "mean_daily_kwh"), 1e-9);
        assertEquals(0.1, scalar("B", "heating_share_per_dd"), 1e-9);
        assertEquals(1.0, scalar("B", "base_load_ratio"), 1e-9);
        assertEquals(1.0, scalar("B", "weekend_weekday_ratio"), 1e-9);
        assertEquals(0.0, scalar("B", "peak_hour"), 1e-12, "a flat day peaks at its first half-hour");
        for (String shape : Uc1Features.shapeColumns()) {
            double expected = shape.contains("winter") ? 1.5 : 0.5;
            for (double v : SegmentationSpace.values(features.get("B"), shape)) {
                assertEquals(expected, v, 1e-9, shape);
            }
        }
    }

    @Test
    void degreeDaysFollowTheMeteoMethod() {
        List<Row> rows = new ArrayList<>();
        LocalDate d = LocalDate.of(2024, 1, 15);
        for (int h = 0; h < 24; h++) {
            rows.add(RowFactory.create("ST", Timestamp.from(d.atTime(h, 0).atZone(PARIS).toInstant()),
                    h < 12 ? 2.0 : 10.0));
        }
        Dataset<Row> weather = SPARK.createDataFrame(rows, new StructType()
                .add("station_id", DataTypes.StringType)
                .add("ts_utc", DataTypes.TimestampType)
                .add("temperature_c", DataTypes.DoubleType));
        Row r = Uc1Features.dailyDegreeDays(weather, 18.0).first();
        assertEquals(DegreeDays.heatingDegreeDay(2.0, 10.0, 18.0), r.getDouble(r.fieldIndex("hdd")), 1e-12);
        assertEquals(12.0, r.getDouble(r.fieldIndex("hdd")), 1e-12);
    }

    @Test
    void theDaysOfTheClockChangesAverageTheRepeatedHourAndLeaveTheSkippedOneEmpty() {
        // 2024-03-31 has 46 half-hours (02:00 to 03:00 skipped), 2024-10-27 has 50 (02:00 to 03:00 twice), and
        // 2024-06-12 the usual 48; every reading a different value, so each slot shows which readings it averaged.
        List<Row> readings = new ArrayList<>();
        Map<LocalDate, Map<Integer, List<Double>>> expected = new LinkedHashMap<>();
        double kwh = 0;
        for (LocalDate d : List.of(LocalDate.of(2024, 3, 31), LocalDate.of(2024, 10, 27), LocalDate.of(2024, 6, 12))) {
            Map<Integer, List<Double>> slots = new LinkedHashMap<>();
            for (var t = d.atStartOfDay(PARIS); t.isBefore(d.plusDays(1).atStartOfDay(PARIS)); t = t.plusMinutes(30)) {
                kwh += 0.1;
                readings.add(RowFactory.create("X", Timestamp.from(t.toInstant()), kwh));
                slots.computeIfAbsent(t.getHour() * 2 + t.getMinute() / 30, k -> new ArrayList<>()).add(kwh);
            }
            expected.put(d, slots);
        }
        Dataset<Row> loadCurve = SPARK.createDataFrame(readings, new StructType()
                .add("meter_id", DataTypes.StringType)
                .add("ts_utc", DataTypes.TimestampType)
                .add("kwh", DataTypes.DoubleType)).repartition(3);
        List<Row> days = Uc1Features.completeDays(Uc1Features.localReadings(loadCurve), calendar)
                .orderBy("local_date").collectAsList();
        assertEquals(3, days.size(), "all three days are complete");
        for (Row day : days) {
            LocalDate d = day.getDate(day.fieldIndex("local_date")).toLocalDate();
            Map<Integer, List<Double>> slots = expected.get(d);
            assertEquals(slots.values().stream().mapToInt(List::size).sum(), day.getLong(day.fieldIndex("n_readings")));
            List<Double> hh = day.getList(day.fieldIndex("hh_kwh"));
            for (int i = 0; i < Uc1Features.HALF_HOURS; i++) {
                List<Double> in = slots.get(i);
                if (in == null) {
                    assertNull(hh.get(i), d + " half-hour " + i + " was skipped");
                } else {
                    double sum = in.size() == 1 ? in.get(0) : in.get(0) + in.get(1);
                    assertEquals(sum / in.size(), hh.get(i), 0.0, d + " half-hour " + i);
                }
            }
        }
        assertEquals(2, expected.get(LocalDate.of(2024, 10, 27)).get(4).size(), "the repeated hour has two readings");
        assertNull(expected.get(LocalDate.of(2024, 3, 31)).get(4), "the skipped hour has none");
    }

    @Test
    void anIncompleteDayIsNotCounted() {
        assertEquals(9L, features.get("E").getLong(features.get("E").fieldIndex("n_days")));
        String lost = DAYS.keySet().iterator().next().replace('_', ' ');
        assertEquals("no complete day of type " + lost, reason("E"), "the only day of its type was incomplete");
    }

    @Test
    void badMetersAreKeptOutWithAReason() {
        assertEquals(6, features.size(), "every meter keeps a row");
        assertEquals("no complete day of readings", reason("C"));
        assertEquals("only 2 complete days (at least 5 needed)", reason("D"));
        assertTrue(reason("F").startsWith("no complete day of type summer workday, summer wednesday"), reason("F"));
    }

    private static String reason(String meter) {
        Row r = features.get(meter);
        return r.getString(r.fieldIndex(Uc1Features.EXCLUSION));
    }
}
