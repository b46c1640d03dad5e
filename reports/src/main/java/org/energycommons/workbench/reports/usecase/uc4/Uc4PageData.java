package org.energycommons.workbench.reports.usecase.uc4;

import java.util.List;
import java.util.Map;
import org.energycommons.workbench.models.usecase.UseCase;
import org.energycommons.workbench.models.usecase.UseCaseResult;
import org.energycommons.workbench.reports.usecase.RegionDescription;
import org.energycommons.workbench.reports.usecase.UseCasePageData;

/**
 * Everything the uc4 report page shows, already computed by the jobs and passed through the secrecy guard: the
 * page renders, it never computes a figure.
 *
 * @param useCase the use-case definition (question, criteria)
 * @param result the machine-readable result, as in {@code DIR/metrics/uc4.json}
 * @param tables Delta table path → version the results were computed from
 * @param region description of the data (e.g. "synthetic region, seed 42, 300 meters, 730 days")
 * @param split split name → date range
 * @param intervalMethods model name → how its P10–P90 interval is obtained, as the model describes it (technical
 *     English); the page words the interval of the models it knows in its reader's language
 * @param focus one substation's test-period forecast for the forecast-vs-actual chart (best model)
 * @param mapeByHour model name → 24 MAPE values by local hour on test rows
 * @param substations per-substation test metrics of the best model
 * @param generatedAt ISO-8601 instant the page was generated
 * @param backtest the rolling-origin backtest, or null when it was not run
 */
public record Uc4PageData(UseCase useCase, UseCaseResult result, Map<String, Long> tables, RegionDescription region,
                                 Map<String, String> split, Map<String, String> intervalMethods, FocusSeries focus,
                                 Map<String, double[]> mapeByHour, List<SubstationRow> substations,
                                 String generatedAt, Backtest backtest) implements UseCasePageData {

    /** Page data without a backtest. */
    public Uc4PageData(UseCase useCase, UseCaseResult result, Map<String, Long> tables, RegionDescription region,
                              Map<String, String> split, Map<String, String> intervalMethods, FocusSeries focus,
                              Map<String, double[]> mapeByHour, List<SubstationRow> substations, String generatedAt) {
        this(useCase, result, tables, region, split, intervalMethods, focus, mapeByHour, substations, generatedAt,
                null);
    }

    /**
     * The rolling-origin backtest as the page shows it.
     *
     * @param validationFraction the share of the days before each origin held out to calibrate the intervals and
     *     stop boosting ({@code workbench.uc4.backtest.validation_fraction}); NaN when the run did not record it
     * @param origins one row per origin and model
     * @param leadHours the lead times (hours from issue to target hour), in order
     * @param mapeByLead model → MAPE (fraction) at each lead time of {@code leadHours}
     * @param crpsByLead model → CRPS (kW) at each lead time of {@code leadHours}
     * @param model the model of the per-substation rows
     * @param substations per-substation backtest metrics of {@code model} (only those passing the secrecy guard)
     */
    public record Backtest(double validationFraction, List<OriginRow> origins, int[] leadHours,
                           Map<String, double[]> mapeByLead, Map<String, double[]> crpsByLead, String model,
                           List<BacktestSubstation> substations) {
    }

    /**
     * Backtest metrics of one model on the days one origin forecast.
     *
     * @param forecastDays the days forecast from this origin, {@code first..last}
     */
    public record OriginRow(String origin, String forecastDays, String model, long rows, double mape, double rmse,
                            double skill, double coverage, double pinballP50, double crps) {
    }

    /** Backtest metrics of one substation over every origin. */
    public record BacktestSubstation(String substationId, int meters, double mape, double rmse, double crps,
                                     double coverage) {
    }

    /**
     * A substation's hourly actual and forecast over a window of the test period.
     *
     * @param epochMillis UTC instants of the hours
     */
    public record FocusSeries(String substationId, int meters, double capacityKva, String model, long[] epochMillis,
                              double[] actualKw, double[] p10Kw, double[] p50Kw, double[] p90Kw) {
    }

    /**
     * Test metrics of the best model for one substation (published only if it passes the secrecy guard).
     *
     * @param communeCode the commune the substation stands in, for the map
     * @param alerts      when its alerts (forecast P90 above capacity) fell; null when it had none
     */
    public record SubstationRow(String substationId, int meters, double capacityKva, double mape, double rmse,
                                double coverage, long congestionHours, long alertHours, String communeCode,
                                AlertWindow alerts) {
    }

    /**
     * When a substation's alerts fell over the test period.
     *
     * @param first       the first alert's local date
     * @param last        the last alert's local date
     * @param typicalHour the local hour (0–23) with the most alerts
     */
    public record AlertWindow(String first, String last, int typicalHour) {
    }
}
