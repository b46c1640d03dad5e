package org.energycommons.workbench.models.uc6;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.energycommons.workbench.models.usecase.BootstrapIntervals;
import org.energycommons.workbench.models.usecase.MetricInterval;
import org.energycommons.workbench.models.usecase.MetricMap;
import org.energycommons.workbench.models.usecase.UseCaseMetrics;

/**
 * Accuracy and alert metrics of one uc6 model's forecasts on one split, as published in {@code uc6.json}. A ratio
 * with an empty denominator is NaN (undefined, null in the JSON): e.g. a test period without peak days.
 *
 * <p>A peak day is an area-day whose demand exceeds the area's peak threshold (the P95 of its training-period
 * demand); a peak is announced when the P90 forecast exceeds that threshold. A cold peak is an area-day whose
 * demand exceeds the area's cold-peak level ({@link Uc6Run#coldPeakLevels}: its capacity where the training period
 * reached it, else its peak threshold); the cold-peak alert is the D+1 P90 above that level, and it is scored
 * against those real exceedances, not against a capacity the test period may never reach.
 *
 * <p>Counts ({@code peak_days}, {@code peak_alerts}, {@code cold_peak_days}, {@code cold_peak_alerts},
 * {@code capacity_exceedance_days}, {@code rows}) are sample sizes, not estimates: they get no interval. Every other
 * metric gets a 90 % interval by {@link #intervals} (bootstrap over target days, each with all its areas and
 * horizons), computed by the same function as the point value ({@link #of}).
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
 * @param coldPeakRecall share of D+1 cold peaks (area-days above the cold-peak level) that were alerted
 * @param coldPeakPrecision share of D+1 cold-peak alerts that were cold peaks
 * @param coldPeakDays D+1 cold peaks
 * @param coldPeakAlerts D+1 cold-peak alerts
 * @param capacityExceedanceDays D+1 area-days above the area's capacity
 * @param rows rows scored (actual and P50 known)
 * @param skillVsDegreeDay 1 − RMSE / RMSE of the degree-day baseline on the same split (NaN until compared)
 */
