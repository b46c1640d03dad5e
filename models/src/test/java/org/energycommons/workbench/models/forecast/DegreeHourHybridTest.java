package org.energycommons.workbench.models.forecast;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.energycommons.workbench.datasets.SharedSparkSession;
import org.energycommons.workbench.datasets.lake.LakeFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hybrid (degree-hour part, trees on its residual) against plain trees on a winter colder than any trained. */
class DegreeHourHybridTest implements SharedSparkSession {

    private static final List<String> FEATURES = List.of("local_hour", "heating_degree_hours");

    @Test
    void aColdSpellBelowAnyTrainingTemperatureStillMovesTheHybridForecast(@TempDir Path dir) {
        Random random = new Random(3);
        List<Row> train = new ArrayList<>();
        List<Row> cold = new ArrayList<>();
        LocalDate start = LocalDate.of(2023, 1, 1);
        for (int d = 0; d < 240; d++) {
            // Training days from 0 °C to 24 °C; the held-out cold spell from -12 °C to -6 °C.
            boolean spell = d >= 200;
            double dayMean = spell ? -12 + 6 * random.nextDouble() : 24 * random.nextDouble();
            for (int h = 0; h < 24; h++) {
                double t = dayMean + 3 * Math.sin((h - 9) * Math.PI / 12);
                double hdh = Math.max(0, 18 - t);
                double ratio = 0.6 + 0.2 * Math.sin(h * Math.PI / 12) + 0.03 * hdh;
                double load = 100 * ratio * (1 + 0.03 * random.nextGaussian());
                Row r = RowFactory.create(start.plusDays(d).toString() + "@" + h, java.sql.Date.valueOf(start.plusDays(d)),
                        h, hdh, ratio * (1 + 0.05 * random.nextGaussian()), 100.0, load, load / 100,
                        100 * ratio * (1 + 0.1 * random.nextGaussian()), 1000.0);
                (spell ? cold : train).add(r);
            }
        }
        StructType schema = StructType.fromDDL("row_id STRING, local_date DATE, local_hour INT, "
                + "heating_degree_hours DOUBLE, lag_d7_ratio DOUBLE, level_kw DOUBLE, load_kw DOUBLE, "
                + "target_ratio DOUBLE, lag_d7_kw DOUBLE, capacity_kva DOUBLE");
        Dataset<Row> trainRows = SPARK.createDataFrame(train, schema);
        Dataset<Row> coldRows = SPARK.createDataFrame(cold, schema);
        TimeSplit split = new TimeSplit(start, start.plusDays(150), start.plusDays(200), start.plusDays(239));
        TrainingContext ctx = new TrainingContext("uc4", Map.of(), split, FEATURES, "target_ratio", "n=4800;x",
                train.size());
        ForecastOptions options = new ForecastOptions(5L, 10, 3, 0.2, 60, 4, 16, 0.15, 0.8);

        ForecastMetrics hybrid = ForecastMetrics.evaluate(
                XgboostQuantileForecaster.fit(trainRows, ctx, options, true).predict(coldRows));
        ForecastMetrics trees = ForecastMetrics.evaluate(
                XgboostQuantileForecaster.fit(trainRows, ctx, options, false).predict(coldRows));
        // Plain trees stay at their 0 °C leaf: every cold-spell hour is above their P90.
        assertTrue(trees.coverageP10P90() < 0.2, "plain trees: " + trees);
        assertTrue(trees.mape() > 0.10, "plain trees: " + trees);
        assertTrue(hybrid.coverageP10P90() > 0.6, "hybrid: " + hybrid);
        assertTrue(hybrid.mape() < 0.05, "hybrid: " + hybrid);
        assertTrue(hybrid.rmse() < trees.rmse() / 3, "hybrid " + hybrid.rmse() + " vs trees " + trees.rmse());

        // The degree-hour part is saved with the trees and loaded back.
        XgboostQuantileForecaster fitted = XgboostQuantileForecaster.fit(trainRows, ctx, options, true);
        LakeFiles files = new LakeFiles(SPARK);
        fitted.save(dir.toString(), files);
        LoadForecaster loaded = ForecasterStore.load(dir.toString(), files);
        Dataset<Row> a = fitted.predict(coldRows).orderBy("row_id");
        Dataset<Row> b = loaded.predict(coldRows).orderBy("row_id");
        List<Row> ra = a.select(col(ForecastColumns.P50)).collectAsList();
        List<Row> rb = b.select(col(ForecastColumns.P50)).collectAsList();
        for (int i = 0; i < ra.size(); i++) {
            assertEquals(ra.get(i).getDouble(0), rb.get(i).getDouble(0), 1e-9);
        }
    }
}
