package org.energycommons.workbench.models.uc6;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntToDoubleFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.energycommons.workbench.datasets.SharedSparkSession;
import org.junit.jupiter.api.Test;

class Uc6FeaturesTest implements SharedSparkSession {

    private static final LocalDate START = LocalDate.of(2024, 1, 1);
    private static final double ALPHA = 0.5;
    private final SparkSession spark = spark();

    /** α = 0.5, base 18 °C, no forecast error. */
    private static Uc6Options options(double sd) {
        Uc6Options d = Uc6Options.defaults(42L);
        return new Uc6Options(42L, ALPHA, 18.0, sd, d.trainFraction(), d.validationFraction(), d.minTrainingDays(),
                d.gbtTrees(), d.gbtDepth(), d.gbtMaxNodes(), d.gbtShrinkage(), d.gbtSubsample());
    }

    @Test
    void effectiveTemperatureAndDegreeDaysFollowTheRecursionExactly() {
        // Seven days at 10 °C, then three at 4 °C; α = 0.5: Te = 10 … 10, 7, 5.5, 4.75.
        TreeMap<Long, Double> byDay = new TreeMap<>();
        for (int d = 0; d < 10; d++) {
            byDay.put(START.toEpochDay() + d, d < 7 ? 10.0 : 4.0);
        }
        List<Row> rows = Uc6Features.stationPaths("S", byDay, ALPHA, 18.0, 0.0, 42L);
        assertEquals(3 + 2 + 1, rows.size(), "issues on days 6, 7, 8 with the targets up to day 9");
        Map<String, Row> byKey = new TreeMap<>();
        for (Row r : rows) {
            byKey.put(r.getDate(1).toLocalDate() + "+" + r.getInt(2), r);
        }
        Row d6h1 = byKey.get(START.plusDays(6) + "+1");
        assertEquals(10.0, d6h1.getDouble(4), 1e-12, "observed mean of the issue day");
        assertEquals(10.0, d6h1.getDouble(5), 1e-12, "effective temperature of the issue day");
        assertEquals(4.0, d6h1.getDouble(6), 1e-12, "forecast mean of the target (no error)");
        assertEquals(10.0, d6h1.getDouble(7), 1e-12, "day before the target: the observed issue day");
        assertEquals(7.0, d6h1.getDouble(8), 1e-12, "Te = 0.5·4 + 0.5·10");
        assertEquals(11.0, d6h1.getDouble(9), 1e-12, "18 − 7");
        assertEquals(14.0, d6h1.getDouble(10), 1e-12, "18 − 4");
        assertEquals(10.0, d6h1.getDouble(11), 1e-12, "Te of the day before the target: the observed one of D");
        Row d6h3 = byKey.get(START.plusDays(6) + "+3");
        assertEquals(4.75, d6h3.getDouble(8), 1e-12, "Te along the forecast path: 7 → 5.5 → 4.75");
        assertEquals(13.25, d6h3.getDouble(9), 1e-12);
        assertEquals(4.0, d6h3.getDouble(7), 1e-12, "day before the target: its forecast");
        assertEquals(5.5, d6h3.getDouble(11), 1e-12, "Te of the day before the target along the forecast path");
        Row d7h2 = byKey.get(START.plusDays(7) + "+2");
        assertEquals(7.0, d7h2.getDouble(5), 1e-12, "observed Te of day 7");
        assertEquals(4.75, d7h2.getDouble(8), 1e-12);

        // With a forecast error, the forecast is the observed mean plus the keyed error.
        List<Row> noisy = Uc6Features.stationPaths("S", byDay, ALPHA, 18.0, 0.8, 42L);
        Row n = noisy.stream().filter(r -> r.getDate(1).toLocalDate().equals(START.plusDays(6)) && r.getInt(2) == 3)
                .findFirst().orElseThrow();
        double[] e = ForecastTemperatureNoise.errors(42L, 0.8, "S", START.plusDays(6), 3);
        assertEquals(4.0 + e[2], n.getDouble(6), 1e-12);
        assertEquals(4.0 + e[1], n.getDouble(7), 1e-12);
        double te = 10.0;
        for (double err : e) {
            te = ALPHA * (4.0 + err) + (1 - ALPHA) * te;
        }
        assertEquals(te, n.getDouble(8), 1e-12);
    }

    @Test
    void aFeatureRowHasTheExactValuesOfItsHandMadeInputs() {
        Row row = row(build(12, d -> d < 8 ? 10.0 : 4.0, d -> 1000 + 10.0 * d, options(0)), 7, 2);
        assertEquals("GA-1|2024-01-08|2", row.getAs("row_id"));
        assertEquals(Date.valueOf("2024-01-10"), row.getAs("target_date"));
        assertEquals(1070 / 2000.0, (double) row.getAs("demand_d0_ratio"), 1e-12);
        assertEquals(1060 / 2000.0, (double) row.getAs("demand_d1_ratio"), 1e-12);
        assertEquals(1040 / 2000.0, (double) row.getAs("demand_7d_ratio"), 1e-12, "mean of days 1..7");
        assertEquals(10.0, (double) row.getAs("t_obs_issue_c"), 1e-9);
        assertEquals(10.0, (double) row.getAs("te_obs_issue_c"), 1e-9);
        assertEquals(4.0, (double) row.getAs("t_fc_c"), 1e-9);
        assertEquals(5.5, (double) row.getAs("te_fc_c"), 1e-9);
        assertEquals(7.0, (double) row.getAs("te_fc_prev_c"), 1e-9, "Te of D+1 = 0.5·4 + 0.5·10");
        assertEquals(12.5, (double) row.getAs("hdd_te_fc"), 1e-9);
        assertEquals(14.0, (double) row.getAs("hdd_t_fc"), 1e-9);
        assertEquals(3, (int) row.getAs("iso_day_of_week"), "2024-01-10 is a Wednesday");
        assertEquals(1090.0, (double) row.getAs(Uc6Features.LABEL), 1e-12);
        assertEquals(0.545, (double) row.getAs(Uc6Features.LOAD_FACTOR), 1e-12);
        assertEquals(2000.0, (double) row.getAs(Uc6Features.CAPACITY), 0.0);
    }

