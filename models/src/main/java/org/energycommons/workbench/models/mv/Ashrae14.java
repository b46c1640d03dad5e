package org.energycommons.workbench.models.mv;

import java.time.LocalDate;
import java.util.Map;

/**
 * The ASHRAE Guideline 14 goodness-of-fit and savings-uncertainty statistics used by the M&amp;V method.
 *
 * <p>References: ASHRAE Guideline 14-2014, <i>Measurement of Energy, Demand, and Water Savings</i>: the
 * goodness-of-fit statistics CV(RMSE) and NMBE of a baseline model, with {@code n − p} degrees of freedom, and Annex B
 * (<i>Determination of Savings Uncertainty</i>: the fractional savings uncertainty of a regression baseline with
 * autocorrelated residuals, after Reddy &amp; Claridge, "Uncertainty of measured energy savings from statistical
 * baseline models", HVAC&amp;R Research 6(1), 2000). The formulas, exactly as computed here:
 * <pre>
 *   CV(RMSE) = sqrt( Σ (yᵢ − ŷᵢ)² / (n − p) ) / ȳ
 *   NMBE     = Σ (yᵢ − ŷᵢ) / ( (n − p) · ȳ )
 *   ρ        = Σ eₜ·eₜ₋₁ / Σ eₜ²            (lag-1 autocorrelation of the baseline residuals e = y − ŷ,
 *                                           products only over pairs of consecutive calendar days)
 *   n'       = n · (1 − ρ) / (1 + ρ)        (ρ &lt; 0 is taken as 0: negative autocorrelation earns no credit)
 *   FSU      = ΔE_save / E_save
 *            = 1.26 · t · CV(RMSE) · sqrt( (n/n') · (1 + 2/n') · (1/m) ) / F
 * </pre>
 * with {@code n} the baseline days of the fit, {@code p} its parameters (intercept included), {@code m} the
 * reporting days (points of the reporting period at the model's daily resolution), {@code F} the savings fraction
 * {@code savings / counterfactual}, {@code t} the two-sided Student t quantile at the confidence level (90 %:
 * the 0.95 quantile) with {@code n − p} degrees of freedom, and 1.26 the empirical correction of Guideline 14.
 * Multiplying by {@code E_save = F · counterfactual} gives the absolute half-width
 * {@code ΔE_save = 1.26 · t · CV(RMSE) · sqrt((n/n')(1 + 2/n')/m) · counterfactual}, which stays defined when
 * {@code F = 0}.
 */
public final class Ashrae14 {

    /** Guideline 14's empirical coefficient of the savings-uncertainty formula. */
    public static final double COEFFICIENT = 1.26;

    private Ashrae14() {
    }

