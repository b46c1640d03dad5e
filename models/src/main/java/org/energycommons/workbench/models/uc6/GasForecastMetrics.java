package org.energycommons.workbench.models.uc6;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.energycommons.workbench.models.provenance.Json;

/**
 * Accuracy and alert metrics of uc6 forecasts on a set of rows, under the names of {@code uc6.json}:
 * <ul>
 *   <li>{@code mape_d1} … {@code mape_d7}: mean absolute percentage error of P50 at each horizon (fraction);
 *       {@code mape}: over all horizons; {@code rmse_kwh}: root mean squared error over all horizons;</li>
 *   <li>{@code peak_recall}, {@code peak_precision}: on D+1 forecasts, a peak day is an area-day whose demand
 *       exceeds the area's peak threshold (the P95 of its training-period demand) and a peak is announced when
 *       the P90 forecast exceeds that threshold; {@code peak_recall_d1_d7} pools the seven horizons;</li>
 *   <li>{@code capacity_recall}, {@code capacity_precision}: on D+1 forecasts, demand above the area's capacity
 *       against the cold-peak alert (P90 above capacity), with their counts;</li>
 *   <li>{@code coverage_p10_p90}: share of actuals inside [P10, P90] (nominal 0.8).</li>
 * </ul>
 * A ratio with an empty denominator is null (undefined, {@code NaN} through {@link #value}): e.g. a test period
 * without peak days.
 */
public final class GasForecastMetrics {

    private GasForecastMetrics() {
    }

    /**
     * Evaluates forecasts.
     *
     * @param rows the rows with their actual demand
     * @param p10 P10 per row
     * @param p50 P50 per row
     * @param p90 P90 per row
     * @param peakThresholds area id → peak threshold, kWh/day (an area without one has no peak days)
     * @param horizons number of horizons (7)
     * @return metric name → value (double, or long for counts)
     */
    public static Map<String, Object> evaluate(List<GasRow> rows, double[] p10, double[] p50, double[] p90,
                                               Map<String, Double> peakThresholds, int horizons) {
        double[] apeSum = new double[horizons + 1];
        long[] apeCount = new long[horizons + 1];
        double sqSum = 0;
        long scored = 0;
        long covered = 0;
        long[] peak = new long[4];
        long[] peakAll = new long[4];
        long[] capacity = new long[4];
        for (int i = 0; i < rows.size(); i++) {
            GasRow r = rows.get(i);
            double y = r.actualKwh();
            if (!Double.isFinite(y) || !Double.isFinite(p50[i])) {
                continue;
            }
            scored++;
            sqSum += (y - p50[i]) * (y - p50[i]);
            if (y >= p10[i] && y <= p90[i]) {
                covered++;
            }
            int h = r.horizon();
            if (y > 0 && h >= 1 && h <= horizons) {
                apeSum[h] += Math.abs(y - p50[i]) / y;
                apeCount[h]++;
                apeSum[0] += Math.abs(y - p50[i]) / y;
                apeCount[0]++;
            }
            Double threshold = peakThresholds.get(r.areaId());
            if (threshold != null) {
                count(peakAll, y > threshold, p90[i] > threshold);
                if (h == 1) {
                    count(peak, y > threshold, p90[i] > threshold);
                }
            }
            if (h == 1) {
                count(capacity, y > r.capacityKwh(), p90[i] > r.capacityKwh());
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        for (int h = 1; h <= horizons; h++) {
            m.put("mape_d" + h, ratio(apeSum[h], apeCount[h]));
        }
        m.put("mape", ratio(apeSum[0], apeCount[0]));
        m.put("rmse_kwh", scored == 0 ? null : Json.finiteOrNull(Math.sqrt(sqSum / scored)));
        m.put("coverage_p10_p90", ratio(covered, scored));
        m.put("peak_recall", ratio(peak[0], peak[0] + peak[1]));
        m.put("peak_precision", ratio(peak[0], peak[0] + peak[2]));
        m.put("peak_days", peak[0] + peak[1]);
        m.put("peak_alerts", peak[0] + peak[2]);
        m.put("peak_recall_d1_d7", ratio(peakAll[0], peakAll[0] + peakAll[1]));
        m.put("peak_precision_d1_d7", ratio(peakAll[0], peakAll[0] + peakAll[2]));
        m.put("capacity_recall", ratio(capacity[0], capacity[0] + capacity[1]));
        m.put("capacity_precision", ratio(capacity[0], capacity[0] + capacity[2]));
        m.put("capacity_exceedance_days", capacity[0] + capacity[1]);
        m.put("capacity_alert_days", capacity[0] + capacity[2]);
        m.put("rows", scored);
        return m;
    }

    /** Counts hits [0], misses [1], false alarms [2], correct quiet days [3]. */
    private static void count(long[] c, boolean event, boolean alert) {
        c[event ? (alert ? 0 : 1) : (alert ? 2 : 3)]++;
    }

    /** A ratio for JSON: an empty denominator (undefined metric) gives null. */
    private static Double ratio(double num, double den) {
        return den == 0 ? null : Json.finiteOrNull(num / den);
    }

    /** A metric of a metrics map as a double; missing or null gives {@code NaN}. */
    public static double value(Map<String, Object> metrics, String name) {
        Object v = metrics == null ? null : metrics.get(name);
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
