package org.energycommons.workbench.models.uc6;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.energycommons.workbench.models.usecase.MetricMap;
import org.energycommons.workbench.models.usecase.UseCaseMetrics;

/**
 * Accuracy and alert metrics of one uc6 model's forecasts on one split, as published in {@code uc6.json}. A ratio
 * with an empty denominator is NaN (undefined, null in the JSON): e.g. a test period without peak days.
 *
 * <p>A peak day is an area-day whose demand exceeds the area's peak threshold (the P95 of its training-period
 * demand); a peak is announced when the P90 forecast exceeds that threshold. The capacity alert is the P90 above
 * the area's capacity.
 *
 * @param mapeByHorizon mean absolute percentage error of P50 at D+1, D+2, … (fraction; {@code mape_d1}…)
 * @param mape mean absolute percentage error of P50 over all horizons
 * @param rmseKwh root mean squared error of P50 over all horizons, kWh/day
 * @param coverageP10P90 share of actuals inside [P10, P90] (nominal 0.8)
 * @param peakRecall share of D+1 peak days announced
 * @param peakPrecision share of D+1 announced peaks that were peak days
 * @param peakDays D+1 peak days
 * @param peakAlerts D+1 announced peaks
 * @param peakRecallD1D7 peak recall pooled over every horizon
 * @param peakPrecisionD1D7 peak precision pooled over every horizon
 * @param capacityRecall share of D+1 days above capacity that were alerted
 * @param capacityPrecision share of D+1 capacity alerts that were above capacity
 * @param capacityExceedanceDays D+1 days above capacity
 * @param capacityAlertDays D+1 capacity alerts
 * @param rows rows scored (actual and P50 known)
 * @param skillVsDegreeDay 1 − RMSE / RMSE of the degree-day baseline on the same split (NaN until compared)
 */
public record Uc6Metrics(List<Double> mapeByHorizon, double mape, double rmseKwh, double coverageP10P90,
                         double peakRecall, double peakPrecision, long peakDays, long peakAlerts,
                         double peakRecallD1D7, double peakPrecisionD1D7, double capacityRecall,
                         double capacityPrecision, long capacityExceedanceDays, long capacityAlertDays, long rows,
                         double skillVsDegreeDay) implements UseCaseMetrics {

    public Uc6Metrics {
        mapeByHorizon = List.copyOf(mapeByHorizon);
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
     * @return the metrics, with the skill against the degree-day baseline undefined (see
     *     {@link #withSkillAgainst})
     */
    public static Uc6Metrics evaluate(List<GasRow> rows, double[] p10, double[] p50, double[] p90,
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
        List<Double> byHorizon = new ArrayList<>();
        for (int h = 1; h <= horizons; h++) {
            byHorizon.add(ratio(apeSum[h], apeCount[h]));
        }
        return new Uc6Metrics(byHorizon, ratio(apeSum[0], apeCount[0]),
                scored == 0 ? Double.NaN : Math.sqrt(sqSum / scored), ratio(covered, scored),
                ratio(peak[0], peak[0] + peak[1]), ratio(peak[0], peak[0] + peak[2]), peak[0] + peak[1],
                peak[0] + peak[2], ratio(peakAll[0], peakAll[0] + peakAll[1]),
                ratio(peakAll[0], peakAll[0] + peakAll[2]), ratio(capacity[0], capacity[0] + capacity[1]),
                ratio(capacity[0], capacity[0] + capacity[2]), capacity[0] + capacity[1], capacity[0] + capacity[2],
                scored, Double.NaN);
    }

    /** Counts hits [0], misses [1], false alarms [2], correct quiet days [3]. */
    private static void count(long[] c, boolean event, boolean alert) {
        c[event ? (alert ? 0 : 1) : (alert ? 2 : 3)]++;
    }

    /** A ratio; an empty denominator (undefined metric) gives NaN. */
    private static double ratio(double num, double den) {
        return den == 0 ? Double.NaN : num / den;
    }

    /** These metrics with the skill against the degree-day baseline's metrics on the same split. */
    public Uc6Metrics withSkillAgainst(Uc6Metrics degreeDay) {
        return new Uc6Metrics(mapeByHorizon, mape, rmseKwh, coverageP10P90, peakRecall, peakPrecision, peakDays,
                peakAlerts, peakRecallD1D7, peakPrecisionD1D7, capacityRecall, capacityPrecision,
                capacityExceedanceDays, capacityAlertDays, rows, 1 - rmseKwh / degreeDay.rmseKwh());
    }

    /** The MAPE at horizon D+{@code h} (1-based); NaN beyond the horizons evaluated. */
    public double mapeAt(int h) {
        return h >= 1 && h <= mapeByHorizon.size() ? mapeByHorizon.get(h - 1) : Double.NaN;
    }

    /** The mean of the per-horizon MAPE over every horizon (the selection criterion); NaN if any is undefined. */
    public double meanMape() {
        double sum = 0;
        for (double m : mapeByHorizon) {
            sum += m;
        }
        return sum / mapeByHorizon.size();
    }

    /** The published names after the per-horizon {@code mape_d1}, {@code mape_d2}, …, in publication order. */
    public static final List<String> KEYS = List.of("mape", "rmse_kwh", "coverage_p10_p90", "peak_recall",
            "peak_precision", "peak_days", "peak_alerts", "peak_recall_d1_d7", "peak_precision_d1_d7",
            "capacity_recall", "capacity_precision", "capacity_exceedance_days", "capacity_alert_days", "rows",
            "skill_vs_degree_day");

    @Override
    public Map<String, Object> toMap() {
        MetricMap m = MetricMap.writing();
        for (int h = 1; h <= mapeByHorizon.size(); h++) {
            m.put("mape_d" + h, mapeByHorizon.get(h - 1));
        }
        return m.put(KEYS, mape, rmseKwh, coverageP10P90, peakRecall, peakPrecision, peakDays, peakAlerts,
                peakRecallD1D7, peakPrecisionD1D7, capacityRecall, capacityPrecision, capacityExceedanceDays,
                capacityAlertDays, rows, skillVsDegreeDay).toMap();
    }

    /** Reads the published form back ({@code null} values are undefined metrics, NaN). */
    public static Uc6Metrics fromMap(Map<String, Object> map) {
        MetricMap v = MetricMap.reading(map);
        List<Double> byHorizon = new ArrayList<>();
        for (int h = 1; v.has("mape_d" + h); h++) {
            byHorizon.add(v.number("mape_d" + h));
        }
        return new Uc6Metrics(byHorizon, v.number("mape"), v.number("rmse_kwh"), v.number("coverage_p10_p90"),
                v.number("peak_recall"), v.number("peak_precision"), v.total("peak_days"), v.total("peak_alerts"),
                v.number("peak_recall_d1_d7"), v.number("peak_precision_d1_d7"), v.number("capacity_recall"),
                v.number("capacity_precision"), v.total("capacity_exceedance_days"), v.total("capacity_alert_days"),
                v.total("rows"), v.number("skill_vs_degree_day"));
    }
}
