package org.energycommons.workbench.jobs.usecase.uc4;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.mode;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.energycommons.workbench.datasets.grid.SubstationCapacity;
import org.energycommons.workbench.datasets.lake.Lake;
import org.energycommons.workbench.datasets.lake.Tables;
import org.energycommons.workbench.datasets.privacy.SecrecyGuard;
import org.energycommons.workbench.jobs.JobContext;
import org.energycommons.workbench.jobs.usecase.UseCasePipeline;
import org.energycommons.workbench.models.forecast.ForecastBreakdown;
import org.energycommons.workbench.models.forecast.ForecastColumns;
import org.energycommons.workbench.models.forecast.TimeSplit;
import org.energycommons.workbench.models.provenance.RunProvenance;
import org.energycommons.workbench.models.uc4.Uc4Tables;
import org.energycommons.workbench.models.usecase.UseCaseResult;
import org.energycommons.workbench.models.usecase.UseCases;
import org.energycommons.workbench.reports.render.Lang;
import org.energycommons.workbench.reports.usecase.RegionDescription;
import org.energycommons.workbench.reports.usecase.UseCasePage;
import org.energycommons.workbench.reports.usecase.uc4.Uc4Page;
import org.energycommons.workbench.reports.usecase.uc4.Uc4PageData;

/**
 * The data of the uc4 page: errors by hour and substation from the gold predictions, the backtest section from
 * {@code uc4.json} and the gold backtest forecasts, every aggregate passed through the {@link SecrecyGuard}.
 */
final class Uc4PageQueries {

    /** Days of the forecast-vs-actual window shown on the uc4 page. */
    static final int FOCUS_DAYS = 14;

    private Uc4PageQueries() {
    }

    /** The page's HTML: its data from the result and the gold tables, rendered. */
    static UseCasePipeline.Rendered page(JobContext ctx, UseCaseResult result, SecrecyGuard guard,
                                         RegionDescription region) {
        return UseCasePipeline.Rendered.of(pageData(ctx, result, guard, region), Uc4Page::render,
                Uc4Page::territory);
    }

    /** The index headline, from the best model's metrics. */
    static String headline(UseCaseResult result, Lang lang) {
        UseCaseResult.ModelEntry m = UseCasePage.best(result);
        return String.format(Locale.ROOT, lang.t("MAPE %.1f %%, gain face à la persistance %.0f %%",
                "MAPE %.1f %%, skill against persistence %.0f %%"), 100 * m.judged().value("mape"),
                100 * m.judged().value("skill_vs_persistence"));
    }

