package org.energycommons.workbench.jobs.usecase.uc4;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.energycommons.workbench.datasets.grid.SubstationLoad;
import org.energycommons.workbench.datasets.lake.Lake;
import org.energycommons.workbench.datasets.lake.TableId;
import org.energycommons.workbench.datasets.lake.Tables;
import org.energycommons.workbench.jobs.JobContext;
import org.energycommons.workbench.jobs.usecase.Predictor;
import org.energycommons.workbench.datasets.lake.LakeFiles;
import org.energycommons.workbench.jobs.usecase.UseCasePipeline;
import org.energycommons.workbench.models.forecast.ForecastBreakdown;
import org.energycommons.workbench.models.forecast.ForecastColumns;
import org.energycommons.workbench.models.forecast.ForecastMetrics;
import org.energycommons.workbench.models.forecast.ForecastOptions;
import org.energycommons.workbench.models.forecast.LoadForecaster;
import org.energycommons.workbench.models.forecast.TimeSplit;
import org.energycommons.workbench.models.provenance.RunProvenance;
import org.energycommons.workbench.models.uc4.BacktestOptions;
import org.energycommons.workbench.models.uc4.RollingOriginBacktest;
import org.energycommons.workbench.models.uc4.Uc4Features;
import org.energycommons.workbench.models.uc4.Uc4Run;
import org.energycommons.workbench.models.uc4.Uc4Tables;
import org.energycommons.workbench.models.usecase.EvaluationSets;
import org.energycommons.workbench.models.usecase.UseCaseResult;
import org.energycommons.workbench.models.usecase.UseCases;

/**
 * uc4, day-ahead substation load forecasting and congestion risk: hourly substation load and point-in-time
 * features from silver, then forecasters on a time split and a rolling-origin backtest; the page is built by
 * {@link Uc4PageQueries}.
 */
public final class Uc4Pipeline extends UseCasePipeline {

    /** Name of the rolling-origin backtest in {@code uc4.json}'s evaluations. */
    public static final String BACKTEST = "rolling_origin_backtest";

    /** Tables the uc4 models depend on, recorded with their versions. */
    public static final List<TableId> INPUTS = List.of(Uc4Tables.FEATURES, Uc4Tables.SUBSTATION_LOAD_HOURLY,
            Tables.LOAD_CURVE, Tables.METERS, Tables.SUBSTATIONS, Tables.WEATHER_HOURLY, Tables.CALENDAR);

    /** The uc4 pipeline. */
    public Uc4Pipeline() {
        super(UseCases.UC4, Uc4Tables.DESCRIPTIONS, ForecastMetrics::fromMap, Uc4PageQueries::page,
                Uc4OpenData::datasets,
                Uc4Entities::entities,
                Uc4PageQueries::headline);
    }

    @Override
    public Predictor predictor(String dir, LakeFiles files) {
        return Uc4Predictor.load(dir, files);
    }

    @Override
    public long features(JobContext ctx) {
        Lake lake = ctx.lake();
        ctx.progress().step("features uc4: hourly substation load from the load curves");
        lake.replace(Uc4Tables.SUBSTATION_LOAD_HOURLY,
                SubstationLoad.hourly(lake.read(Tables.LOAD_CURVE), lake.read(Tables.METERS)), ctx.runId());
        ctx.progress().step("features uc4: point-in-time feature table (issued D-1 "
                + Uc4Features.ISSUE_HOUR_LOCAL + ":00 local)");
        lake.replace(Uc4Tables.FEATURES, Uc4Features.build(
                lake.read(Uc4Tables.SUBSTATION_LOAD_HOURLY), lake.read(Tables.WEATHER_HOURLY),
                lake.read(Tables.SUBSTATIONS), lake.read(Tables.COMMUNES), lake.read(Tables.CALENDAR)), ctx.runId());
        long hours = lake.read(Uc4Tables.SUBSTATION_LOAD_HOURLY).count();
        long rows = lake.read(Uc4Tables.FEATURES).count();
        ctx.progress().info(String.format("%,d feature rows from %,d substation-hours (%,d hours lack a week of "
                + "history or a forecast and are not forecast)", rows, hours, hours - rows));
        return rows;
    }

