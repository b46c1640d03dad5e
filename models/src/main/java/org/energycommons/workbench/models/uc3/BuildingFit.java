package org.energycommons.workbench.models.uc3;

import java.io.Serializable;
import java.util.Objects;
import org.energycommons.workbench.models.mv.SavingsEstimate;

/**
 * The outcome of one M&amp;V method on one run ({@link Assignment}): the fitted baseline (or why there is none), its
 * Guideline 14 statistics, the savings over the reporting period with their 90 % interval, and the daily metered and
 * predicted series over baseline and reporting periods (for the baseline-fit picture).
 *
 * @param assignment the run
 * @param method {@link SavingsFits#DAILY}, {@link SavingsFits#BILLING} or {@link SavingsFits#HOURLY}
 * @param status {@code fitted}, or {@code insufficient_data} (baseline or reporting data)
 * @param message the data-sufficiency line
 * @param model the fitted model ({@code BaselineModel}, {@code BillingModel} or {@code TowtModel}); null when none
 * @param modelType the selected candidate ({@code intercept, hdd, cdd, hdd_cdd}, or {@code towt}); null when none
 * @param cvrmse baseline CV(RMSE); NaN when none
 * @param nmbe baseline NMBE; NaN when none
 * @param n baseline points of the fit (days, periods or hours); 0 when none
 * @param p parameters of the fit; 0 when none
 * @param rho lag-1 residual autocorrelation; NaN when none
 * @param savings the savings estimate; null without a model or enough reporting data
 * @param epochDays days of the series (epoch day numbers, ascending)
 * @param metered metered usage of each day (NaN when not valid)
 * @param predicted baseline prediction of each day over the same valid points (NaN when none)
 * @param inputRows observations (days or hours) the run read
 * @param inputHash sum of 64-bit hashes of the observations (building, day or hour, usage, temperature): with
 *     {@code inputRows}, an order-independent fingerprint of the training data, summed over runs for a model
 * @param hourlyFormulaHalfWidth90 hourly method only: the Guideline 14 half-width at 90 % computed on hourly points,
 *     as a fraction of the counterfactual (the interval uses the daily-resolution one); NaN otherwise
 */
public record BuildingFit(Assignment assignment, String method, String status, String message, Serializable model,
                          String modelType, double cvrmse, double nmbe, int n, int p, double rho,
                          SavingsEstimate savings, int[] epochDays, double[] metered, double[] predicted,
                          long inputRows, long inputHash, double hourlyFormulaHalfWidth90) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** A fit with a model and savings. */
    public static final String FITTED = "fitted";
    /** Not enough baseline or reporting data. */
    public static final String INSUFFICIENT = "insufficient_data";

    public BuildingFit {
        Objects.requireNonNull(assignment, "assignment");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(status, "status");
        epochDays = epochDays == null ? new int[0] : epochDays;
        metered = metered == null ? new double[0] : metered;
        predicted = predicted == null ? new double[0] : predicted;
        if (metered.length != epochDays.length || predicted.length != epochDays.length) {
            throw new IllegalArgumentException("series of different lengths");
        }
        if (FITTED.equals(status) && (model == null || savings == null)) {
            throw new IllegalArgumentException("a fitted outcome needs a model and savings");
        }
    }

    /** A 64-bit hash of one observation (SplitMix64 finaliser over its fields). */
    public static long rowHash(String buildingId, long time, double usage, double temperature) {
        long h = buildingId.hashCode() * 0x9E3779B97F4A7C15L;
        for (long v : new long[] {time, Double.doubleToLongBits(usage), Double.doubleToLongBits(temperature)}) {
            h = (h ^ v) * 0xBF58476D1CE4E5B9L;
            h ^= h >>> 31;
        }
        return h * 0x94D049BB133111EBL ^ (h >>> 29);
    }

    /** Whether the run has a savings estimate. */
    public boolean fitted() {
        return FITTED.equals(status);
    }

    /** The building of the run. */
    public String buildingId() {
        return assignment.buildingId();
    }

    /** The role of the run. */
    public String role() {
        return assignment.role();
    }
}