public record Uc6Metrics(List<Double> mapeByHorizon, double mape, double rmseKwh, double coverageP10P90,
                         double peakRecall, double peakPrecision, long peakDays, long peakAlerts,
                         double peakRecallD1D7, double peakPrecisionD1D7, double coldPeakRecall,
                         double coldPeakPrecision, long coldPeakDays, long coldPeakAlerts,
                         long capacityExceedanceDays, long rows,
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
     * @param coldPeakLevels area id → cold-peak level, kWh/day (an area without one has no cold peaks)
     * @param horizons number of horizons (7)
     * @return the metrics, with the skill against the degree-day baseline undefined (see
     *     {@link #withSkillAgainst})
     */
    public static Uc6Metrics evaluate(List<GasRow> rows, double[] p10, double[] p50, double[] p90,
                                      Map<String, Double> peakThresholds, Map<String, Double> coldPeakLevels,
                                      int horizons) {
        double[] apeSum = new double[horizons + 1];
        long[] apeCount = new long[horizons + 1];
        double sqSum = 0;
        long scored = 0;
        long covered = 0;
        long[] peak = new long[4];
        long[] peakAll = new long[4];
        long[] coldPeak = new long[4];
        long overCapacity = 0;
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
            Double level = coldPeakLevels.get(r.areaId());
            if (h == 1) {
                if (level != null) {
                    count(coldPeak, y > level, p90[i] > level);
                }
                overCapacity += y > r.capacityKwh() ? 1 : 0;
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
                ratio(peakAll[0], peakAll[0] + peakAll[2]), ratio(coldPeak[0], coldPeak[0] + coldPeak[1]),
                ratio(coldPeak[0], coldPeak[0] + coldPeak[2]), coldPeak[0] + coldPeak[1], coldPeak[0] + coldPeak[2],
                overCapacity, scored, Double.NaN);
    }

    /**
     * One forecast row as scored by a model, with the degree-day baseline's P50 on the same row: what the point
     * metrics and every bootstrap replicate are computed from.
     *
     * @param row the feature row with its actual demand
     * @param p10 the model's P10, kWh/day
     * @param p50 the model's P50, kWh/day
     * @param p90 the model's P90, kWh/day
     * @param baselineP50 the degree-day baseline's P50 on the same row, kWh/day
     */
    public record Scored(GasRow row, double p10, double p50, double p90, double baselineP50) {
    }

    /**
     * The metrics of scored rows, with the skill against the baseline's P50 on the same rows: the point values, and
     * the function every bootstrap replicate of {@link #intervals} runs.
     */
    public static Uc6Metrics of(List<Scored> scored, Map<String, Double> peakThresholds,
                                Map<String, Double> coldPeakLevels, int horizons) {
        int n = scored.size();
        List<GasRow> rows = new ArrayList<>(n);
        double[] p10 = new double[n];
        double[] p50 = new double[n];
        double[] p90 = new double[n];
        double[] baseline = new double[n];
        for (int i = 0; i < n; i++) {
            Scored s = scored.get(i);
            rows.add(s.row());
            p10[i] = s.p10();
            p50[i] = s.p50();
            p90[i] = s.p90();
            baseline[i] = s.baselineP50();
        }
        Uc6Metrics model = evaluate(rows, p10, p50, p90, peakThresholds, coldPeakLevels, horizons);
        Uc6Metrics degreeDay = evaluate(rows, baseline, baseline, baseline, Map.of(), Map.of(), horizons);
        return model.withSkillAgainst(degreeDay);
    }

    /**
     * The 90 % interval of every estimated metric of {@link #of}, by bootstrap over target days (a day with all its
     * areas and horizons, so that the areas' common weather stays together). A recall rests on the events it counts
     * (peak days, cold peaks at D+1), a precision on the alerts; every other metric on the target days.
     *
     * @param seed the bootstrap seed (the run's seed)
     */
    public static Map<String, MetricInterval> intervals(List<Scored> scored, Map<String, Double> peakThresholds,
                                                        Map<String, Double> coldPeakLevels, int horizons, long seed) {
        Map<java.time.LocalDate, List<Scored>> byDay = new java.util.TreeMap<>();
        for (Scored s : scored) {
            byDay.computeIfAbsent(s.row().targetDate(), k -> new ArrayList<>()).add(s);
        }
        List<List<Scored>> days = new ArrayList<>(byDay.values());
        Map<String, MetricInterval> intervals = BootstrapIntervals.of(days, "day",
                sample -> of(sample.stream().flatMap(List::stream).toList(), peakThresholds, coldPeakLevels,
                        horizons).estimates(), seed);
        Uc6Metrics point = of(scored, peakThresholds, coldPeakLevels, horizons);
        Map<String, Double> value = point.estimates();
        intervals.computeIfPresent("peak_recall",
                (k, i) -> i.withShareSample(value.get(k), (int) point.peakDays(), "peak_day"));
        intervals.computeIfPresent("peak_precision",
                (k, i) -> i.withShareSample(value.get(k), (int) point.peakAlerts(), "peak_alert"));
        intervals.computeIfPresent("cold_peak_recall",
                (k, i) -> i.withShareSample(value.get(k), (int) point.coldPeakDays(), "cold_peak_day"));
        intervals.computeIfPresent("cold_peak_precision",
                (k, i) -> i.withShareSample(value.get(k), (int) point.coldPeakAlerts(), "cold_peak_alert"));
        return intervals;
    }

    /** The estimated metrics by published name (every metric but the {@link #COUNTS}); undefined ones are NaN. */
    public Map<String, Double> estimates() {
        Map<String, Double> out = new java.util.LinkedHashMap<>();
        toMap().forEach((k, v) -> {
            if (!COUNTS.contains(k)) {
                out.put(k, v instanceof Number x ? x.doubleValue() : Double.NaN);
            }
        });
        return out;
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
                peakAlerts, peakRecallD1D7, peakPrecisionD1D7, coldPeakRecall, coldPeakPrecision, coldPeakDays,
                coldPeakAlerts, capacityExceedanceDays, rows, 1 - rmseKwh / degreeDay.rmseKwh());
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
            "cold_peak_recall", "cold_peak_precision", "cold_peak_days", "cold_peak_alerts",
            "capacity_exceedance_days", "rows", "skill_vs_degree_day");

    /** The published counts: sample sizes, without an interval. */
    public static final List<String> COUNTS = List.of("peak_days", "peak_alerts", "cold_peak_days",
            "cold_peak_alerts", "capacity_exceedance_days", "rows");

    @Override
    public Map<String, Object> toMap() {
        MetricMap m = MetricMap.writing();
        for (int h = 1; h <= mapeByHorizon.size(); h++) {
            m.put("mape_d" + h, mapeByHorizon.get(h - 1));
        }
        return m.put(KEYS, mape, rmseKwh, coverageP10P90, peakRecall, peakPrecision, peakDays, peakAlerts,
                peakRecallD1D7, peakPrecisionD1D7, coldPeakRecall, coldPeakPrecision, coldPeakDays, coldPeakAlerts,
                capacityExceedanceDays, rows, skillVsDegreeDay).toMap();
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
                v.number("peak_recall_d1_d7"), v.number("peak_precision_d1_d7"), v.number("cold_peak_recall"),
                v.number("cold_peak_precision"), v.total("cold_peak_days"), v.total("cold_peak_alerts"),
                v.total("capacity_exceedance_days"), v.total("rows"), v.number("skill_vs_degree_day"));
    }
}