    @Test
    void dataAfterTheIssueDayDoesNotChangeTheFeatureRow() {
        int issue = 7;
        int horizon = 2;
        Uc6Options options = options(0.8);
        Row base = row(build(14, d -> 5.0 + d % 3, d -> 1000 + 10.0 * d, options), issue, horizon);
        // Gas after D and weather after D+h changed: not one feature may move.
        Row changed = row(build(14, d -> d > issue + horizon ? -15.0 : 5.0 + d % 3,
                d -> d > issue ? 9999.0 : 1000 + 10.0 * d, options), issue, horizon);
        for (String f : Uc6Features.FEATURES) {
            assertEquals((double) ((Number) base.getAs(f)).doubleValue(), ((Number) changed.getAs(f)).doubleValue(),
                    0.0, f);
        }
        assertNotEquals((double) base.getAs(Uc6Features.LABEL), (double) changed.getAs(Uc6Features.LABEL),
                "the label is the demand of D+h");
        // Weather of D+1..D+h only moves the forecast temperatures (a forecast is truth plus error).
        Row forecastDays = row(build(14, d -> d > issue ? 5.0 + d % 3 - 6.0 : 5.0 + d % 3, d -> 1000 + 10.0 * d,
                options), issue, horizon);
        for (String f : List.of("demand_d0_ratio", "demand_d1_ratio", "demand_7d_ratio", "t_obs_issue_c",
                "te_obs_issue_c")) {
            assertEquals((double) base.getAs(f), (double) forecastDays.getAs(f), 0.0, f);
        }
        assertEquals((double) base.getAs("t_fc_c") - 6.0, (double) forecastDays.getAs("t_fc_c"), 1e-9);
    }

    @Test
    void tooLittleHistoryGivesNoRowsAndAreasWithoutStationAreRefused() {
        assertEquals(0, build(6, d -> 5.0, d -> 1000.0, options(0)).count(),
                "six days: no issue day has a week of history and a later day");
        Dataset<Row> areas = spark.createDataFrame(List.of(RowFactory.create("GA-1", 2000.0)), new StructType()
                .add("area_id", DataTypes.StringType).add("capacity_kwh_per_day", DataTypes.DoubleType));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Uc6Features.build(
                gas(10, d -> 1.0), areas, weather(10, d -> 1.0), calendar(10), options(0)));
        assertTrue(e.getMessage().contains("station_id"), e.getMessage());
    }

    private Dataset<Row> build(int days, IntToDoubleFunction temperature, IntToDoubleFunction demand,
                               Uc6Options options) {
        Dataset<Row> areas = spark.createDataFrame(List.of(RowFactory.create("GA-1", "ST01", 2000.0)),
                new StructType().add("area_id", DataTypes.StringType).add("station_id", DataTypes.StringType)
                        .add("capacity_kwh_per_day", DataTypes.DoubleType));
        return Uc6Features.build(gas(days, demand), areas, weather(days, temperature), calendar(days), options);
    }

    private static Row row(Dataset<Row> features, int issueDay, int horizon) {
        List<Row> rows = features
                .filter(col("issue_date").equalTo(Date.valueOf(START.plusDays(issueDay)))
                        .and(col("horizon").equalTo(horizon)))
                .collectAsList();
        assertEquals(1, rows.size());
        return rows.get(0);
    }

    private Dataset<Row> gas(int days, IntToDoubleFunction demand) {
        List<Row> rows = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            rows.add(RowFactory.create("GA-1", Date.valueOf(START.plusDays(d)), demand.applyAsDouble(d), 12L));
        }
        return spark.createDataFrame(rows, new StructType().add("area_id", DataTypes.StringType)
                .add("local_date", DataTypes.DateType).add("gas_kwh", DataTypes.DoubleType)
                .add("n_buildings", DataTypes.LongType));
    }

    /** 24 hours of each local (Paris) day at the day's temperature. */
    private Dataset<Row> weather(int days, IntToDoubleFunction temperature) {
        List<Row> rows = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            var midnight = START.plusDays(d).atStartOfDay(ZoneId.of("Europe/Paris"));
            for (int h = 0; h < 24; h++) {
                double t = temperature.applyAsDouble(d);
                rows.add(RowFactory.create("ST01", Timestamp.from(midnight.plusHours(h).toInstant()), t, t));
            }
        }
        return spark.createDataFrame(rows, new StructType().add("station_id", DataTypes.StringType)
                .add("ts_utc", DataTypes.TimestampType).add("temperature_c", DataTypes.DoubleType)
                .add("temperature_forecast_c", DataTypes.DoubleType));
    }

    private Dataset<Row> calendar(int days) {
        List<Row> rows = new ArrayList<>();
        for (int d = 0; d < days + 7; d++) {
            LocalDate day = START.plusDays(d);
            rows.add(RowFactory.create(Date.valueOf(day), day.getDayOfWeek().getValue(), day.getDayOfYear() == 1,
                    false));
        }
        return spark.createDataFrame(rows, new StructType().add("local_date", DataTypes.DateType)
                .add("iso_day_of_week", DataTypes.IntegerType).add("is_public_holiday", DataTypes.BooleanType)
                .add("is_school_holiday", DataTypes.BooleanType));
    }
}
