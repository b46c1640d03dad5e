package org.energycommons.workbench.reports.usecase;

import java.util.List;
import java.util.Map;
import org.energycommons.workbench.models.usecase.UseCase;
import org.energycommons.workbench.models.usecase.UseCaseResult;

/**
 * Everything the uc4 report page shows, already computed by the jobs and passed through the secrecy guard: the
 * page renders, it never computes a figure.
 *
 * @param useCase the use-case definition (question, criteria)
 * @param result the machine-readable result, as in {@code DIR/metrics/uc4.json}
 * @param tables Delta table path → version the results were computed from
 * @param region description of the data (e.g. "synthetic region, seed 42, 300 meters, 730 days")
 * @param split split name → date range
 * @param intervalMethods model name → how its P10–P90 interval is obtained
 * @param focus one substation's test-period forecast for the forecast-vs-actual chart (best model)
 * @param mapeByHour model name → 24 MAPE values by local hour on test rows
 * @param substations per-substation test metrics of the best model
 * @param generatedAt ISO-8601 instant the page was generated
 */
public record ForecastReportData(UseCase useCase, UseCaseResult result, Map<String, Long> tables, String region,
                                 Map<String, String> split, Map<String, String> intervalMethods, FocusSeries focus,
                                 Map<String, double[]> mapeByHour, List<SubstationRow> substations,
                                 String generatedAt) {

    /**
     * A substation's hourly actual and forecast over a window of the test period.
     *
     * @param epochMillis UTC instants of the hours
     */
    public record FocusSeries(String substationId, int meters, double capacityKva, String model, long[] epochMillis,
                              double[] actualKw, double[] p10Kw, double[] p50Kw, double[] p90Kw) {
    }

    /** Test metrics of the best model for one substation (published only if it passes the secrecy guard). */
    public record SubstationRow(String substationId, int meters, double capacityKva, double mape, double rmse,
                                double coverage, long congestionHours, long alertHours) {
    }
}
