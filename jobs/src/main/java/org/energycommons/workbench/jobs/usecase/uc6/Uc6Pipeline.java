package org.energycommons.workbench.jobs.usecase.uc6;

import java.util.List;
import java.util.Map;
import org.energycommons.workbench.datasets.lake.Lake;
import org.energycommons.workbench.datasets.lake.TableId;
import org.energycommons.workbench.datasets.lake.Tables;
import org.energycommons.workbench.jobs.JobContext;
import org.energycommons.workbench.jobs.usecase.Predictor;
import org.energycommons.workbench.datasets.lake.LakeFiles;
import org.energycommons.workbench.jobs.usecase.UseCasePipeline;
import org.energycommons.workbench.models.provenance.RunProvenance;
import org.energycommons.workbench.models.uc6.ForecastTemperatureNoise;
import org.energycommons.workbench.models.uc6.GasDemandModel;
import org.energycommons.workbench.models.uc6.Uc6Features;
import org.energycommons.workbench.models.uc6.Uc6Metrics;
import org.energycommons.workbench.models.uc6.Uc6Options;
import org.energycommons.workbench.models.uc6.Uc6Run;
import org.energycommons.workbench.models.uc6.Uc6Tables;
import org.energycommons.workbench.models.usecase.UseCaseMetrics;
import org.energycommons.workbench.models.usecase.UseCaseResult;
import org.energycommons.workbench.models.usecase.UseCases;

/**
 * uc6, gas demand D+1..D+7 per network area and cold peaks: daily gas features from silver, then the degree-day
 * baseline, the convex degree-day curves and boosted trees, evaluated on a time split; the page is built by
 * {@link Uc6PageQueries}.
 */
public final class Uc6Pipeline extends UseCasePipeline {

    /** Tables the uc6 models depend on, recorded with their versions. */
    public static final List<TableId> INPUTS = List.of(Uc6Tables.FEATURES, Tables.GAS_AREA_DAILY, Tables.GAS_AREAS,
            Tables.WEATHER_HOURLY, Tables.CALENDAR);

    /** The uc6 pipeline. */
    public Uc6Pipeline() {
        super(UseCases.UC6, Uc6Tables.DESCRIPTIONS, Uc6Metrics::fromMap, Uc6PageQueries::page,
                Uc6OpenData::datasets,
                Uc6Entities::entities,
                Uc6PageQueries::headline);
    }

    /** The options of this workspace: {@code workbench.uc6.*} with the region's seed as default seed. */
    static Uc6Options options(JobContext ctx) {
        return Uc6Options.of(ctx.config(), seed(ctx));
    }

    @Override
    public Predictor predictor(String dir, LakeFiles files) {
        return Uc6Predictor.load(dir, files);
    }

    @Override
    public long features(JobContext ctx) {
        Lake lake = ctx.lake();
        Uc6Options options = options(ctx);
        ctx.progress().step("features uc6: daily temperatures, effective temperature and forecast paths D+1..D+"
                + Uc6Features.HORIZONS + " (error σ " + options.forecastErrorSdC() + " °C × √lead)");
        lake.replace(Uc6Tables.FEATURES, Uc6Features.build(lake.read(Tables.GAS_AREA_DAILY),
                lake.read(Tables.GAS_AREAS), lake.read(Tables.WEATHER_HOURLY), lake.read(Tables.CALENDAR), options),
                ctx.runId());
        long rows = lake.read(Uc6Tables.FEATURES).count();
        long areas = lake.read(Tables.GAS_AREAS).count();
        ctx.progress().info(String.format("%,d uc6 feature rows (%d gas areas × issue days × horizons)", rows, areas));
        return rows;
    }

    @Override
    protected UseCaseResult run(JobContext ctx) {
        Lake lake = ctx.lake();
        Uc6Options options = options(ctx);
        RunProvenance.Builder provenance = provenance(ctx, INPUTS, options,
                "best model = lowest validation MAPE at D+1");

        ctx.progress().step("train uc6: degree-day baseline, convex degree-day curves and boosted trees");
        Uc6Run.Outcome outcome = Uc6Run.run(lake.read(Uc6Tables.FEATURES),
                provenance.inputTables(), options, ctx.progress()::info);

        List<UseCaseResult.ModelEntry> entries = List.of();
        if (outcome.trained()) {
            ctx.progress().step("train uc6: saving models, forecasts and registry");
            // Every model's forecasts go to gold with the registry: the page and the alerts read them there.
            entries = saveAndRegister(ctx, outcome.models(), outcome.evaluation(), model -> Map.of(
                    "method", ((GasDemandModel) model).method().english(),
                    "method_fr", ((GasDemandModel) model).method().french(),
                    "interval_method", "P10/P90 = P50 × exp(10 % / 90 % quantiles of log(actual/P50)) on validation "
                            + "rows, per horizon"));
            lake.replace(Uc6Tables.FORECASTS, outcome.predictions(), ctx.runId());
            provenance.outputs(outputs(ctx, List.of(Uc6Tables.FORECASTS, Tables.MODEL_REGISTRY)))
                    .split(outcome.split().describe())
                    .detail("peak_thresholds_kwh", outcome.peakThresholds())
                    .detail("cold_peak_levels_kwh", outcome.coldPeakLevels());
        } else {
            ctx.progress().info("uc6: " + outcome.status());
            provenance.detail("status", outcome.status());
        }
        provenance.detail("forecast_temperature_noise", noiseModel(options))
                .detail("peak_definition", "peak day = demand above the area's P95 of training-period daily demand; "
                        + "peak announced when the D+1 P90 forecast exceeds it; cold peak = demand above the area's capacity "
                        + "where training days exceeded it, else above its peak threshold; cold-peak alert = D+1 P90 "
                        + "above that level, scored against the cold peaks");
        UseCaseResult result = result(outcome.bestModel(), entries, provenance.build());
        if (outcome.trained()) {
            UseCaseMetrics best = outcome.evaluation().get(outcome.bestModel()).judgedMetrics();
            ctx.progress().info(String.format("best model %s on test: MAPE D+1 %.1f %%, D+7 %.1f %%, peak recall %s, "
                            + "cold-peak alerts: recall %s, precision %s on %d cold peaks, skill vs degree-day %.1f %%",
                    outcome.bestModel(), 100 * best.value("mape_d1"), 100 * best.value("mape_d7"),
                    format(best.value("peak_recall")), format(best.value("cold_peak_recall")),
                    format(best.value("cold_peak_precision")), (long) best.value("cold_peak_days"),
                    100 * best.value("skill_vs_degree_day")));
        }
        return result;
    }

    static String format(double v) {
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
                ForecastTemperatureNoise.errorSd(options.forecastErrorSdC(), Uc6Features.HORIZONS));
    }
}
