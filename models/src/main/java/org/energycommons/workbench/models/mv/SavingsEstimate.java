package org.energycommons.workbench.models.mv;

import java.io.Serializable;

/**
 * Avoided energy use over a reporting period (CalTRACK): the baseline model applied to the reporting-period
 * temperatures (the counterfactual) minus the metered usage, summed over the reporting days that hold both a
 * usage and a temperature; with the ASHRAE Guideline 14 uncertainty at 90 % (see {@link Ashrae14}).
 *
 * @param reportingDays reporting points summed: days for the daily and billing methods (the daily method's m of the
 *     uncertainty formula; billing uses m = periods), hours for the hourly method
 * @param counterfactual Σ predicted baseline usage over those days
 * @param metered Σ metered usage over those days
 * @param savings counterfactual − metered (positive: energy saved)
 * @param fraction savings / counterfactual (F)
 * @param fsu90 fractional savings uncertainty at 90 %, {@code halfWidth90 / |savings|}; NaN when savings = 0
 * @param halfWidth90 absolute 90 % half-width of the savings, meter unit
 * @param lower90 savings − halfWidth90
 * @param upper90 savings + halfWidth90
 */
public record SavingsEstimate(int reportingDays, double counterfactual, double metered, double savings,
                              double fraction, double fsu90, double halfWidth90, double lower90, double upper90)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * A savings estimate with the Guideline 14 uncertainty at 90 % (see {@link Ashrae14}): half-width
     * {@code 1.26 · t(0.95, n − p) · CV(RMSE) · sqrt((n/n')(1 + 2/n')/m) · |counterfactual|}.
     *
     * @param counterfactual Σ predicted baseline usage over the reporting points
     * @param metered Σ metered usage over the same points
     * @param points reporting points summed
     * @param cvrmse baseline CV(RMSE)
     * @param n baseline points of the fit
     * @param p baseline parameters
     * @param rho lag-1 autocorrelation of the baseline residuals
     * @param m reporting points at the model's resolution
     */
    public static SavingsEstimate of(double counterfactual, double metered, int points, double cvrmse, int n, int p,
                                     double rho, int m) {
        double savings = counterfactual - metered;
        double fraction = savings / counterfactual;
        double rel = Ashrae14.relativeHalfWidth(cvrmse, n, p, rho, m, CaltrackDaily.CONFIDENCE);
        double half = rel * Math.abs(counterfactual);
        double fsu = savings == 0 ? Double.NaN : half / Math.abs(savings);
        return new SavingsEstimate(points, counterfactual, metered, savings, fraction, fsu, half, savings - half,
                savings + half);
    }

    /** The 90 % interval of the savings fraction: {@code fraction ∓ halfWidth90 / counterfactual}. */
    public double fractionLower90() {
        return fraction - halfWidth90 / counterfactual;
    }

    /** Upper end of the 90 % interval of the savings fraction. */
    public double fractionUpper90() {
        return fraction + halfWidth90 / counterfactual;
    }
}
