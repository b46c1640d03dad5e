package org.energycommons.workbench.models.uc4;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.energycommons.workbench.datasets.SharedSparkSession;
import org.energycommons.workbench.datasets.calendar.CalendarFrames;
import org.energycommons.workbench.datasets.calendar.FrenchCalendar;
import org.junit.jupiter.api.Test;

/**
 * The uc4 feature builder on hand-made data: load at local day k and hour h is {@code 100·k + h}, so every
 * lag has an exact expected value, and truncating the data at the cut-off must not change a row.
 */
class Uc4FeaturesTest implements SharedSparkSession {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final LocalDate START = LocalDate.of(2024, 1, 8);
    private static final int DAYS = 20;
    private final SparkSession spark = spark();

    private Dataset<Row> hourly() {
        List<Row> rows = new ArrayList<>();
        for (int k = 0; k < DAYS; k++) {
            for (int h = 0; h < 24; h++) {
                ZonedDateTime local = START.plusDays(k).atTime(h, 0).atZone(PARIS);
                rows.add(RowFactory.create("PS-1", Timestamp.from(local.toInstant()), 100.0 * k + h, 12, 0.2));
            }
        }
        StructType schema = new StructType()
                .add("substation_id", DataTypes.StringType)
                .add("ts_utc", DataTypes.TimestampType)
                .add("load_kw", DataTypes.DoubleType)
                .add("n_meters", DataTypes.IntegerType)
                .add("max_meter_share", DataTypes.DoubleType);
        return spark.createDataFrame(rows, schema);
    }

    private Dataset<Row> weather() {
        List<Row> rows = new ArrayList<>();
        for (int k = -8; k < DAYS; k++) {
            for (int h = 0; h < 24; h++) {
                ZonedDateTime local = START.plusDays(k).atTime(h, 0).atZone(PARIS);
                // Observed 10 °C, forecast 5 °C: the features must read the forecast for the target day.
                rows.add(RowFactory.create("ST", Timestamp.from(local.toInstant()), 10.0, 5.0));
            }
        }
        StructType schema = new StructType()
                .add("station_id", DataTypes.StringType)
                .add("ts_utc", DataTypes.TimestampType)
                .add("temperature_c", DataTypes.DoubleType)
                .add("temperature_forecast_c", DataTypes.DoubleType);
        return spark.createDataFrame(rows, schema);
    }

    private Dataset<Row> build(Dataset<Row> hourly) {
        Dataset<Row> substations = spark.createDataFrame(List.of(RowFactory.create("PS-1", "99001", 500.0)),
                new StructType().add("substation_id", DataTypes.StringType).add("commune_code", DataTypes.StringType)
                        .add("capacity_kva", DataTypes.DoubleType));
        Dataset<Row> communes = spark.createDataFrame(List.of(RowFactory.create("99001", "ST")),
                new StructType().add("commune_code", DataTypes.StringType).add("station_id", DataTypes.StringType));
        Dataset<Row> calendar = CalendarFrames.of(spark, FrenchCalendar.standard(), START.minusDays(14),
                START.plusDays(DAYS));
        return Uc4Features.build(hourly, weather(), substations, communes, calendar);
    }

    @Test
    void lagsLevelAndWeatherHaveTheirExactValues() {
        Dataset<Row> features = build(hourly()).cache();
        // Day 8 is the first with a full week before D-1 (level = days D-8..D-2).
        assertEquals((DAYS - 8) * 24L, features.count());
        LocalDate d = START.plusDays(12);
        Row r = features.filter(col("local_date").equalTo(Date.valueOf(d)).and(col("local_hour").equalTo(15)))
                .first();
        assertEquals(100.0 * 5 + 15, r.getDouble(r.fieldIndex("lag_d7_kw")), 1e-9);
        assertEquals(100.0 * 10 + 15, r.getDouble(r.fieldIndex("lag_d2_kw")), 1e-9);
        assertEquals(100.0 * 11 + 4.5, r.getDouble(r.fieldIndex("d1_morning_kw")), 1e-9);
        assertEquals(100.0 * 10 + 11.5, r.getDouble(r.fieldIndex("d2_mean_kw")), 1e-9);
        assertEquals(100.0 * 7 + 11.5, r.getDouble(r.fieldIndex("level_kw")), 1e-9);
        assertEquals((100.0 * 12 + 15) / 711.5, r.getDouble(r.fieldIndex(Uc4Features.LABEL)), 1e-12);
        assertEquals(5.0, r.getDouble(r.fieldIndex("temperature_forecast_c")), 1e-12);
        assertEquals(13.0, r.getDouble(r.fieldIndex("heating_degree_hours")), 1e-12);
        assertEquals(-5.0, r.getDouble(r.fieldIndex("temperature_change_vs_d7_c")), 1e-12);
        assertEquals(Timestamp.from(d.minusDays(1).atTime(10, 0).atZone(PARIS).toInstant()),
                r.getTimestamp(r.fieldIndex("cutoff_utc")));
        features.unpersist();
    }

    @Test
    void aFeatureRowUsesNoReadingAfterItsCutoff() {
        LocalDate d = START.plusDays(15);
        Timestamp cutoff = Timestamp.from(d.minusDays(1).atTime(Uc4Features.ISSUE_HOUR_LOCAL, 0)
                .atZone(PARIS).toInstant());
        Dataset<Row> full = build(hourly());
        // Readings after the cut-off are replaced by absurd values, except the target hours themselves.
        Dataset<Row> tampered = hourly().withColumn("load_kw",
                org.apache.spark.sql.functions.when(col("ts_utc").geq(cutoff)
                        .and(col("ts_utc").lt(Timestamp.from(d.atStartOfDay(PARIS).toInstant()))), 1e9)
                        .otherwise(col("load_kw")));
        Dataset<Row> fromTampered = build(tampered);
        Dataset<Row> dayFull = full.filter(col("local_date").equalTo(Date.valueOf(d)));
        Dataset<Row> dayTampered = fromTampered.filter(col("local_date").equalTo(Date.valueOf(d)));
        assertEquals(24, dayFull.count());
        assertEquals(0, dayFull.exceptAll(dayTampered).count(), "features of day D changed with data after cut-off");
        // The tampering is visible to rows whose cut-off is later, so the test can fail.
        Dataset<Row> nextDayFull = full.filter(col("local_date").equalTo(Date.valueOf(d.plusDays(1))));
        Dataset<Row> nextDayTampered = fromTampered.filter(col("local_date").equalTo(Date.valueOf(d.plusDays(1))));
        assertTrue(nextDayFull.exceptAll(nextDayTampered).count() > 0);
    }
}
