package org.energycommons.workbench.models.mv;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.energycommons.workbench.models.usecase.NamespacedOptions;
import org.energycommons.workbench.models.usecase.OptionKeys;

/**
 * The CalTRACK daily method (CalTRACK 2.0 daily usage-per-day models, as in OpenEEmeter) for measurement and
 * verification of savings; the record holds the validated options ({@code workbench.uc3.*}) and its methods are
 * pure functions over a building's {@code List<DailyObservation>}: no shared state, safe to call for many buildings
 * at once (Spark {@code mapGroups}, parallel streams).
 *
 * <p>Method, all temperatures in °C:
 * <ol>
 *   <li><b>Data sufficiency</b>: the baseline is the {@code baselineDays} calendar days before its end (the
 *       intervention / blackout start); at least {@code minDataSufficiency} of them must hold a valid day (usage
 *       and mean temperature present), else the outcome is "insufficient data" (no exception).</li>
 *   <li><b>Degree days</b> from each day's mean temperature: {@code HDD(h) = max(0, h − T)},
 *       {@code CDD(c) = max(0, T − c)} (CalTRACK 2.0; option {@code degree_days=daily}), or, with
 *       {@code degree_days=hourly}, the mean of the day's hourly degree values (see {@link DegreeDayMethod}).</li>
 *   <li><b>Candidates</b>, fitted by OLS: intercept-only; HDD-only for every heating balance point h of the grid;
 *       CDD-only for every cooling balance point c; HDD+CDD for every pair with {@code h ≤ c}. The default grid is
 *       CalTRACK's 30–90 °F search range in °C ({@code −1 … 32 °C}, step 0.5 °C ≈ 0.9 °F).</li>
 *   <li><b>Qualification</b> (CalTRACK): a degree-day term is fitted only when at least
 *       {@code minNonZeroDegreeDays} baseline days have a non-zero value and their total reaches
 *       {@code minTotalDegreeDaysC} (OpenEEmeter: 10 days and 20 °F·days ≈ 11.1 °C·days); a fitted candidate is
 *       disqualified unless every slope is {@code > 0} with a two-sided p-value {@code < maxPValue} (0.1, the
 *       CalTRACK 1.0 screen; CalTRACK 2.0 dropped the p-value screen and keeps only the sign: set
 *       {@code max_p_value=1}, which disables the p-value check). The intercept-only model always qualifies.</li>
 *   <li><b>Selection</b>: the qualified candidate of highest adjusted R² (intercept-only: 0); ties keep the simpler
 *       model.</li>
 *   <li><b>Fit statistics</b> (ASHRAE Guideline 14, {@link Ashrae14}): CV(RMSE), NMBE with n − p degrees of
 *       freedom, lag-1 autocorrelation of residuals.</li>
 *   <li><b>Savings</b> ({@link #savings}): counterfactual (the model on reporting-period temperatures) − metered,
 *       over reporting days with both values, with the Guideline 14 fractional savings uncertainty at 90 %.</li>
 * </ol>
 *
 * @param heatingBalancePointMinC lowest heating balance point searched, °C
 * @param heatingBalancePointMaxC highest heating balance point searched, °C
 * @param coolingBalancePointMinC lowest cooling balance point searched, °C
 * @param coolingBalancePointMaxC highest cooling balance point searched, °C
 * @param balancePointStepC grid step, °C
 * @param baselineDays length of the baseline period, days
 * @param minDataSufficiency share of baseline days that must be valid, in (0, 1]
 * @param maxPValue a slope qualifies only with a p-value strictly below this, in (0, 1]; 1 disables the check
 * @param minNonZeroDegreeDays days with non-zero HDD (CDD) a heating (cooling) term needs
 * @param minTotalDegreeDaysC total HDD (CDD) over the baseline a heating (cooling) term needs, °C·days
 * @param degreeDayMethod how degree days are computed: from the daily mean (CalTRACK 2.0) or hourly values
 */
