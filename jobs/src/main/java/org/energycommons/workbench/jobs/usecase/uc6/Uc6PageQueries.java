package org.energycommons.workbench.jobs.usecase.uc6;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.energycommons.workbench.datasets.lake.Lake;
import org.energycommons.workbench.datasets.lake.Tables;
import org.energycommons.workbench.datasets.privacy.SecrecyGuard;
import org.energycommons.workbench.jobs.JobContext;
import org.energycommons.workbench.jobs.usecase.UseCasePipeline;
import org.energycommons.workbench.models.forecast.TimeSplit;
import org.energycommons.workbench.models.provenance.RunProvenance;
import org.energycommons.workbench.models.uc6.ForecastTemperatureNoise;
import org.energycommons.workbench.models.uc6.GasDemandPrediction;
import org.energycommons.workbench.models.uc6.Uc6Features;
import org.energycommons.workbench.models.uc6.Uc6Options;
import org.energycommons.workbench.models.uc6.Uc6Tables;
import org.energycommons.workbench.models.usecase.UseCaseResult;
import org.energycommons.workbench.models.usecase.UseCases;
import org.energycommons.workbench.reports.render.Lang;
import org.energycommons.workbench.reports.usecase.RegionDescription;
import org.energycommons.workbench.reports.usecase.UseCasePage;
import org.energycommons.workbench.reports.usecase.uc6.Uc6Page;
import org.energycommons.workbench.reports.usecase.uc6.Uc6PageData;

/** The data of the uc6 page: forecast errors by horizon and area, cold-peak alerts, passed through the guard. */
final class Uc6PageQueries {

    /** Most cold-peak alert rows listed on the page. */
    static final int MAX_ALERT_ROWS = 40;

    private Uc6PageQueries() {
    }

    /** The page's HTML: its data from the result and the gold tables, rendered. */
    static UseCasePipeline.Rendered page(JobContext ctx, UseCaseResult result, SecrecyGuard guard,
                                         RegionDescription region) {
        return UseCasePipeline.Rendered.of(pageData(ctx, result, guard, region), Uc6Page::render,
                Uc6Page::territory);
    }

    /** The index headline, from the best model's metrics. */
    static String headline(UseCaseResult result, Lang lang) {
        UseCaseResult.ModelEntry m = UseCasePage.best(result);
        return String.format(Locale.ROOT, lang.t("MAPE J+1 %.1f %%, rappel des pointes %s",
                "MAPE D+1 %.1f %%, peak recall %s"), 100 * m.judged().value("mape_d1"),
                Uc6Pipeline.format(m.judged().value("peak_recall")));
    }

    /**
     * The publishable areas: at least {@code guard.minPoints()} gas delivery points every day and no building above
     * {@code guard.maxShare()} of the area's demand on any day.
     *
     * @return {@code area_id, buildings (least daily count), largest_share (largest daily share)}
     */
    static Dataset<Row> publishableAreas(Lake lake, SecrecyGuard guard) {
        Dataset<Row> counts = lake.read(Tables.GAS_AREA_DAILY)
                .groupBy("area_id")
                .agg(min("n_buildings").as("buildings"));
        Dataset<Row> areas = lake.read(Tables.GAS_AREAS);
        if (!List.of(areas.columns()).contains("commune_code")) {
            return counts.withColumn("largest_share", lit(1.0)).filter(lit(false));
        }
        Dataset<Row> shares = lake.read(Tables.GAS_BUILDING_DAILY)
                .join(lake.read(Tables.BUILDINGS).select("building_id", "commune_code"), "building_id")
                .join(areas.select("area_id", "commune_code"), "commune_code")
                .groupBy("area_id", "local_date")
                .agg(max("gas_kwh").as("largest"), sum("gas_kwh").as("total"))
                .withColumn("share", when(col("total").gt(0), col("largest").divide(col("total"))).otherwise(0.0))
                .groupBy("area_id")
                .agg(max("share").as("largest_share"));
        return guard.publishable(counts.join(shares, "area_id"), "buildings", "largest_share");
    }

    /** Each gas area's commune, for the map; null for every area of a lake that does not say. */
    private static Dataset<Row> areaCommunes(Lake lake) {
        Dataset<Row> areas = lake.read(Tables.GAS_AREAS);
        return List.of(areas.columns()).contains("commune_code") ? areas.select("area_id", "commune_code")
                : areas.select(col("area_id"), lit(null).cast("string").as("commune_code"));
    }

