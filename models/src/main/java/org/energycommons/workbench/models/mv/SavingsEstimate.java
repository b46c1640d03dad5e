package org.energycommons.workbench.models.mv;

import java.io.Serializable;

/**
 * Avoided energy use over a reporting period (CalTRACK): the baseline model applied to the reporting-period
 * temperatures (the counterfactual) minus the metered usage, summed over the reporting days that hold both a
 * usage and a temperature; with the ASHRAE Guideline 14 uncertainty at 90 % (see {@link Ashrae14}).
 *
 * @param reportingDays days summed (m of the uncertainty formula)
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

    /** The 90 % interval of the savings fraction: {@code fraction ∓ halfWidth90 / counterfactual}. */
    public double fractionLower90() {
        return fraction - halfWidth90 / counterfactual;
    }

    /** Upper end of the 90 % interval of the savings fraction. */
    public double fractionUpper90() {
        return fraction + halfWidth90 / counterfactual;
    }
}
