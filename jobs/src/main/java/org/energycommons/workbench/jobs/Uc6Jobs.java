package org.energycommons.workbench.jobs;

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
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.energycommons.workbench.datasets.lake.Lake;
import org.energycommons.workbench.datasets.lake.TableId;
import org.energycommons.workbench.datasets.privacy.SecrecyGuard;
import org.energycommons.workbench.datasets.lake.Tables;
import org.energycommons.workbench.datasets.synthetic.RegionConfig;
import org.energycommons.workbench.models.forecast.TimeSplit;
import org.energycommons.workbench.models.provenance.BuildInfo;
import org.energycommons.workbench.models.registry.ModelRegistry;
import org.energycommons.workbench.models.uc6.ForecastTemperatureNoise;
import org.energycommons.workbench.models.uc6.GasDemandFeatures;
import org.energycommons.workbench.models.uc6.GasDemandForecasting;
import org.energycommons.workbench.models.uc6.GasDemandModel;
import org.energycommons.workbench.models.uc6.GasDemandPrediction;
import org.energycommons.workbench.models.uc6.GasForecastMetrics;
import org.energycommons.workbench.models.uc6.Uc6Options;
import org.energycommons.workbench.models.usecase.UseCase;
import org.energycommons.workbench.models.usecase.UseCaseResult;
import org.energycommons.workbench.models.usecase.UseCases;
import org.energycommons.workbench.reports.usecase.GasDemandReport;
import org.energycommons.workbench.reports.usecase.GasDemandReportData;

/** The uc6 job steps: gas demand features from silver, then training, evaluation, registry and results. */
public final class Uc6Jobs {

    /** Most cold-peak alert rows listed on the page. */
    public static final int MAX_ALERT_ROWS = 40;

    /** Tables the uc6 models depend on, recorded with their versions. */
    public static final List<TableId> INPUTS = List.of(Tables.UC6_FEATURES, Tables.GAS_AREA_DAILY, Tables.GAS_AREAS,
            Tables.WEATHER_HOURLY, Tables.CALENDAR);

    private Uc6Jobs() {
    }

    /** The use case. */
    public static UseCase useCase() {
        return UseCases.require(GasDemandForecasting.USE_CASE);
    }

    /** The options of this workspace: {@code workbench.uc6.*} with the region's seed as default seed. */
    public static Uc6Options options(JobContext ctx) {
        RegionConfig region = GenerateJob.regionOf(ctx);
        return Uc6Options.of(ctx.config(), region == null ? 42L : region.seed());
    }

    /** Builds the point-in-time feature table; returns its rows. */
    public static long features(JobContext ctx) {
        Lake lake = ctx.lake();
        Uc6Options options = options(ctx);
        ctx.progress().step("features uc6: daily temperatures, effective temperature and forecast paths D+1..D+"
                + GasDemandFeatures.HORIZONS + " (error σ " + options.forecastErrorSdC() + " °C × √lead)");
        lake.replace(Tables.UC6_FEATURES, GasDemandFeatures.build(lake.read(Tables.GAS_AREA_DAILY),
                lake.read(Tables.GAS_AREAS), lake.read(Tables.WEATHER_HOURLY), lake.read(Tables.CALENDAR), options),
                ctx.runId());
        long rows = lake.read(Tables.UC6_FEATURES).count();
        long areas = lake.read(Tables.GAS_AREAS).count();
        ctx.progress().info(String.format("%,d uc6 feature rows (%d gas areas × issue days × horizons)", rows, areas));
        return rows;
    }