    /** The uc6 page's data, from the result and the gold forecasts, passed through the secrecy guard. */
    static Uc6PageData pageData(JobContext ctx, UseCaseResult result, SecrecyGuard guard,
                                RegionDescription region) {
        Lake lake = ctx.lake();
        RunProvenance provenance = RunProvenance.fromMap(result.provenance());
        String status = provenance.detail("status");
        Map<String, Uc6PageData.Method> methods = new LinkedHashMap<>();
        // A result written before the French wording existed has only the English one.
        result.models().forEach(m -> methods.put(m.name(), new Uc6PageData.Method(
                m.notes().getOrDefault("method_fr", m.notes().getOrDefault("method", "")),
                m.notes().getOrDefault("method", ""))));
        Uc6PageData.NoiseModel noise = noiseModel(Uc6Pipeline.options(ctx));

        // Error by horizon: the metrics of training (mape_d1..mape_dH), never recomputed here.
        Map<String, double[]> mapeByHorizon = new LinkedHashMap<>();
        for (UseCaseResult.ModelEntry m : result.models()) {
            double[] v = new double[Uc6Features.HORIZONS];
            for (int h = 1; h <= v.length; h++) {
                v[h - 1] = m.judged().value("mape_d" + h);
            }
            mapeByHorizon.put(m.name(), v);
        }
        List<Uc6PageData.AreaRow> areaRows = new ArrayList<>();
        List<Uc6PageData.AlertRow> alerts = new ArrayList<>();
        Uc6PageData.FocusSeries focus = null;
        if (status == null && result.bestModel() != null && lake.exists(Uc6Tables.FORECASTS)) {
            Dataset<Row> test = lake.read(Uc6Tables.FORECASTS).filter(col("split").equalTo(TimeSplit.TEST));
            Column y = col("actual_kwh");
            Column ape = when(y.gt(0), abs(y.minus(col(GasDemandPrediction.P50))).divide(y));
            Dataset<Row> publishable = publishableAreas(lake, guard);
            Dataset<Row> dayAhead = test
                    .filter(col("model").equalTo(result.bestModel()).and(col("horizon").equalTo(1)))
                    .join(publishable.select("area_id", "buildings"), "area_id");
            Column one = lit(1L);
            Column zero = lit(0L);
            List<Row> perArea = dayAhead
                    .groupBy("area_id")
                    .agg(first("buildings").as("buildings"), first(Uc6Features.CAPACITY).as("capacity"),
                            first("peak_threshold_kwh").as("threshold"), avg(ape).as("mape_d1"),
                            sum(when(col("actual_peak"), one).otherwise(zero)).as("peak_days"),
                            sum(when(col("peak_alert"), one).otherwise(zero)).as("peak_alerts"),
                            sum(when(col("peak_alert").and(col("actual_peak")), one).otherwise(zero)).as("hits"),
                            sum(when(col("over_capacity"), one).otherwise(zero)).as("capacity_days"),
                            sum(when(col("cold_peak_alert"), one).otherwise(zero)).as("cold_peak_alerts"),
                            sum(when(col("actual_cold_peak"), one).otherwise(zero)).as("cold_peaks"),
                            sum(when(col("cold_peak_alert").and(col("actual_cold_peak")), one).otherwise(zero))
                                    .as("cold_peak_hits"),
                            min(when(col("cold_peak_alert"), col("target_date"))).cast("string").as("first_alert"),
                            max(when(col("cold_peak_alert"), col("target_date"))).cast("string").as("last_alert"))
                    .join(areaCommunes(lake), new String[] {"area_id"}, "left")
                    .orderBy("area_id")
                    .collectAsList();
            Row focusArea = null;
            for (Row r : perArea) {
                areaRows.add(new Uc6PageData.AreaRow(r.getString(0), r.getLong(1), r.getDouble(2),
                        r.isNullAt(3) ? Double.NaN : r.getDouble(3), r.isNullAt(4) ? Double.NaN : r.getDouble(4),
                        r.getLong(5), r.getLong(6), r.getLong(7), r.getLong(8), r.getLong(9), r.getLong(10),
                        r.getLong(11), r.getAs("commune_code"), r.getString(12), r.getString(13)));
                if (focusArea == null || r.getLong(5) + r.getLong(9) > focusArea.getLong(5) + focusArea.getLong(9)) {
                    focusArea = r;
                }
            }
            if (focusArea != null) {
                focus = focus(dayAhead, result.bestModel(), focusArea);
            }
            for (Row r : dayAhead.filter(col("cold_peak_alert").or(col("actual_cold_peak")))
                    .orderBy("target_date", "area_id")
                    .select(col("area_id"), col("target_date").cast("string"), col(GasDemandPrediction.P90), y,
                            col("cold_peak_level_kwh"), col("cold_peak_alert"), col("actual_cold_peak"))
                    .limit(MAX_ALERT_ROWS)
                    .collectAsList()) {
                alerts.add(new Uc6PageData.AlertRow(r.getString(0), r.getString(1), r.getDouble(2),
                        r.getDouble(3), r.getDouble(4), r.getBoolean(5), r.getBoolean(6)));
            }
        }
        return new Uc6PageData(UseCases.UC6, result, provenance.inputTables(),
                region, provenance.splitSets(), methods, noise, status, focus,
                mapeByHorizon, areaRows, alerts, Instant.now().toString());
    }

    /** The forecast-temperature error model of the run, for the page to state it in its language. */
    static Uc6PageData.NoiseModel noiseModel(Uc6Options options) {
        double[] sdByLead = new double[Uc6Features.HORIZONS];
        for (int lead = 1; lead <= sdByLead.length; lead++) {
            sdByLead[lead - 1] = ForecastTemperatureNoise.errorSd(options.forecastErrorSdC(), lead);
        }
        return new Uc6PageData.NoiseModel(options.forecastErrorSdC(), options.seed(), sdByLead);
    }

    private static Uc6PageData.FocusSeries focus(Dataset<Row> dayAhead, String model, Row area) {
        List<Row> rows = dayAhead.filter(col("area_id").equalTo(area.getString(0)))
                .orderBy("target_date")
                .select(col("target_date"), col("actual_kwh"), col(GasDemandPrediction.P10),
                        col(GasDemandPrediction.P50),
                        col(GasDemandPrediction.P90))
                .collectAsList();
        int n = rows.size();
        long[] t = new long[n];
        double[][] v = new double[4][n];
        for (int i = 0; i < n; i++) {
            Row r = rows.get(i);
            t[i] = r.getDate(0).toLocalDate().atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toEpochMilli();
            for (int k = 0; k < 4; k++) {
                v[k][i] = r.getDouble(k + 1);
            }
        }
        return new Uc6PageData.FocusSeries(area.getString(0), area.getLong(1), area.getDouble(2),
                area.isNullAt(3) ? Double.NaN : area.getDouble(3), model, t, v[0], v[1], v[2], v[3]);
    }
}
