package org.energycommons.workbench.reports.usecase.uc6;

import java.util.List;
import java.util.Map;
import org.energycommons.workbench.models.usecase.UseCase;
import org.energycommons.workbench.models.usecase.UseCaseResult;
import org.energycommons.workbench.reports.usecase.RegionDescription;
import org.energycommons.workbench.reports.usecase.UseCasePageData;

/**
 * Everything the uc6 report page shows (gas demand D+1..D+7 and cold peaks), already computed by the jobs and
 * passed through the secrecy guard: the page renders, it never computes a figure.
 *
 * @param useCase the use-case definition (question, criteria)
 * @param result the machine-readable result, as in {@code DIR/metrics/uc6.json}
 * @param tables Delta table path → version the results were computed from
 * @param region description of the data
 * @param split split name → date range (empty when not trained)
 * @param methods model name → how it predicts, in words, in each language
 * @param noiseModel the forecast-temperature error model (null when unknown)
 * @param status null when models were trained, else why not (e.g. "insufficient data: ...")
 * @param focus one area's D+1 test forecasts for the forecast-vs-actual chart (best model), or null
 * @param mapeByHorizon model name → MAPE (fraction) at D+1..D+7 on test rows
 * @param areas per-area test figures of the best model (areas that pass the secrecy guard)
 * @param alerts D+1 test days of those areas with a cold-peak alert or a demand above capacity
 * @param generatedAt ISO-8601 instant the page was generated
 */
public record Uc6PageData(UseCase useCase, UseCaseResult result, Map<String, Long> tables, RegionDescription region,
                                  Map<String, String> split, Map<String, Method> methods, NoiseModel noiseModel,
                                  String status, FocusSeries focus, Map<String, double[]> mapeByHorizon,
                                  List<AreaRow> areas, List<AlertRow> alerts, String generatedAt)
        implements UseCasePageData {

    /**
     * How a model predicts, in words.
     *
     * @param french  in French
     * @param english in English
     */
    public record Method(String french, String english) {
    }

    /**
     * The error model of the forecast temperatures: the forecast daily mean of D+k issued on D is the observed daily
     * mean of D+k plus {@code e(D,k) = sdPerDayC × (z1 + … + zk)}, each {@code z_j} a standard normal draw from a
     * hash of (seed, station, D, j), so that errors grow with the lead and are correlated within an issue day.
     *
     * @param sdPerDayC the standard deviation of one day's increment, °C
     * @param seed the seed of the draws
     * @param sdByLeadC the standard deviation of the error at D+1, D+2, …, °C
     */
    public record NoiseModel(double sdPerDayC, long seed, double[] sdByLeadC) {
    }

    /**
     * An area's daily actual and D+1 forecast over the test period.
     *
     * @param buildings gas delivery points summed in the area (least over the period)
     * @param epochMillis UTC midnight of each target day
     */
    public record FocusSeries(String areaId, long buildings, double capacityKwh, double peakThresholdKwh,
                              String model, long[] epochMillis, double[] actualKwh, double[] p10Kwh, double[] p50Kwh,
                              double[] p90Kwh) {
    }

    /**
     * D+1 test figures of the best model for one area.
     *
     * @param peakDays days above the peak threshold
     * @param peakAlerts days whose P90 exceeded the peak threshold
     * @param peakHits peak days that were announced
     * @param capacityDays days above capacity
     * @param coldPeakAlerts cold-peak alerts (D+1 P90 above the area's cold-peak level)
     * @param coldPeaks days whose actual demand exceeded the area's cold-peak level
     * @param coldPeakHits cold-peak alerts followed by such a day
     * @param communeCode the commune the area serves, for the map; null when the lake does not say
     * @param firstColdPeakAlert the first cold-peak alert's day; null when none
     * @param lastColdPeakAlert the last cold-peak alert's day; null when none
     */
    public record AreaRow(String areaId, long buildings, double capacityKwh, double peakThresholdKwh, double mapeD1,
                          long peakDays, long peakAlerts, long peakHits, long capacityDays, long coldPeakAlerts,
                          long coldPeaks, long coldPeakHits, String communeCode, String firstColdPeakAlert,
                          String lastColdPeakAlert) {
    }

    /**
     * A D+1 test day with a cold-peak alert or a real cold peak.
     *
     * @param coldPeakLevelKwh the area's cold-peak level: its capacity when a training day exceeded it, else the
     *     P95 of its training days
     * @param alert whether the D+1 P90 was above the level
     * @param coldPeak whether the demand was above the level
     */
    public record AlertRow(String areaId, String targetDate, double p90Kwh, double actualKwh, double coldPeakLevelKwh,
                           boolean alert, boolean coldPeak) {
    }
}
