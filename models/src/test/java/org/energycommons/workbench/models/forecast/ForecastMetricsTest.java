package org.energycommons.workbench.models.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.energycommons.workbench.models.provenance.Json;
import org.energycommons.workbench.datasets.SharedSparkSession;
import org.junit.jupiter.api.Test;

class ForecastMetricsTest implements SharedSparkSession {

    @Test
    void pinballLossesAndCrpsOnHandMadeRows() {
        StructType schema = new StructType()
                .add("local_date", DataTypes.DateType)
                .add(ForecastColumns.ACTUAL, DataTypes.DoubleType)
                .add(ForecastColumns.P10, DataTypes.DoubleType)
                .add(ForecastColumns.P50, DataTypes.DoubleType)
                .add(ForecastColumns.P90, DataTypes.DoubleType)
                .add(ForecastColumns.PERSISTENCE, DataTypes.DoubleType)
                .add(ForecastColumns.CAPACITY, DataTypes.DoubleType);
        // Row 1: actual 100 inside [90, 110], P50 95. Row 2: actual 50 below P10 = 60.
        Dataset<Row> rows = SPARK.createDataFrame(List.of(
                RowFactory.create(java.sql.Date.valueOf("2024-01-01"), 100.0, 90.0, 95.0, 110.0, 80.0, 1000.0),
                RowFactory.create(java.sql.Date.valueOf("2024-01-02"), 50.0, 60.0, 70.0, 80.0, 40.0, 1000.0)), schema);
        ForecastMetrics m = ForecastMetrics.evaluate(rows);
        // P10: 0.1 × (100 − 90) = 1; 0.9 × (60 − 50) = 9 → mean 5.
        assertEquals(5.0, m.pinballP10(), 1e-12);
        // P50: 0.5 × 5 = 2.5; 0.5 × 20 = 10 → 6.25.
        assertEquals(6.25, m.pinballP50(), 1e-12);
        // P90: 0.1 × (110 − 100) = 1; 0.1 × (80 − 50) = 3 → 2.
        assertEquals(2.0, m.pinballP90(), 1e-12);
        assertEquals(2 * (5.0 + 6.25 + 2.0) / 3, m.crps(), 1e-12);
        assertEquals(0.5, m.coverageP10P90(), 1e-12);
        assertEquals((Math.abs(100 - 95.0) + Math.abs(50 - 70.0)) / 2, 2 * m.pinballP50(), 1e-12,
                "the P50 pinball loss is half the mean absolute error");
    }

    @Test
    void theBootstrapOverDaysAppliesThePointFunctionAndStatesItsSampleSizes() {
        StructType schema = new StructType()
                .add("local_date", DataTypes.DateType)
                .add(ForecastColumns.ACTUAL, DataTypes.DoubleType)
                .add(ForecastColumns.P10, DataTypes.DoubleType)
                .add(ForecastColumns.P50, DataTypes.DoubleType)
                .add(ForecastColumns.P90, DataTypes.DoubleType)
                .add(ForecastColumns.PERSISTENCE, DataTypes.DoubleType)
                .add(ForecastColumns.CAPACITY, DataTypes.DoubleType);
        java.util.Random random = new java.util.Random(7);
        List<Row> rows = new java.util.ArrayList<>();
        for (int d = 0; d < 40; d++) {
            java.sql.Date day = java.sql.Date.valueOf(java.time.LocalDate.of(2024, 1, 1).plusDays(d));
            for (int h = 0; h < 24; h++) {
                double y = 100 + 20 * random.nextGaussian() + (d % 7 == 0 ? 60 : 0);
                rows.add(RowFactory.create(day, y, 80.0, 100.0, 120.0, 100 + 30 * random.nextGaussian(), 150.0));
            }
        }
        Dataset<Row> predictions = SPARK.createDataFrame(rows, schema);
        List<ForecastMetrics.DaySums> days = ForecastMetrics.byDay(predictions);
        assertEquals(40, days.size());
        ForecastMetrics point = ForecastMetrics.evaluate(predictions);
        // The function the bootstrap applies, on the full list of days, is the point value itself.
        assertEquals(point.estimates(), ForecastMetrics.of(days).estimates());
        assertEquals(960, point.rows());
        Map<String, org.energycommons.workbench.models.usecase.MetricInterval> intervals =
                ForecastMetrics.intervals(days, 42L);
        assertEquals(point.estimates().keySet(), intervals.keySet(), "every estimate has an interval, no count does");
        intervals.forEach((metric, i) -> {
            if (!metric.startsWith("congestion")) {
                assertEquals(40, i.n(), metric);
                assertEquals("day", i.unit(), metric);
                assertTrue(i.low() <= point.estimates().get(metric) + 1e-9
                        && point.estimates().get(metric) <= i.high() + 1e-9, metric + " " + i);
                assertTrue(i.high() > i.low(), metric + " varies across days");
            }
        });
        assertEquals(point.congestionHours(), intervals.get("congestion_recall").n());
        assertEquals("congestion_hour", intervals.get("congestion_recall").unit());
        assertEquals(point.alertHours(), intervals.get("congestion_precision").n());
        assertEquals(intervals, ForecastMetrics.intervals(days, 42L), "the same seed gives the same intervals");
    }

    @Test
    void publishedKeysAndReadingThemBack() {
        ForecastMetrics m = new ForecastMetrics(240, 0.06, 12.5, 0.31, 0.78, Double.NaN, Double.NaN, 0, 0, 3.1, 4.2,
                2.9, 6.8);
        assertEquals(List.of("mape", "rmse", "skill_vs_persistence", "coverage_p10_p90", "congestion_recall",
                "congestion_precision", "congestion_hours", "alert_hours", "pinball_p10", "pinball_p50", "pinball_p90",
                "crps", "rows"), List.copyOf(m.toMap().keySet()));
        assertEquals(240L, m.toMap().get("rows"));
        assertTrue(Double.isNaN(m.value("congestion_recall")), "no congestion hour: recall undefined");
        Map<String, Object> published = new LinkedHashMap<>();
        m.toMap().forEach((k, v) -> published.put(k, v instanceof Double d && !Double.isFinite(d) ? null : v));
        @SuppressWarnings("unchecked")
        Map<String, Object> read = Json.read(Json.write(published), Map.class);
        assertEquals(m, ForecastMetrics.fromMap(read));
        ModelMetrics bySplit = new ModelMetrics(m, m, m);
        assertEquals(List.of(TimeSplit.TEST, TimeSplit.VALIDATION, TimeSplit.TRAIN),
                List.copyOf(bySplit.evaluationSets().sets().keySet()));
        assertEquals(m, bySplit.evaluationSets().judgedMetrics());
    }
}