    @Override
    protected UseCaseResult run(JobContext ctx) {
        Lake lake = ctx.lake();
        ForecastOptions options = ForecastOptions.of(ctx.config(), seed(ctx));
        BacktestOptions backtestOptions = BacktestOptions.of(ctx.config());
        RunProvenance.Builder provenance = provenance(ctx, INPUTS, options,
                "best model = lowest validation RMSE among learned models");

        ctx.progress().step("train uc4: fitting models");
        Uc4Run.Outcome outcome = Uc4Run.run(lake.read(Uc4Tables.FEATURES),
                provenance.inputTables(), options, ctx.progress()::info);

        ctx.progress().step("train uc4: saving models, predictions, metrics and registry");
        Map<String, EvaluationSets> metrics = new LinkedHashMap<>();
        outcome.metrics().forEach((name, m) -> metrics.put(name, m.evaluationSets()));
        List<UseCaseResult.ModelEntry> entries = saveAndRegister(ctx, outcome.models(), metrics,
                model -> Map.of("interval_method", ((LoadForecaster) model).intervalMethod() + "; "
                        + Uc4Run.CONFORMAL.describe()));
        lake.replace(Uc4Tables.PREDICTIONS, outcome.predictions(), ctx.runId());
        lake.replace(Uc4Tables.METRICS, metricsTable(ctx, outcome), ctx.runId());
        outcome.predictions().unpersist();

        Map<String, Object> backtest = backtestOptions.origins() == 0 ? null
                : backtest(ctx, outcome, options, backtestOptions, provenance.inputTables());
        // The metrics by hour, substation and lead time are computed here, once: the page reads them from gold.
        lake.replace(Uc4Tables.BREAKDOWN, breakdown(ctx, backtest != null), ctx.runId());

        provenance.outputs(outputs(ctx, List.of(Uc4Tables.PREDICTIONS, Uc4Tables.METRICS, Uc4Tables.BACKTEST,
                        Uc4Tables.BREAKDOWN, Tables.MODEL_REGISTRY)))
                .split(outcome.split().describe())
                .detail("backtest_options", backtestOptions.toMap());
        UseCaseResult result = result(outcome.bestModel(), entries, provenance.build());
        if (backtest != null) {
            result = result.withEvaluation(BACKTEST, backtest);
        }
        ForecastMetrics best = outcome.metrics().get(outcome.bestModel()).test();
        ctx.progress().info(String.format("best model %s on test: MAPE %.1f %%, skill vs persistence %.1f %%, "
                        + "P10-P90 coverage %.1f %%, congestion recall %s", outcome.bestModel(), 100 * best.mape(),
                100 * best.skillVsPersistence(), 100 * best.coverageP10P90(),
                Double.isNaN(best.congestionRecall()) ? "n/a" : String.format("%.2f", best.congestionRecall())));
        return result;
    }