    /** The uc4 page's data, computed from gold tables and passed through the secrecy guard. */
    static Uc4PageData pageData(JobContext ctx, UseCaseResult result, SecrecyGuard guard,
                                RegionDescription region) {
        Lake lake = ctx.lake();
        Dataset<Row> test = lake.read(Uc4Tables.PREDICTIONS).filter(col(ForecastColumns.SPLIT).equalTo(TimeSplit.TEST));
        // Every figure below was computed at training (gold/results/uc4_metrics_breakdown): none is recomputed.
        Dataset<Row> breakdown = lake.read(Uc4Tables.BREAKDOWN);
        Map<String, double[]> mapeByHour = new LinkedHashMap<>();
        for (Row r : breakdown(breakdown, ForecastBreakdown.TEST, "local_hour")
                .select("model", "group_key", "mape").collectAsList()) {
            mapeByHour.computeIfAbsent(r.getString(0), k -> new double[24])[Integer.parseInt(r.getString(1))] =
                    r.isNullAt(2) ? Double.NaN : r.getDouble(2);
        }

        // When each substation's alerts fell, for the reading of the region: the same alert as the breakdown's.
        Dataset<Row> alertWindows = test
                .filter(col("model").equalTo(result.bestModel())
                        .and(SubstationCapacity.kva(col(ForecastColumns.P90)).gt(col(ForecastColumns.CAPACITY))))
                .groupBy(col("substation_id").as("group_key"))
                .agg(min("local_date").cast("string").as("first_alert"),
                        max("local_date").cast("string").as("last_alert"),
                        mode(col("local_hour"), true).as("alert_hour"));
        Dataset<Row> perSubstation = guard.publishable(breakdown(breakdown, ForecastBreakdown.TEST, "substation_id")
                        .filter(col("model").equalTo(result.bestModel())), "n_meters", "max_meter_share")
                .join(lake.read(Tables.SUBSTATIONS).select(col("substation_id").as("group_key"), col("commune_code")),
                        new String[] {"group_key"}, "left")
                .join(alertWindows, new String[] {"group_key"}, "left")
                .select("group_key", "n_meters", "max_meter_share", "capacity_kva", "mape", "rmse", "coverage_p10_p90",
                        "congestion_hours", "alert_hours", "peak_kw", "commune_code", "first_alert", "last_alert",
                        "alert_hour")
                .orderBy("group_key");
        List<Uc4PageData.SubstationRow> substations = new ArrayList<>();
        Row focusRow = null;
        for (Row r : perSubstation.collectAsList()) {
            substations.add(new Uc4PageData.SubstationRow(r.getString(0), r.getInt(1), r.getDouble(3),
                    r.getDouble(4), r.getDouble(5), r.getDouble(6), r.getLong(7), r.getLong(8), r.getString(10),
                    r.isNullAt(11) ? null : new Uc4PageData.AlertWindow(r.getString(11), r.getString(12),
                            r.getInt(13))));
            if (focusRow == null || r.getLong(7) > focusRow.getLong(7)
                    || (r.getLong(7) == focusRow.getLong(7) && r.getDouble(9) > focusRow.getDouble(9))) {
                focusRow = r;
            }
        }
        Uc4PageData.FocusSeries focus = focusRow == null ? null : focus(test, result.bestModel(), focusRow);

        Map<String, String> intervalMethods = new LinkedHashMap<>();
        result.models().forEach(m -> intervalMethods.put(m.name(), m.notes().getOrDefault("interval_method", "")));
        RunProvenance provenance = RunProvenance.fromMap(result.provenance());
        return new Uc4PageData(UseCases.UC4, result, provenance.inputTables(),
                region, provenance.splitSets(), intervalMethods, focus,
                mapeByHour, substations, Instant.now().toString(), backtest(ctx, result, guard));
    }

    /** The backtest section's figures: per origin from {@code uc4.json}, by lead time and substation from gold. */
    @SuppressWarnings("unchecked")
    private static Uc4PageData.Backtest backtest(JobContext ctx, UseCaseResult result, SecrecyGuard guard) {
        Map<String, Object> summary = (Map<String, Object>) result.evaluations().get(Uc4Pipeline.BACKTEST);
        if (summary == null || !ctx.lake().exists(Uc4Tables.BACKTEST) || !ctx.lake().exists(Uc4Tables.BREAKDOWN)) {
            return null;
        }
        List<Uc4PageData.OriginRow> origins = new ArrayList<>();
        Map<String, String> forecastDays = new LinkedHashMap<>();
        for (Map<String, String> o : (List<Map<String, String>>) summary.get("origins")) {
            forecastDays.put(o.get("origin"), o.get("test"));
        }
        ((Map<String, Map<String, Object>>) summary.get("models")).forEach((model, m) ->
                ((Map<String, Map<String, Object>>) m.get("by_origin")).forEach((origin, x) ->
                        origins.add(new Uc4PageData.OriginRow(origin, forecastDays.get(origin), model,
                                (long) num(x.get("rows")), num(x.get("mape")), num(x.get("rmse")),
                                num(x.get("skill_vs_persistence")), num(x.get("coverage_p10_p90")),
                                num(x.get("pinball_p50")), num(x.get("crps"))))));
        origins.sort(java.util.Comparator.comparing(Uc4PageData.OriginRow::origin));

        Dataset<Row> breakdown = ctx.lake().read(Uc4Tables.BREAKDOWN);
        java.util.TreeSet<Integer> leadSet = new java.util.TreeSet<>();
        List<Row> byLead = breakdown(breakdown, ForecastBreakdown.BACKTEST, "lead_hours")
                .select("model", "group_key", "mape", "crps").collectAsList();
        byLead.forEach(r -> leadSet.add(Integer.parseInt(r.getString(1))));
        int[] leads = leadSet.stream().mapToInt(Integer::intValue).toArray();
        List<Integer> leadIndex = new ArrayList<>(leadSet);
        Map<String, double[]> mapeByLead = new LinkedHashMap<>();
        Map<String, double[]> crpsByLead = new LinkedHashMap<>();
        for (Row r : byLead) {
            int i = leadIndex.indexOf(Integer.parseInt(r.getString(1)));
            mapeByLead.computeIfAbsent(r.getString(0), k -> filled(leads.length))[i] = r.getDouble(2);
            crpsByLead.computeIfAbsent(r.getString(0), k -> filled(leads.length))[i] = r.getDouble(3);
        }
        List<Uc4PageData.BacktestSubstation> substations = new ArrayList<>();
        for (Row r : guard.publishable(breakdown(breakdown, ForecastBreakdown.BACKTEST, "substation_id")
                        .filter(col("model").equalTo(result.bestModel())), "n_meters", "max_meter_share")
                .select("group_key", "n_meters", "max_meter_share", "mape", "rmse", "crps", "coverage_p10_p90")
                .orderBy("group_key").collectAsList()) {
            substations.add(new Uc4PageData.BacktestSubstation(r.getString(0), r.getInt(1), r.getDouble(3),
                    r.getDouble(4), r.getDouble(5), r.getDouble(6)));
        }
        return new Uc4PageData.Backtest(validationFraction(result), origins, leads, mapeByLead,
                crpsByLead, result.bestModel(), substations);
    }

