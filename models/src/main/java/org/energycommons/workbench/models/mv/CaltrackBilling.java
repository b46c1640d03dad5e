package org.energycommons.workbench.models.mv;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The CalTRACK billing (monthly) method: the daily method's candidates (intercept, HDD, CDD, HDD+CDD over the same
 * balance-point grid, slopes &gt; 0 with p below the threshold, highest adjusted R²), fitted on billing periods by
 * weighted least squares, each period weighted by its valid days (CalTRACK 2.0 billing, as OpenEEmeter's
 * {@code weights = n_days}). A pure function of a building's days; safe to call for many buildings at once.
 *
 * <p>Method, all temperatures in °C:
 * <ol>
 *   <li><b>Billing periods</b>: the baseline is cut into periods of {@code periodDays} days counted back from its end
 *       (the works day); the days left at the start, fewer than a period, join the earliest period (a 365-day
 *       baseline gives 11 periods of 30 days and one of 35, the spread of real monthly bills).</li>
 *   <li><b>Data sufficiency</b>: the daily rule of {@link CaltrackDaily} (share of valid days), then a period counts
 *       only when at least {@code minPeriodCoverage} of its days are valid, and the baseline needs
 *       {@code minPeriods} such periods.</li>
 *   <li><b>Regressors</b> of a period: its usage per valid day, and the mean over its valid days of the daily
 *       heating and cooling degree days (so a period's prediction is the sum of its days' predictions). A
 *       degree-day term is tried only when the baseline days pass the daily method's minimum non-zero days and
 *       total.</li>
 *   <li><b>Statistics</b> at period resolution: CV(RMSE) and NMBE of the usage per day with {@code n − p} degrees of
 *       freedom, n the periods; lag-1 autocorrelation over consecutive periods.</li>
 *   <li><b>Savings</b>: counterfactual = Σ of daily predictions over the valid reporting days, metered = Σ of their
 *       usage; the Guideline 14 uncertainty with {@code m = max(1, round(reporting days / periodDays))} reporting
 *       periods.</li>
 * </ol>
 *
 * @param daily the grid, significance and degree-day options shared with the daily method
 * @param periodDays nominal billing-period length, days
 * @param minPeriods baseline periods needed
 * @param minPeriodCoverage share of a period's days that must be valid for it to count, in (0, 1]
 */
