package org.energycommons.workbench.models.uc2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.energycommons.workbench.datasets.SharedSparkSession;
import org.junit.jupiter.api.Test;

/**
 * The daily features on a hand-made school: Friday 7 June 2024 at a flat 2 kW with one 8 kW half-hour at
 * 12:00, Saturday 8 June a ramp of 3 + 0.1·hh kW; a dwelling's meter beside it must be left out.
 */
class Uc2FeaturesTest implements SharedSparkSession {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final LocalDate FRIDAY = LocalDate.of(2024, 6, 7);
    private final SparkSession spark = spark();

    private static Timestamp at(LocalDate day, int halfHour) {
        return Timestamp.from(day.atStartOfDay(PARIS).plusMinutes(30L * halfHour).toInstant());
    }

    private Dataset<Row> loadCurve() {
        List<Row> rows = new ArrayList<>();
        for (int hh = 0; hh < 48; hh++) {
            double friday = hh == 24 ? 8.0 : 2.0;
            double saturday = 3.0 + 0.1 * hh;
            rows.add(RowFactory.create("M1", at(FRIDAY, hh), friday / 2, 30));
            rows.add(RowFactory.create("M1", at(FRIDAY.plusDays(1), hh), saturday / 2, 30));
            rows.add(RowFactory.create("M2", at(FRIDAY, hh), 5.0, 30));
        }
        return spark.createDataFrame(rows, new StructType()
                .add("meter_id", DataTypes.StringType)
                .add("ts_utc", DataTypes.TimestampType)
                .add("kwh", DataTypes.DoubleType)
                .add("step_minutes", DataTypes.IntegerType));
    }

    @Test
    void buildsExactDailyFeatures() {
        Dataset<Row> meters = spark.createDataFrame(List.of(RowFactory.create("M1", "B1"),
                RowFactory.create("M2", "H1")), new StructType()
                .add("meter_id", DataTypes.StringType).add("building_id", DataTypes.StringType));
        Dataset<Row> buildings = spark.createDataFrame(List.of(
                RowFactory.create("B1", "C1", "education", 1975, 1500.0, "average", "electricity"),
                RowFactory.create("H1", "C1", "residential", 1990, 80.0, "average", "gas")), new StructType()
                .add("building_id", DataTypes.StringType).add("commune_code", DataTypes.StringType)
                .add("building_use", DataTypes.StringType).add("construction_year", DataTypes.IntegerType)
                .add("surface_m2", DataTypes.DoubleType).add("envelope", DataTypes.StringType)
                .add("heating_energy", DataTypes.StringType));
        Dataset<Row> communes = spark.createDataFrame(List.of(RowFactory.create("C1", "S1")), new StructType()
                .add("commune_code", DataTypes.StringType).add("station_id", DataTypes.StringType));
        List<Row> hours = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            hours.add(RowFactory.create("S1", at(FRIDAY, 2 * h), 10.0));
        }
        Dataset<Row> weather = spark.createDataFrame(hours, new StructType()
                .add("station_id", DataTypes.StringType).add("ts_utc", DataTypes.TimestampType)
                .add("temperature_c", DataTypes.DoubleType));
        Dataset<Row> calendar = spark.createDataFrame(List.of(
                RowFactory.create(Date.valueOf(FRIDAY), 5, false, false, "WORKDAY"),
                RowFactory.create(Date.valueOf(FRIDAY.plusDays(1)), 6, false, false, "SATURDAY")), new StructType()
                .add("local_date", DataTypes.DateType).add("iso_day_of_week", DataTypes.IntegerType)
                .add("is_public_holiday", DataTypes.BooleanType).add("is_school_holiday", DataTypes.BooleanType)
                .add("day_type", DataTypes.StringType));

        List<Row> rows = Uc2Features.build(loadCurve(), meters, buildings, communes, weather,
                calendar).orderBy("local_date").collectAsList();
        assertEquals(2, rows.size(), "the dwelling is not a public building");
        Row friday = rows.get(0);
        assertEquals("B1", friday.getAs("building_id"));
        assertEquals(48L, (long) friday.getAs("n_readings"));
        assertEquals(47 * 1.0 + 4.0, friday.<Double>getAs("daily_kwh"), 1e-9);
        assertEquals(2.0, friday.<Double>getAs("night_kw"), 1e-9);
        assertEquals((11 * 2.0 + 8.0) / 12, friday.<Double>getAs("day_kw"), 1e-9);
        assertEquals(4.0, friday.<Double>getAs("spike_ratio"), 1e-9);
        // Equal to the previous reading: half-hours 1..23 and 26..47 (the first has no predecessor).
        assertEquals(45.0 / 48, friday.<Double>getAs("flat_share"), 1e-9);
        assertFalse(friday.<Boolean>getAs("closed"));
        assertEquals(10.0, friday.<Double>getAs("temperature_mean_c"), 1e-9);
        assertEquals(2.0, friday.<Double>getAs("hdd_12"), 1e-9);
        assertEquals(5.0, friday.<Double>getAs("hdd_15"), 1e-9);
        assertEquals(8.0, friday.<Double>getAs("hdd_18"), 1e-9);
        assertEquals(1.0, friday.<Double>getAs("electric_heating"), 0);

        Row saturday = rows.get(1);
        assertTrue(saturday.<Boolean>getAs("closed"), "a school is closed on Saturday");
        assertEquals(3.0 + 0.1 * 5.5, saturday.<Double>getAs("night_kw"), 1e-9);
        assertEquals(3.0 + 0.1 * 25.5, saturday.<Double>getAs("day_kw"), 1e-9);
        assertEquals(0.0, saturday.<Double>getAs("flat_share"), 0);
        // The ramp's largest ratio is its last half-hour over its only neighbour.
        assertEquals(7.7 / 7.6, saturday.<Double>getAs("spike_ratio"), 1e-9);
        assertEquals((3.0 + 0.1 * 5.5) / (3.0 + 0.1 * 25.5), saturday.<Double>getAs("night_to_day_ratio"), 1e-9);
        assertTrue(saturday.isNullAt(saturday.fieldIndex("temperature_mean_c")), "no weather that day");
    }

    @Test
    void closedDaysFollowTheDeclaredOpeningCalendar() {
        Dataset<Row> days = spark.createDataFrame(List.of(
                RowFactory.create("education", "WEDNESDAY"), RowFactory.create("education", "WORKDAY_SCHOOL_HOLIDAY"),
                RowFactory.create("public_administration", "WORKDAY_SCHOOL_HOLIDAY"),
                RowFactory.create("public_administration", "SATURDAY")), new StructType()
                .add("building_use", DataTypes.StringType).add("day_type", DataTypes.StringType));
        List<Boolean> closed = days.select(Uc2Features.closedDay(
                days.col("building_use"), days.col("day_type"))).collectAsList().stream().map(r -> r.getBoolean(0))
                .toList();
        assertEquals(List.of(false, true, false, true), closed);
    }
}