    /** Runs the rolling-origin backtest, writes its forecasts and returns its summary for {@code uc4.json}. */
    private static Map<String, Object> backtest(JobContext ctx, Uc4Run.Outcome outcome,
                                                ForecastOptions options, BacktestOptions backtestOptions,
                                                Map<String, Long> inputs) {
        ctx.progress().step("train uc4: rolling-origin backtest over " + backtestOptions.origins() + " origins");
        RollingOriginBacktest.Outcome bt = RollingOriginBacktest.run(ctx.lake().read(Uc4Tables.FEATURES),
                outcome.split(), RollingOriginBacktest.typesFor(outcome.bestModel()), inputs, options,
                backtestOptions, ctx.progress()::info);
        ctx.lake().replace(Uc4Tables.BACKTEST, bt.forecasts().orderBy("origin", "model", "substation_id", "ts_utc"),
                ctx.runId());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("method", "rolling origin: at each origin every model is refitted on all days before it (the last "
                + Math.round(100 * backtestOptions.validationFraction()) + " % held out to calibrate intervals and stop "
                + "boosting) and issues the day-ahead forecast of each day up to the next origin; bands "
                + Uc4Run.CONFORMAL.describe() + " from the held-out days on; overall_intervals are 90 % bootstrap "
                + "intervals over target days");
        List<Map<String, String>> origins = new ArrayList<>();
        for (RollingOriginBacktest.Origin o : bt.origins()) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("origin", o.origin().toString());
            m.putAll(o.split().describe());
            origins.add(m);
        }
        summary.put("origins", origins);
        Map<String, Object> models = new LinkedHashMap<>();
        bt.overall().forEach((model, metrics) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("overall", metrics.toMap());
            Map<String, Object> intervals = new LinkedHashMap<>();
            bt.overallIntervals().get(model).forEach((metric, interval) -> intervals.put(metric, interval.toMap()));
            m.put("overall_intervals", intervals);
            Map<String, Object> perOrigin = new LinkedHashMap<>();
            bt.byOrigin().get(model).forEach((origin, om) -> perOrigin.put(origin.toString(), om.toMap()));
            m.put("by_origin", perOrigin);
            models.put(model, m);
        });
        summary.put("models", models);
        summary.put("output_table", Uc4Tables.BACKTEST.relativePath() + "@" + ctx.lake().version(Uc4Tables.BACKTEST));
        ForecastMetrics best = bt.overall().get(outcome.bestModel());
        if (best != null) {
            ctx.progress().info(String.format("backtest of %s over %d origins: MAPE %.1f %%, skill %.1f %%, CRPS %.2f kW, "
                    + "P10-P90 coverage %.1f %%", outcome.bestModel(), bt.origins().size(), 100 * best.mape(),
                    100 * best.skillVsPersistence(), best.crps(), 100 * best.coverageP10P90()));
        }
        bt.forecasts().unpersist();
        return summary;
    }

    /** Every model's metrics by hour of the day and substation on test, by lead time and substation in the backtest. */
    private static Dataset<Row> breakdown(JobContext ctx, boolean withBacktest) {
        Dataset<Row> test = ctx.lake().read(Uc4Tables.PREDICTIONS)
                .filter(col(ForecastColumns.SPLIT).equalTo(TimeSplit.TEST));
        Dataset<Row> all = ForecastBreakdown.of(test, ForecastBreakdown.TEST, "local_hour")
                .unionByName(ForecastBreakdown.of(test, ForecastBreakdown.TEST, "substation_id"));
        if (withBacktest) {
            Dataset<Row> backtest = ctx.lake().read(Uc4Tables.BACKTEST);
            all = all.unionByName(ForecastBreakdown.of(backtest, ForecastBreakdown.BACKTEST, "lead_hours"))
                    .unionByName(ForecastBreakdown.of(backtest, ForecastBreakdown.BACKTEST, "substation_id"));
        }
        return all;
    }

    private static Dataset<Row> metricsTable(JobContext ctx, Uc4Run.Outcome outcome) {
        List<Row> rows = new ArrayList<>();
        for (LoadForecaster model : outcome.models()) {
            String name = model.provenance().name();
            outcome.metrics().get(name).toMap().forEach((split, metrics) -> metrics.forEach((metric, value) ->
                    rows.add(RowFactory.create(model.provenance().modelId(), name, split, metric,
                            value instanceof Number n && Double.isFinite(n.doubleValue()) ? n.doubleValue() : null))));
        }
        StructType schema = StructType.fromDDL("""
                model_id STRING NOT NULL, model STRING NOT NULL, split STRING NOT NULL, metric STRING NOT NULL,
                value DOUBLE""");
        return ctx.spark().createDataFrame(rows, schema).orderBy(col("model"), col("split"), col("metric"))
                .withColumn("use_case", lit(UseCases.UC4.id()));
    }
}
