package org.energycommons.workbench.models.mv;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.Map;
import java.util.Objects;

/**
 * A fitted CalTRACK billing (monthly) baseline: the usage-per-day model of the selected candidate, fitted on billing
 * periods instead of days. The coefficients mean what they mean in {@link BaselineModel} (usage per day against the
 * mean heating and cooling degree days per day of a period), so a prediction for one day is the same formula;
 * summing daily predictions over a period gives exactly the period's prediction, because a period's regressor is
 * the mean of its days' degree days.
 *
 * <p>In {@link #fit()}, {@code n} counts billing periods (not days), CV(RMSE) and NMBE are computed on the usage per
 * day of the periods, and the residual autocorrelation is over consecutive periods.
 *
 * @param fit the selected candidate, coefficients and statistics, at billing-period resolution
 * @param periodDays the nominal length of a billing period, days
 */
public record BillingModel(BaselineModel fit, int periodDays) implements Serializable {

    private static final long serialVersionUID = 1L;

    public BillingModel {
        Objects.requireNonNull(fit, "fit");
        if (periodDays < 1) {
            throw new IllegalArgumentException("periodDays must be >= 1, got " + periodDays);
        }
    }

    /** Predicted usage of a day (usage per day at the day's temperature); NaN when its temperature is missing. */
    public double predict(DailyObservation day) {
        return fit.predict(day);
    }

    /** The model as ordered key/values for JSON. */
    public Map<String, Object> describe() {
        Map<String, Object> m = fit.describe();
        m.put("n_unit", "billing periods");
        m.put("period_days", periodDays);
        return m;
    }

    /** Writes the model with Java serialisation. */
    public void save(OutputStream out) {
        ModelStreams.write(this, out, "billing model");
    }

    /** Reads a model written by {@link #save}. */
    public static BillingModel load(InputStream in) {
        return ModelStreams.read(in, BillingModel.class, "billing model");
    }
}