    /** The backtest's held-out share of the days before each origin, as the run recorded it; NaN if it did not. */
    private static double validationFraction(UseCaseResult result) {
        Object options = result.provenance() == null ? null : result.provenance().get("backtest_options");
        Object fraction = options instanceof Map<?, ?> m ? m.get("validation_fraction") : null;
        try {
            return fraction == null ? Double.NaN : Double.parseDouble(fraction.toString());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static Dataset<Row> breakdown(Dataset<Row> breakdown, String source, String dimension) {
        return breakdown.filter(col("source").equalTo(source).and(col("dimension").equalTo(dimension)));
    }

    private static double num(Object o) {
        return o instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private static double[] filled(int n) {
        double[] v = new double[n];
        java.util.Arrays.fill(v, Double.NaN);
        return v;
    }

    private static Uc4PageData.FocusSeries focus(Dataset<Row> test, String model, Row substation) {
        String id = substation.getString(0);
        Dataset<Row> own = test.filter(col("model").equalTo(model).and(col("substation_id").equalTo(id)));
        Row peak = own.orderBy(col(ForecastColumns.ACTUAL).desc()).select("local_date").first();
        Row bounds = own.agg(min("local_date"), max("local_date")).first();
        LocalDate first = bounds.getDate(0).toLocalDate();
        LocalDate last = bounds.getDate(1).toLocalDate();
        LocalDate end = peak.getDate(0).toLocalDate().plusDays(3);
        if (end.isAfter(last)) {
            end = last;
        }
        LocalDate start = end.minusDays(FOCUS_DAYS - 1);
        if (start.isBefore(first)) {
            start = first;
        }
        List<Row> rows = own.filter(col("local_date").between(java.sql.Date.valueOf(start), java.sql.Date.valueOf(end)))
                .orderBy("ts_utc")
                .select(col("ts_utc"), col(ForecastColumns.ACTUAL), col(ForecastColumns.P10), col(ForecastColumns.P50),
                        col(ForecastColumns.P90))
                .collectAsList();
        int n = rows.size();
        long[] t = new long[n];
        double[] a = new double[n];
        double[] p10 = new double[n];
        double[] p50 = new double[n];
        double[] p90 = new double[n];
        for (int i = 0; i < n; i++) {
            Row r = rows.get(i);
            t[i] = r.getTimestamp(0).getTime();
            a[i] = r.getDouble(1);
            p10[i] = r.getDouble(2);
            p50[i] = r.getDouble(3);
            p90[i] = r.getDouble(4);
        }
        return new Uc4PageData.FocusSeries(id, substation.getInt(1), substation.getDouble(3), model, t, a, p10,
                p50, p90);
    }

}