public record CaltrackBilling(CaltrackDaily daily, int periodDays, int minPeriods, double minPeriodCoverage)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public CaltrackBilling {
        Objects.requireNonNull(daily, "daily");
        if (periodDays < 7 || periodDays > 62) {
            throw new IllegalArgumentException(CaltrackDaily.PREFIX + "billing_period_days must be in 7..62, got "
                    + periodDays);
        }
        if (minPeriods < 4) {
            throw new IllegalArgumentException(CaltrackDaily.PREFIX + "billing_min_periods must be >= 4, got "
                    + minPeriods);
        }
        if (!(minPeriodCoverage > 0 && minPeriodCoverage <= 1)) {
            throw new IllegalArgumentException(CaltrackDaily.PREFIX + "billing_min_period_coverage must be in (0, 1], got "
                    + minPeriodCoverage);
        }
    }

    /** Monthly bills of 30 days, 10 baseline periods of which 90 % of days are valid, the daily defaults. */
    public static CaltrackBilling defaults() {
        return new CaltrackBilling(CaltrackDaily.defaults(), 30, 10, 0.9);
    }

    /**
     * The outcome of a billing fit.
     *
     * @param sufficiency the daily data-sufficiency check of the baseline
     * @param validPeriods baseline periods with enough valid days
     * @param model the model; null when the data were insufficient
     * @param candidates per candidate type, what the search found
     */
    public record Outcome(DataSufficiency sufficiency, int validPeriods, int requiredPeriods, BillingModel model,
                          List<CandidateSummary> candidates) implements Serializable {

        private static final long serialVersionUID = 1L;

        public Outcome {
            Objects.requireNonNull(sufficiency, "sufficiency");
            candidates = List.copyOf(candidates);
        }

        /** Whether a model was fitted. */
        public boolean fitted() {
            return model != null;
        }

        /** {@code "fitted"} or {@code "insufficient_data"}. */
        public String status() {
            return fitted() ? "fitted" : "insufficient_data";
        }

        /** Why, in one line. */
        public String message() {
            if (!sufficiency.sufficient()) {
                return sufficiency.message();
            }
            return (validPeriods >= requiredPeriods ? "sufficient data: " : "insufficient data: ") + validPeriods
                    + " valid billing periods, " + requiredPeriods + " required";
        }
    }

    /** A billing period {@code [start, endExclusive)}. */
    public record Period(LocalDate start, LocalDate endExclusive) implements Serializable {

        private static final long serialVersionUID = 1L;

        /** Days of the period. */
        public int days() {
            return (int) ChronoUnit.DAYS.between(start, endExclusive);
        }
    }

    /**
     * The billing periods of {@code [start, endExclusive)}, in time order: periods of {@code periodDays} counted
     * back from the end, the remainder joined to the earliest one; a span shorter than a period is one period.
     */
    public List<Period> periods(LocalDate start, LocalDate endExclusive) {
        long total = ChronoUnit.DAYS.between(start, endExclusive);
        if (total <= 0) {
            throw new IllegalArgumentException("empty period " + start + ".." + endExclusive);
        }
        long full = Math.max(1, total / periodDays);
        List<Period> out = new ArrayList<>();
        LocalDate end = endExclusive;
        for (long k = 0; k < full; k++) {
            LocalDate s = k == full - 1 ? start : end.minusDays(periodDays);
            out.add(0, new Period(s, end));
            end = s;
        }
        return out;
    }

    /**
     * Fits the billing baseline over {@code [start, endExclusive)}; observations outside are ignored, invalid days
     * count as missing.
     *
     * @return the model, or an "insufficient data" outcome (never thrown)
     * @throws IllegalArgumentException on an empty period or two observations of the same date
     */
    public Outcome fitBaseline(List<DailyObservation> observations, LocalDate start, LocalDate endExclusive) {
        List<DailyObservation> days = DailyObservation.validIn(observations, start, endExclusive);
        DataSufficiency suff = new DataSufficiency("baseline", start, endExclusive, days.size(),
                daily.minDataSufficiency());
        List<Period> periods = periods(start, endExclusive);
        List<List<DailyObservation>> byPeriod = new ArrayList<>();
        int p = 0;
        List<DailyObservation> current = new ArrayList<>();
        for (DailyObservation d : days) {
            while (!d.date().isBefore(periods.get(p).endExclusive())) {
                byPeriod.add(current);
                current = new ArrayList<>();
                p++;
            }
            current.add(d);
        }
        byPeriod.add(current);
        while (byPeriod.size() < periods.size()) {
            byPeriod.add(new ArrayList<>());
        }
        List<Period> kept = new ArrayList<>();
        List<List<DailyObservation>> keptDays = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            if (byPeriod.get(i).size() >= Math.ceil(minPeriodCoverage * periods.get(i).days() - 1e-9)) {
                kept.add(periods.get(i));
                keptDays.add(byPeriod.get(i));
            }
        }
        if (!suff.sufficient() || kept.size() < minPeriods) {
            return new Outcome(suff, kept.size(), minPeriods, null, List.of());
        }
        int n = kept.size();
        double[] y = new double[n];
        double[] w = new double[n];
        boolean[] consecutive = new boolean[n];
        for (int i = 0; i < n; i++) {
            List<DailyObservation> pd = keptDays.get(i);
            double s = 0;
            for (DailyObservation d : pd) {
                s += d.usage();
            }
            y[i] = s / pd.size();
            w[i] = pd.size();
            consecutive[i] = i > 0 && kept.get(i - 1).endExclusive().equals(kept.get(i).start());
        }
        List<DailyObservation> usedDays = new ArrayList<>();
        keptDays.forEach(usedDays::addAll);

        double[] hBps = daily.heatingBalancePoints();
        double[] cBps = daily.coolingBalancePoints();
        double[][] hdd = new double[hBps.length][];
        double[][] cdd = new double[cBps.length][];
        for (int j = 0; j < hBps.length; j++) {
            hdd[j] = periodMeans(usedDays, keptDays, hBps[j], true);
        }
        for (int j = 0; j < cBps.length; j++) {
            cdd[j] = periodMeans(usedDays, keptDays, cBps[j], false);
        }
        CandidateSearch search = new CandidateSearch(daily.maxPValue());
        search.offer(ModelType.INTERCEPT, Double.NaN, Double.NaN, Ols.fitWeighted(y, w), w);
        for (int j = 0; j < hBps.length; j++) {
            if (hdd[j] != null) {
                search.offer(ModelType.HDD, hBps[j], Double.NaN, CandidateSearch.tryFit(y, w, hdd[j]), w, hdd[j]);
            }
        }
        for (int j = 0; j < cBps.length; j++) {
            if (cdd[j] != null) {
                search.offer(ModelType.CDD, Double.NaN, cBps[j], CandidateSearch.tryFit(y, w, cdd[j]), w, cdd[j]);
            }
        }
        CandidateSearch.forEachHddCdd(hBps, hdd, cBps, cdd, (a, b) -> search.offer(ModelType.HDD_CDD, hBps[a],
                cBps[b], CandidateSearch.tryFit(y, w, hdd[a], cdd[b]), w, hdd[a], cdd[b]));
        BaselineModel fit = search.model(y, consecutive, start, endExclusive, DegreeDayMethod.DAILY);
        return new Outcome(suff, n, minPeriods, new BillingModel(fit, periodDays), search.summaries());
    }

    /**
     * Savings over the valid reporting days of {@code [start, endExclusive)}: counterfactual − metered with the
     * Guideline 14 uncertainty at 90 %, {@code m} the reporting periods.
     *
     * @throws InsufficientBaselineDataException when no reporting day holds both usage and temperature
     */
    public SavingsEstimate savings(BillingModel model, List<DailyObservation> observations, LocalDate start,
                                   LocalDate endExclusive) {
        List<DailyObservation> days = DailyObservation.validIn(observations, start, endExclusive);
        if (days.isEmpty()) {
            throw new InsufficientBaselineDataException(new DataSufficiency("reporting", start, endExclusive, 0,
                    daily.minDataSufficiency()));
        }
        double counterfactual = 0;
        double metered = 0;
        for (DailyObservation d : days) {
            counterfactual += model.predict(d);
            metered += d.usage();
        }
        int m = (int) Math.max(1, Math.round(days.size() / (double) periodDays));
        BaselineModel f = model.fit();
        return SavingsEstimate.of(counterfactual, metered, days.size(), f.cvrmse(), f.n(), f.p(),
                f.residualAutocorrelation(), m);
    }

    /** The options by short key (the daily ones are {@link CaltrackDaily#toMap()}). */
    public Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("billing_period_days", String.valueOf(periodDays));
        m.put("billing_min_periods", String.valueOf(minPeriods));
        m.put("billing_min_period_coverage", String.valueOf(minPeriodCoverage));
        return m;
    }

    /** Mean daily degree days per period; null when the baseline days lack CalTRACK's minimum degree days. */
    private double[] periodMeans(List<DailyObservation> usedDays, List<List<DailyObservation>> periods, double bp,
                                 boolean heating) {
        int nonZero = 0;
        double total = 0;
        for (DailyObservation d : usedDays) {
            double v = heating ? daily.degreeDayMethod().heating(d, bp) : daily.degreeDayMethod().cooling(d, bp);
            if (v > 0) {
                nonZero++;
                total += v;
            }
        }
        if (nonZero < Math.max(1, daily.minNonZeroDegreeDays()) || total < daily.minTotalDegreeDaysC()) {
            return null;
        }
        double[] out = new double[periods.size()];
        for (int i = 0; i < periods.size(); i++) {
            double s = 0;
            for (DailyObservation d : periods.get(i)) {
                s += heating ? daily.degreeDayMethod().heating(d, bp) : daily.degreeDayMethod().cooling(d, bp);
            }
            out[i] = s / periods.get(i).size();
        }
        return out;
    }
}