    /** CV(RMSE) with {@code n − p} degrees of freedom; NaN when {@code n ≤ p} or the mean is 0. */
    public static double cvrmse(double[] y, double[] fitted, int p) {
        check(y, fitted, p);
        int n = y.length;
        if (n <= p) {
            return Double.NaN;
        }
        double sse = 0;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double e = y[i] - fitted[i];
            sse += e * e;
            sum += y[i];
        }
        double mean = sum / n;
        return mean == 0 ? Double.NaN : Math.sqrt(sse / (n - p)) / mean;
    }

    /** NMBE with {@code n − p} degrees of freedom (positive: the model under-predicts); NaN when undefined. */
    public static double nmbe(double[] y, double[] fitted, int p) {
        check(y, fitted, p);
        int n = y.length;
        if (n <= p) {
            return Double.NaN;
        }
        double bias = 0;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            bias += y[i] - fitted[i];
            sum += y[i];
        }
        double mean = sum / n;
        return mean == 0 ? Double.NaN : bias / ((n - p) * mean);
    }

    /**
     * Lag-1 autocorrelation of residuals: {@code Σ eₜ·eₜ₋₁ / Σ eₜ²}, the products taken only where
     * {@code consecutive[t]} (day t follows day t − 1 in the calendar); NaN with fewer than two residuals or a zero
     * denominator.
     *
     * @param residuals in time order
     * @param consecutive {@code consecutive[t]} true when residual t is the calendar day after residual t − 1
     *        ({@code consecutive[0]} is ignored); null means every pair is consecutive
     */
    public static double lag1Autocorrelation(double[] residuals, boolean[] consecutive) {
        int n = residuals.length;
        if (consecutive != null && consecutive.length != n) {
            throw new IllegalArgumentException("consecutive flags of length " + consecutive.length + " for " + n);
        }
        if (n < 2) {
            return Double.NaN;
        }
        double den = 0;
        double num = 0;
        for (int t = 0; t < n; t++) {
            den += residuals[t] * residuals[t];
            if (t > 0 && (consecutive == null || consecutive[t])) {
                num += residuals[t] * residuals[t - 1];
            }
        }
        return den == 0 ? 0 : num / den;
    }

    /** The effective number of independent points {@code n' = n(1 − ρ)/(1 + ρ)}, ρ below 0 (or NaN) taken as 0. */
    public static double effectiveN(int n, double rho) {
        double r = Double.isNaN(rho) ? 0 : Math.max(0, rho);
        return n * (1 - r) / (1 + r);
    }

    /**
     * The relative savings-uncertainty half-width {@code 1.26 · t · CV · sqrt((n/n')(1 + 2/n')/m)}, i.e. the
     * fractional savings uncertainty multiplied by F; multiply by the counterfactual total for the absolute
     * half-width. Infinite when {@code n' ≤ 0}; NaN when CV is.
     *
     * @param cvrmse the baseline CV(RMSE)
     * @param n baseline points
     * @param p model parameters (intercept included)
     * @param rho lag-1 autocorrelation of the baseline residuals
     * @param m reporting points
     * @param confidence two-sided confidence level, e.g. 0.90
     */
    public static double relativeHalfWidth(double cvrmse, int n, int p, double rho, int m, double confidence) {
        if (m < 1 || n <= p) {
            throw new IllegalArgumentException("need m >= 1 and n > p, got m=" + m + ", n=" + n + ", p=" + p);
        }
        double nEff = effectiveN(n, rho);
        if (!(nEff > 0)) {
            return Double.POSITIVE_INFINITY;
        }
        double t = Ols.tQuantileTwoSided(confidence, n - p);
        return COEFFICIENT * t * cvrmse * Math.sqrt((n / nEff) * (1 + 2 / nEff) / m);
    }

    /** The fractional savings uncertainty: {@link #relativeHalfWidth} / |F|; NaN when F = 0. */
    public static double fractionalSavingsUncertainty(double cvrmse, int n, int p, double rho, int m,
                                                      double confidence, double savingsFraction) {
        double h = relativeHalfWidth(cvrmse, n, p, rho, m, confidence);
        return savingsFraction == 0 || Double.isNaN(savingsFraction) ? Double.NaN : h / Math.abs(savingsFraction);
    }

    private static void check(double[] y, double[] fitted, int p) {
        if (y.length != fitted.length) {
            throw new IllegalArgumentException(y.length + " observations for " + fitted.length + " fitted values");
        }
        if (p < 1) {
            throw new IllegalArgumentException("p must be >= 1, got " + p);
        }
    }

    /**
     * Puts a baseline fit's statistics into a model's description, in the order the published model files hold them;
     * a non-finite value is null.
     */
    static void putFitStatistics(Map<String, Object> m, double rSquared, double adjustedRSquared, double cvrmse,
                                 double nmbe, int n, int p, double residualAutocorrelation, double meanUsage,
                                 LocalDate baselineStart, LocalDate baselineEnd) {
        m.put("r_squared", finiteOrNull(rSquared));
        m.put("adjusted_r_squared", finiteOrNull(adjustedRSquared));
        m.put("cvrmse", finiteOrNull(cvrmse));
        m.put("nmbe", finiteOrNull(nmbe));
        m.put("n", n);
        m.put("p", p);
        m.put("residual_autocorrelation", finiteOrNull(residualAutocorrelation));
        m.put("mean_usage", finiteOrNull(meanUsage));
        m.put("baseline_start", baselineStart.toString());
        m.put("baseline_end_exclusive", baselineEnd.toString());
    }

    private static Double finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
