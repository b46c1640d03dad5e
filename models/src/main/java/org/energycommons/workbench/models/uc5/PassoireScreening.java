package org.energycommons.workbench.models.uc5;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;

import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.energycommons.workbench.datasets.building.DpeThresholds;
import smile.stat.distribution.GaussianDistribution;

/**
 * The screening of probable passoires (DPE class F or G) from an intensity model's predictions: a dwelling is
 * flagged when, under a normal error of the model's out-of-fold scale, the probability that its primary energy or
 * its GHG emissions reach class F is at least the screening probability.
 *
 * <p>Why not read the flag off the predicted class: a regression fitted by least squares predicts the conditional
 * mean, so a dwelling whose true intensity lies just above the F bound is predicted on either side of it about as
 * often, and the share of passoires found (the F/G recall the programme is judged on) stays near one half for the
 * dwellings close to the bound however good the model is. A screening meant to send auditors to passoires weighs a
 * missed passoire more than a needless visit: with a cost ratio {@code r}, the visit pays off from a probability of
 * {@code 1 / (1 + r)} on, 1/3 for a missed passoire counted twice a needless visit
 * ({@link Uc5Options#screeningProbability}). The predicted class is left as it is (the within-one-class accuracy
 * reads it); the flag is a separate column, {@value #FLAGGED_FG}, and its precision is published beside its recall.
 *
 * <p>The probability is {@code max(P(pe ≥ F bound), P(ghg ≥ F bound))} (the larger of the two tail probabilities,
 * a lower bound of the probability of either whatever their dependence), under a normal error <b>of the log</b> of
 * each intensity: the rule is the predicted class of both intensities multiplied by {@code exp(z σ)}, where {@code z}
 * is the standard normal quantile of {@code 1 − probability}. The error is multiplicative because it grows with the
 * intensity: on the default region's out-of-fold residuals against the certificates, the ridge model's root mean
 * square error is 31 kWh/m² in the lowest quarter of its predictions and 64 in the highest (the quarter around the
 * F bound), while the error of the log stays between 0.15 and 0.26; an additive scale, the mean over all dwellings,
 * was too narrow exactly where the screening decides. The scales {@code σ} are the root mean square of the model's
 * out-of-fold log residuals {@code ln(certificate / prediction)} against the certificates: they hold the model's
 * error and the certificates' own noise, and never read a held-out certificate or the truth.
 *
 * @param peLogScale σ of the log error of primary energy (0: the flag is the predicted class)
 * @param ghgLogScale σ of the log error of GHG emissions
 * @param probability the probability of being F or G from which a dwelling is flagged
 * @param residuals the residuals the scales were estimated from
 */
public record PassoireScreening(double peLogScale, double ghgLogScale, double probability, int residuals) {

    /** Column of the screening flag: a probable passoire. */
    public static final String FLAGGED_FG = "flagged_fg";

    public PassoireScreening {
        if (!(peLogScale >= 0) || !(ghgLogScale >= 0) || Double.isInfinite(peLogScale)
                || Double.isInfinite(ghgLogScale)) {
            throw new IllegalArgumentException("screening scales must be finite and >= 0, got " + peLogScale
                    + " and " + ghgLogScale);
        }
        if (!(probability > 0 && probability < 1)) {
            throw new IllegalArgumentException("screening probability must be in (0, 1), got " + probability);
        }
        if (residuals < 0) {
            throw new IllegalArgumentException("residuals must be >= 0, got " + residuals);
        }
    }

    /**
     * The screening whose scales are the root mean square of log residuals {@code ln(certificate / prediction)}
     * (non-finite ones left out); no residual gives zero scales.
     */
    public static PassoireScreening fromLogResiduals(double[] peLogResiduals, double[] ghgLogResiduals,
                                                     double probability) {
        if (peLogResiduals.length != ghgLogResiduals.length) {
            throw new IllegalArgumentException("residuals differ in length: " + peLogResiduals.length + " and "
                    + ghgLogResiduals.length);
        }
        return new PassoireScreening(rms(peLogResiduals), rms(ghgLogResiduals), probability, peLogResiduals.length);
    }

    /** The log residual {@code ln(certificate / prediction)}; NaN unless both are positive. */
    public static double logResidual(double certificate, double prediction) {
        return certificate > 0 && prediction > 0 ? Math.log(certificate / prediction) : Double.NaN;
    }

    private static double rms(double[] values) {
        double sum = 0;
        int n = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                sum += v * v;
                n++;
            }
        }
        return n == 0 ? 0.0 : Math.sqrt(sum / n);
    }

    /** The number of scales by which both intensities are raised: the normal quantile of {@code 1 − probability}. */
    public double margin() {
        return GaussianDistribution.getInstance().quantile(1 - probability);
    }

    /** Whether a dwelling with these predicted intensities is flagged. */
    public boolean flags(double predictedPe, double predictedGhg, double surfaceM2, LocalDate issuedOn) {
        double z = margin();
        double pe = Math.max(0.0, predictedPe * Math.exp(z * peLogScale));
        double ghg = Math.max(0.0, predictedGhg * Math.exp(z * ghgLogScale));
        return DpeThresholds.isPassoire(DpeThresholds.officialClass(pe, ghg, surfaceM2, issuedOn));
    }

    /**
     * The flag as a column of rows carrying {@link DpeModel#PREDICTED_PE}, {@link DpeModel#PREDICTED_GHG},
     * {@code surface_m2} and {@code reference_date}.
     */
    public Column flag() {
        double z = margin();
        Column pe = greatest(lit(0.0), col(DpeModel.PREDICTED_PE).multiply(Math.exp(z * peLogScale)));
        Column ghg = greatest(lit(0.0), col(DpeModel.PREDICTED_GHG).multiply(Math.exp(z * ghgLogScale)));
        return DpeThresholds.officialClass(pe, ghg, col("surface_m2"), col("reference_date"))
                .isin(DpeThresholds.PASSOIRES.toArray());
    }

    /** The flag of a classifier, which has no intensity: its predicted class is F or G. */
    public static Column byPredictedClass() {
        return col(DpeModel.PREDICTED_CLASS).isin(DpeThresholds.PASSOIRES.toArray());
    }
}