public record CaltrackDaily(double heatingBalancePointMinC, double heatingBalancePointMaxC,
                            double coolingBalancePointMinC, double coolingBalancePointMaxC, double balancePointStepC,
                            int baselineDays, double minDataSufficiency, @JsonProperty("max_p_value") double maxPValue,
                            @JsonProperty("min_nonzero_degree_days") int minNonZeroDegreeDays,
                            double minTotalDegreeDaysC, @JsonProperty("degree_days") DegreeDayMethod degreeDayMethod)
        implements Serializable, NamespacedOptions {

    private static final long serialVersionUID = 1L;

    /** Key prefix. */
    public static final String PREFIX = "workbench.uc3.";
    /** The confidence level of the savings uncertainty. */
    public static final double CONFIDENCE = 0.90;
    private static final int MAX_GRID_POINTS = 2_000;

    public CaltrackDaily {
        finite("heating_balance_point_min_c", heatingBalancePointMinC);
        finite("heating_balance_point_max_c", heatingBalancePointMaxC);
        finite("cooling_balance_point_min_c", coolingBalancePointMinC);
        finite("cooling_balance_point_max_c", coolingBalancePointMaxC);
        finite("balance_point_step_c", balancePointStepC);
        finite("min_total_degree_days_c", minTotalDegreeDaysC);
        if (heatingBalancePointMinC > heatingBalancePointMaxC) {
            throw new IllegalArgumentException(PREFIX + "heating_balance_point_min_c (" + heatingBalancePointMinC
                    + ") must be <= heating_balance_point_max_c (" + heatingBalancePointMaxC + ")");
        }
        if (coolingBalancePointMinC > coolingBalancePointMaxC) {
            throw new IllegalArgumentException(PREFIX + "cooling_balance_point_min_c (" + coolingBalancePointMinC
                    + ") must be <= cooling_balance_point_max_c (" + coolingBalancePointMaxC + ")");
        }
        if (!(balancePointStepC > 0)) {
            throw new IllegalArgumentException(PREFIX + "balance_point_step_c must be > 0, got " + balancePointStepC);
        }
        if ((heatingBalancePointMaxC - heatingBalancePointMinC) / balancePointStepC > MAX_GRID_POINTS
                || (coolingBalancePointMaxC - coolingBalancePointMinC) / balancePointStepC > MAX_GRID_POINTS) {
            throw new IllegalArgumentException(PREFIX + "balance_point_step_c " + balancePointStepC
                    + " gives more than " + MAX_GRID_POINTS + " balance points per range");
        }
        if (baselineDays < 30) {
            throw new IllegalArgumentException(PREFIX + "baseline_days must be >= 30, got " + baselineDays);
        }
        if (!(minDataSufficiency > 0 && minDataSufficiency <= 1)) {
            throw new IllegalArgumentException(PREFIX + "min_data_sufficiency must be in (0, 1], got "
                    + minDataSufficiency);
        }
        if (!(maxPValue > 0 && maxPValue <= 1)) {
            throw new IllegalArgumentException(PREFIX + "max_p_value must be in (0, 1], got " + maxPValue);
        }
        if (minNonZeroDegreeDays < 0) {
            throw new IllegalArgumentException(PREFIX + "min_nonzero_degree_days must be >= 0, got "
                    + minNonZeroDegreeDays);
        }
        if (degreeDayMethod == null) {
            throw new IllegalArgumentException(PREFIX + "degree_days must be daily or hourly");
        }
        if (minTotalDegreeDaysC < 0) {
            throw new IllegalArgumentException(PREFIX + "min_total_degree_days_c must be >= 0, got "
                    + minTotalDegreeDaysC);
        }
    }

    private static void finite(String key, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(PREFIX + key + " must be a finite number, got " + v);
        }
    }

    /**
     * CalTRACK 2.0 daily defaults: balance points searched over 30–90 °F expressed in °C (−1 … 32 °C, step
     * 0.5 °C), a 365-day baseline with 90 % of its days present, slopes significant at p &lt; 0.1, and a degree-day
     * term only with ≥ 10 non-zero days and ≥ 20 °F·days (11.1 °C·days) over the baseline, degree days from the
     * daily mean temperature.
     */
    public static CaltrackDaily defaults() {
        return new CaltrackDaily(-1.0, 32.0, -1.0, 32.0, 0.5, 365, 0.9, 0.1, 10, 11.1, DegreeDayMethod.DAILY);
    }

    /** The same options with another degree-day method. */
    public CaltrackDaily withDegreeDays(DegreeDayMethod method) {
        return new CaltrackDaily(heatingBalancePointMinC, heatingBalancePointMaxC, coolingBalancePointMinC,
                coolingBalancePointMaxC, balancePointStepC, baselineDays, minDataSufficiency, maxPValue,
                minNonZeroDegreeDays, minTotalDegreeDaysC, method);
    }

    @Override
    public String keyPrefix() {
        return PREFIX;
    }

    /** Reads {@code workbench.uc3.*}; missing keys take the defaults; unknown keys under the prefix fail. */
    public static CaltrackDaily of(Properties p) {
        return OptionKeys.bind(p, PREFIX, defaults());
    }



    /** The heating balance points searched, °C, ascending. */
    public double[] heatingBalancePoints() {
        return grid(heatingBalancePointMinC, heatingBalancePointMaxC, balancePointStepC);
    }

    /** The cooling balance points searched, °C, ascending. */
    public double[] coolingBalancePoints() {
        return grid(coolingBalancePointMinC, coolingBalancePointMaxC, balancePointStepC);
    }

    private static double[] grid(double min, double max, double step) {
        int k = (int) Math.floor((max - min) / step + 1e-9);
        double[] g = new double[k + 1];
        for (int i = 0; i <= k; i++) {
            g[i] = Math.round((min + i * step) * 1e9) / 1e9; // no 14.999999999 balance points
        }
        return g;
    }

    /** The baseline period ending (exclusive) at {@code baselineEnd}: {@code baselineDays} days. */
    public LocalDate baselineStart(LocalDate baselineEnd) {
        return baselineEnd.minusDays(baselineDays);
    }

    /**
     * The data-sufficiency check of a period.
     *
     * @param period "baseline" or "reporting", for the message
     * @throws IllegalArgumentException when two observations share a date
     */
    public DataSufficiency sufficiency(String period, List<DailyObservation> observations, LocalDate start,
                                       LocalDate endExclusive) {
        return new DataSufficiency(period, start, endExclusive,
                DailyObservation.validIn(observations, start, endExclusive).size(),
                minDataSufficiency);
    }

    /** {@link #fitBaseline(List, LocalDate, LocalDate)} over the {@code baselineDays} days before {@code baselineEnd}. */
    public BaselineOutcome fitBaseline(List<DailyObservation> observations, LocalDate baselineEnd) {
        return fitBaseline(observations, baselineStart(baselineEnd), baselineEnd);
    }

    /**
     * Fits the baseline over {@code [start, endExclusive)}: checks data sufficiency, searches the candidates and
     * selects one. Observations outside the period are ignored, invalid ones (NaN) count as missing days.
     *
     * @return the model, or an "insufficient data" outcome (never thrown)
     * @throws IllegalArgumentException on a bad period or two observations of the same date (a data error)
     */
    public BaselineOutcome fitBaseline(List<DailyObservation> observations, LocalDate start, LocalDate endExclusive) {
        List<DailyObservation> days = DailyObservation.validIn(observations, start, endExclusive);
        DataSufficiency suff = new DataSufficiency("baseline", start, endExclusive, days.size(), minDataSufficiency);
        if (!suff.sufficient() || days.size() < 4) {
            if (suff.sufficient()) { // only with a tiny custom period; never with CalTRACK's 365 days
                throw new IllegalArgumentException("a baseline needs at least 4 valid days, got " + days.size());
            }
            return BaselineOutcome.insufficient(suff);
        }
        int n = days.size();
        double[] y = new double[n];
        double[] temp = new double[n];
        double[][] hourly = new double[n][];
        boolean[] consecutive = new boolean[n];
        for (int i = 0; i < n; i++) {
            DailyObservation o = days.get(i);
            y[i] = o.usage();
            temp[i] = o.meanTemperatureC();
            hourly[i] = degreeDayMethod == DegreeDayMethod.HOURLY ? o.hourlyTemperaturesC() : null;
            consecutive[i] = i > 0 && days.get(i - 1).date().plusDays(1).equals(o.date());
        }
        double[] hBps = heatingBalancePoints();
        double[] cBps = coolingBalancePoints();
        double[][] hdd = new double[hBps.length][];
        double[][] cdd = new double[cBps.length][];
        for (int j = 0; j < hBps.length; j++) {
            hdd[j] = enoughDegreeDays(degreeDays(temp, hourly, hBps[j], true));
        }
        for (int j = 0; j < cBps.length; j++) {
            cdd[j] = enoughDegreeDays(degreeDays(temp, hourly, cBps[j], false));
        }

        Search search = new Search();
        search.offer(ModelType.INTERCEPT, Double.NaN, Double.NaN, Ols.fit(y), true);
        for (int j = 0; j < hBps.length; j++) {
            if (hdd[j] != null) {
                Ols.Fit f = tryFit(y, hdd[j]);
                search.offer(ModelType.HDD, hBps[j], Double.NaN, f, f != null && slopesQualify(f));
            }
        }
        for (int j = 0; j < cBps.length; j++) {
            if (cdd[j] != null) {
                Ols.Fit f = tryFit(y, cdd[j]);
                search.offer(ModelType.CDD, Double.NaN, cBps[j], f, f != null && slopesQualify(f));
            }
        }
        CandidateSearch.forEachHddCdd(hBps, hdd, cBps, cdd, (a, b) -> {
            Ols.Fit f = tryFit(y, hdd[a], cdd[b]);
            search.offer(ModelType.HDD_CDD, hBps[a], cBps[b], f, f != null && slopesQualify(f));
        });

        ModelType type = search.bestType;
        // The search screened slopes on t statistics; the selected candidate is refitted with its p-values.
        Ols.Fit f = switch (type) {
            case INTERCEPT -> search.bestFit;
            case HDD -> Ols.fit(y, degreeDays(temp, hourly, search.bestH, true));
            case CDD -> Ols.fit(y, degreeDays(temp, hourly, search.bestC, false));
            case HDD_CDD -> Ols.fit(y, degreeDays(temp, hourly, search.bestH, true),
                    degreeDays(temp, hourly, search.bestC, false));
        };
        BaselineModel model = CandidateSearch.fitted(type, search.bestH, search.bestC, f, y, consecutive, start,
                endExclusive, degreeDayMethod);
        return new BaselineOutcome(suff, model, search.summaries());
    }

    /**
     * Savings over the reporting observations in {@code [start, endExclusive)} (see
     * {@link #savings(BaselineModel, List)}).
     */
    public SavingsEstimate savings(BaselineModel model, List<DailyObservation> reporting, LocalDate start,
                                   LocalDate endExclusive) {
        return savings(model, DailyObservation.validIn(reporting, start, endExclusive));
    }

    /**
     * Savings over the valid reporting days given: counterfactual = Σ model prediction at the day's temperature,
     * metered = Σ usage, savings = counterfactual − metered, fraction F = savings / counterfactual, and the
     * Guideline 14 uncertainty at 90 % (formula in {@link Ashrae14}): half-width
     * {@code 1.26 · t(0.95, n − p) · CV(RMSE) · sqrt((n/n')(1 + 2/n')/m) · counterfactual}, FSU = half-width /
     * |savings|, with n, p, CV(RMSE) and ρ of the baseline fit and m the reporting days summed.
     *
     * @throws InsufficientBaselineDataException when no reporting day holds both usage and temperature
     */
    public SavingsEstimate savings(BaselineModel model, List<DailyObservation> reporting) {
        double counterfactual = 0;
        double metered = 0;
        int m = 0;
        Set<LocalDate> seen = new HashSet<>();
        LocalDate first = null;
        LocalDate last = null;
        for (DailyObservation o : reporting) {
            if (!seen.add(o.date())) {
                throw new IllegalArgumentException("two observations for " + o.date());
            }
            first = first == null || o.date().isBefore(first) ? o.date() : first;
            last = last == null || o.date().isAfter(last) ? o.date() : last;
            if (o.isValid()) {
                counterfactual += model.predict(o);
                metered += o.usage();
                m++;
            }
        }
        if (m == 0) {
            LocalDate s = first == null ? model.baselineEnd() : first;
            LocalDate e = last == null ? s.plusDays(1) : last.plusDays(1);
            throw new InsufficientBaselineDataException(new DataSufficiency("reporting", s, e, 0, minDataSufficiency));
        }
        double savings = counterfactual - metered;
        double fraction = savings / counterfactual;
        double rel = Ashrae14.relativeHalfWidth(model.cvrmse(), model.n(), model.p(), model.residualAutocorrelation(),
                m, CONFIDENCE);
        double half = rel * Math.abs(counterfactual);
        double fsu = savings == 0 ? Double.NaN : half / Math.abs(savings);
        return new SavingsEstimate(m, counterfactual, metered, savings, fraction, fsu, half, savings - half,
                savings + half);
    }

    // ---------------------------------------------------------------------------------------------------------

    /** Valid observations in the period, sorted by date; duplicates (valid or not) are an error. */
    private double[] degreeDays(double[] temp, double[][] hourly, double bp, boolean heating) {
        double[] dd = new double[temp.length];
        for (int i = 0; i < temp.length; i++) {
            dd[i] = heating ? degreeDayMethod.heating(temp[i], hourly[i], bp)
                    : degreeDayMethod.cooling(temp[i], hourly[i], bp);
        }
        return dd;
    }

    /** The degree days when they pass CalTRACK's minimum non-zero days and total, else null. */
    private double[] enoughDegreeDays(double[] dd) {
        int nonZero = 0;
        double total = 0;
        for (double v : dd) {
            if (v > 0) {
                nonZero++;
                total += v;
            }
        }
        return nonZero >= Math.max(1, minNonZeroDegreeDays) && total >= minTotalDegreeDaysC ? dd : null;
    }

    private static Ols.Fit tryFit(double[] y, double[]... x) {
        try {
            return Ols.fitWeighted(y, null, false, x);
        } catch (IllegalArgumentException e) { // a singular design: the candidate cannot be fitted
            return null;
        }
    }

    /**
     * CalTRACK: every slope positive with a p-value below the threshold (no p-value check at 1), tested as
     * {@code t > t(1 − maxPValue/2, n − p)}, the same condition without a t distribution per candidate.
     */
    private boolean slopesQualify(Ols.Fit f) {
        double critical = maxPValue >= 1 ? Double.NEGATIVE_INFINITY : criticalT(maxPValue, f.n() - f.p());
        for (int j = 1; j < f.p(); j++) {
            if (!(f.coefficients()[j] > 0 && (maxPValue >= 1 || f.tValues()[j] > critical))) {
                return false;
            }
        }
        return true;
    }

    /** {@code t(1 − α/2, dof)}: a two-sided p-value is below α exactly when |t| exceeds it; cached per (α, dof). */
    static double criticalT(double alpha, int dof) {
        if (dof < 1) {
            return Double.NaN;
        }
        return CRITICAL.computeIfAbsent(alpha + "|" + dof, k -> Ols.tQuantileTwoSided(1 - alpha, dof));
    }

    private static final java.util.concurrent.ConcurrentHashMap<String, Double> CRITICAL =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** The running best over all candidates and per type. */
    private static final class Search {
        Ols.Fit bestFit;
        ModelType bestType;
        double bestH = Double.NaN;
        double bestC = Double.NaN;
        final Map<ModelType, double[]> perType = new LinkedHashMap<>(); // evaluated, qualified, adjR², h, c

        Search() {
            for (ModelType t : ModelType.values()) {
                perType.put(t, new double[] {0, 0, Double.NaN, Double.NaN, Double.NaN});
            }
        }

        void offer(ModelType type, double h, double c, Ols.Fit f, boolean qualified) {
            double[] s = perType.get(type);
            s[0]++;
            if (!qualified) {
                return;
            }
            s[1]++;
            double adj = f.adjustedRSquared();
            if (Double.isNaN(s[2]) || adj > s[2]) {
                s[2] = adj;
                s[3] = h;
                s[4] = c;
            }
            // Strictly greater: candidates come simplest first, so ties keep the simpler model.
            if (bestFit == null || adj > bestFit.adjustedRSquared()) {
                bestFit = f;
                bestType = type;
                bestH = h;
                bestC = c;
            }
        }

        List<CandidateSummary> summaries() {
            List<CandidateSummary> out = new ArrayList<>();
            perType.forEach((t, s) -> out.add(new CandidateSummary(t, (int) s[0], (int) s[1], s[2], s[3], s[4])));
            return out;
        }
    }
}