    /** Trains, evaluates, registers and writes results; returns the result written to {@code uc6.json}. */
    public static UseCaseResult train(JobContext ctx) {
        Lake lake = ctx.lake();
        UseCase useCase = useCase();
        Map<String, Long> inputs = lake.versions(INPUTS);
        RegionConfig region = GenerateJob.regionOf(ctx);
        Uc6Options options = options(ctx);

        ctx.progress().step("train uc6: degree-day baseline, convex degree-day curves and boosted trees");
        GasDemandForecasting.Outcome outcome = GasDemandForecasting.run(lake.read(Tables.UC6_FEATURES), inputs,
                options, ctx.progress()::info);

        List<UseCaseResult.ModelEntry> entries = new ArrayList<>();
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("run_id", ctx.runId());
        provenance.put("git_commit", BuildInfo.gitCommit());
        provenance.put("libraries", BuildInfo.libraries());
        provenance.put("input_tables", inputs);
        if (outcome.trained()) {
            ctx.progress().step("train uc6: saving models, forecasts and registry");
            List<Row> registry = new ArrayList<>();
            for (GasDemandModel model : outcome.models()) {
                String name = model.provenance().name();
                String dir = ctx.workspace().models(GasDemandForecasting.USE_CASE) + "/" + model.provenance().modelId();
                ctx.files().delete(dir);
                model.save(dir, ctx.files());
                Map<String, Map<String, Object>> m = outcome.metrics().get(name);
                registry.add(ModelRegistry.row(model.provenance(), m, dir));
                entries.add(new UseCaseResult.ModelEntry(name, model.provenance().engine(),
                        model.provenance().modelId(), m.get(TimeSplit.TEST), m.get(TimeSplit.VALIDATION),
                        m.get(TimeSplit.TRAIN), Map.of("method", model.method(), "interval_method",
                        "P10/P90 = P50 × exp(10 % / 90 % quantiles of log(actual/P50)) on validation rows, per horizon",
                        "artifact", dir)));
            }
            lake.replace(Tables.UC6_FORECASTS, outcome.predictions(), ctx.runId());
            lake.merge(Tables.MODEL_REGISTRY, ModelRegistry.rows(ctx.spark(), registry), ModelRegistry.KEY,
                    ctx.runId());
            provenance.put("output_tables", lake.versions(List.of(Tables.UC6_FORECASTS, Tables.MODEL_REGISTRY)));
            provenance.put("split", outcome.split().describe());
            provenance.put("peak_thresholds_kwh", outcome.peakThresholds());
        } else {
            ctx.progress().info("uc6: " + outcome.status());
            provenance.put("status", outcome.status());
        }
        provenance.put("options", options.toMap());
        provenance.put("forecast_temperature_noise", noiseModel(options));
        provenance.put("data", region == null ? "lake at " + ctx.workspace().lake()
                : "synthetic region " + region.toProperties());
        provenance.put("selection", "best model = lowest validation MAPE averaged over D+1..D+7");
        provenance.put("peak_definition", "peak day = demand above the area's P95 of training-period daily demand; "
                + "peak announced when the D+1 P90 forecast exceeds it; cold-peak alert = P90 above capacity");
        UseCaseResult result = new UseCaseResult(useCase.id(), useCase.title(), outcome.bestModel(), entries,
                UseCaseResult.check(useCase, outcome.bestModel(), entries), provenance);
        Uc4Jobs.writeMetrics(ctx, useCase.id(), result.toJson());
        if (outcome.trained()) {
            Map<String, Object> best = outcome.metrics().get(outcome.bestModel()).get(TimeSplit.TEST);
            ctx.progress().info(String.format("best model %s on test: MAPE D+1 %.1f %%, D+7 %.1f %%, peak recall %s, "
                            + "skill vs degree-day %.1f %%; criteria met: %d/%d", outcome.bestModel(),
                    100 * GasForecastMetrics.value(best, "mape_d1"), 100 * GasForecastMetrics.value(best, "mape_d7"),
                    format(GasForecastMetrics.value(best, "peak_recall")),
                    100 * GasForecastMetrics.value(best, "skill_vs_degree_day"),
                    result.criteria().stream().filter(c -> c.met()).count(), result.criteria().size()));
        }
        return result;
    }

    private static String format(double v) {
        return Double.isNaN(v) ? "n/a" : String.format("%.2f", v);
    }

    /** The forecast-temperature noise model, in words, for provenance and the report. */
    public static String noiseModel(Uc6Options options) {
        return String.format(java.util.Locale.ROOT, "forecast daily mean of D+k issued on D = observed daily mean of "
                        + "D+k + e(D,k), e(D,k) = %.2f °C × (z1 + ... + zk), z_j standard normal from a hash of "
                        + "(seed %d, station, D, j): σ = %.2f °C at D+1, %.2f °C at D+3, %.2f °C at D+7",
                options.forecastErrorSdC(), options.seed(),
                ForecastTemperatureNoise.errorSd(options.forecastErrorSdC(), 1),
                ForecastTemperatureNoise.errorSd(options.forecastErrorSdC(), 3),
                ForecastTemperatureNoise.errorSd(options.forecastErrorSdC(), GasDemandFeatures.HORIZONS));
    }

    /** Renders {@code DIR/site/uc6.html}; returns the index headline. */
    public static String publish(JobContext ctx, UseCaseResult result, SecrecyGuard guard) {
        PublishJob.write(ctx.workspace().site().resolve("uc6.html"), GasDemandReport.render(reportData(ctx, result,
                guard)));
        if (result.bestModel() == null) {
            Object status = result.provenance().get("status");
            return status == null ? "no model trained" : status.toString();
        }
        return result.models().stream().filter(m -> m.name().equals(result.bestModel())).findFirst()
                .map(m -> String.format("%s: MAPE J+1 %.1f %%, rappel des pointes %s", m.name(),
                        100 * GasForecastMetrics.value(m.metrics(), "mape_d1"),
                        format(GasForecastMetrics.value(m.metrics(), "peak_recall"))))
                .orElse(null);
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

    /** The uc6 page's data, computed from the gold forecasts and passed through the secrecy guard. */
    @SuppressWarnings("unchecked")
    static GasDemandReportData reportData(JobContext ctx, UseCaseResult result, SecrecyGuard guard) {
        Lake lake = ctx.lake();
        Map<String, Object> provenance = result.provenance();
        String status = provenance.get("status") == null ? null : provenance.get("status").toString();
        Map<String, Long> versions = new LinkedHashMap<>();
        ((Map<String, Number>) provenance.getOrDefault("input_tables", Map.of()))
                .forEach((k, v) -> versions.put(k, v.longValue()));
        Map<String, String> split = (Map<String, String>) provenance.getOrDefault("split", Map.of());
        Map<String, String> methods = new LinkedHashMap<>();
        result.models().forEach(m -> methods.put(m.name(), m.notes().getOrDefault("method", "")));
        RegionConfig region = GenerateJob.regionOf(ctx);
        String regionText = region == null ? "données ingérées dans " + ctx.workspace().lake()
                : String.format("région synthétique · synthetic region: %d compteurs, %d jours depuis le %s, graine %d",
                        region.meters(), region.days(), region.start(), region.seed());
        String noise = noiseModel(options(ctx));

        Map<String, double[]> mapeByHorizon = new LinkedHashMap<>();
        List<GasDemandReportData.AreaRow> areaRows = new ArrayList<>();
        List<GasDemandReportData.AlertRow> alerts = new ArrayList<>();
        GasDemandReportData.FocusSeries focus = null;
        if (status == null && result.bestModel() != null && lake.exists(Tables.UC6_FORECASTS)) {
            Dataset<Row> test = lake.read(Tables.UC6_FORECASTS).filter(col("split").equalTo(TimeSplit.TEST));
            Column y = col("actual_kwh");
            Column ape = when(y.gt(0), abs(y.minus(col(GasDemandPrediction.P50))).divide(y));
            for (Row r : test.groupBy("model", "horizon").agg(avg(ape)).orderBy("model", "horizon").collectAsList()) {
                double[] v = mapeByHorizon.computeIfAbsent(r.getString(0), k -> {
                    double[] empty = new double[GasDemandFeatures.HORIZONS];
                    java.util.Arrays.fill(empty, Double.NaN);
                    return empty;
                });
                int h = r.getInt(1);
                if (h >= 1 && h <= v.length && !r.isNullAt(2)) {
                    v[h - 1] = r.getDouble(2);
                }
            }
            Dataset<Row> publishable = publishableAreas(lake, guard);
            Dataset<Row> dayAhead = test
                    .filter(col("model").equalTo(result.bestModel()).and(col("horizon").equalTo(1)))
                    .join(publishable.select("area_id", "buildings"), "area_id");
            Column one = lit(1L);
            Column zero = lit(0L);
            List<Row> perArea = dayAhead
                    .groupBy("area_id")
                    .agg(first("buildings").as("buildings"), first(GasDemandFeatures.CAPACITY).as("capacity"),
                            first("peak_threshold_kwh").as("threshold"), avg(ape).as("mape_d1"),
                            sum(when(col("actual_peak"), one).otherwise(zero)).as("peak_days"),
                            sum(when(col("peak_alert"), one).otherwise(zero)).as("peak_alerts"),
                            sum(when(col("peak_alert").and(col("actual_peak")), one).otherwise(zero)).as("hits"),
                            sum(when(col("over_capacity"), one).otherwise(zero)).as("capacity_days"),
                            sum(when(col("cold_peak_alert"), one).otherwise(zero)).as("capacity_alerts"))
                    .orderBy("area_id")
                    .collectAsList();
            Row focusArea = null;
            for (Row r : perArea) {
                areaRows.add(new GasDemandReportData.AreaRow(r.getString(0), r.getLong(1), r.getDouble(2),
                        r.isNullAt(3) ? Double.NaN : r.getDouble(3), r.isNullAt(4) ? Double.NaN : r.getDouble(4),
                        r.getLong(5), r.getLong(6), r.getLong(7), r.getLong(8), r.getLong(9)));
                if (focusArea == null || r.getLong(5) + r.getLong(9) > focusArea.getLong(5) + focusArea.getLong(9)) {
                    focusArea = r;
                }
            }
            if (focusArea != null) {
                focus = focus(dayAhead, result.bestModel(), focusArea);
            }
            for (Row r : dayAhead.filter(col("cold_peak_alert").or(col("over_capacity")))
                    .orderBy("target_date", "area_id")
                    .select(col("area_id"), col("target_date").cast("string"), col(GasDemandPrediction.P90), y,
                            col(GasDemandFeatures.CAPACITY), col("cold_peak_alert"), col("over_capacity"))
                    .limit(MAX_ALERT_ROWS)
                    .collectAsList()) {
                alerts.add(new GasDemandReportData.AlertRow(r.getString(0), r.getString(1), r.getDouble(2),
                        r.getDouble(3), r.getDouble(4), r.getBoolean(5), r.getBoolean(6)));
            }
        }
        return new GasDemandReportData(useCase(), result, versions, regionText, split, methods, noise, status, focus,
                mapeByHorizon, areaRows, alerts, Instant.now().toString());
    }

    private static GasDemandReportData.FocusSeries focus(Dataset<Row> dayAhead, String model, Row area) {
        List<Row> rows = dayAhead.filter(col("area_id").equalTo(area.getString(0)))
                .orderBy("target_date")
                .select(col("target_date"), col("actual_kwh"), col(GasDemandPrediction.P10), col(GasDemandPrediction.P50),
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
        return new GasDemandReportData.FocusSeries(area.getString(0), area.getLong(1), area.getDouble(2),
                area.isNullAt(3) ? Double.NaN : area.getDouble(3), model, t, v[0], v[1], v[2], v[3]);
    }
}
