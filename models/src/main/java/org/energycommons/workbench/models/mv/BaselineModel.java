package org.energycommons.workbench.models.mv;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A fitted CalTRACK daily baseline: the selected candidate with its coefficients, balance points and fit
 * statistics. Immutable and {@link Serializable} (Java serialisation round-trips it; see {@link #save} and
 * {@link #load}).
 *
 * <p>Prediction: {@code usage = intercept + heatingSlope·HDD(h) + coolingSlope·CDD(c)}, h and c the balance points
 * (°C), the degree days of the day computed by the model's {@link DegreeDayMethod} (daily: {@code max(0, h − T̄)}
 * and {@code max(0, T̄ − c)} of the mean temperature T̄); absent terms have slope 0 and balance point NaN.
 *
 * @param type the selected candidate
 * @param intercept usage per day with no heating or cooling (meter unit / day)
 * @param heatingSlope usage per heating degree day (meter unit / (°C·day)); 0 without heating term
 * @param coolingSlope usage per cooling degree day (meter unit / (°C·day)); 0 without cooling term
 * @param heatingBalancePointC heating balance point, °C; NaN without heating term
 * @param coolingBalancePointC cooling balance point, °C; NaN without cooling term
 * @param interceptPValue two-sided p-value of the intercept
 * @param heatingPValue two-sided p-value of the heating slope; NaN without heating term
 * @param coolingPValue two-sided p-value of the cooling slope; NaN without cooling term
 * @param rSquared R² of the fit
 * @param adjustedRSquared adjusted R² (the selection criterion)
 * @param cvrmse ASHRAE Guideline 14 CV(RMSE), n − p degrees of freedom
 * @param nmbe ASHRAE Guideline 14 NMBE, n − p degrees of freedom
 * @param n baseline days in the fit
 * @param p parameters, intercept included
 * @param residualAutocorrelation lag-1 autocorrelation ρ of the residuals
 * @param meanUsage mean daily usage over the baseline
 * @param baselineStart first day of the baseline period
 * @param baselineEnd day after the last day of the baseline period (exclusive)
 * @param degreeDayMethod how the degree days of the fit (and of predictions) are computed
 */
public record BaselineModel(ModelType type, double intercept, double heatingSlope, double coolingSlope,
                            double heatingBalancePointC, double coolingBalancePointC, double interceptPValue,
                            double heatingPValue, double coolingPValue, double rSquared, double adjustedRSquared,
                            double cvrmse, double nmbe, int n, int p, double residualAutocorrelation,
                            double meanUsage, LocalDate baselineStart, LocalDate baselineEnd,
                            DegreeDayMethod degreeDayMethod) implements Serializable {

    private static final long serialVersionUID = 1L;

    public BaselineModel {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(baselineStart, "baselineStart");
        Objects.requireNonNull(baselineEnd, "baselineEnd");
        Objects.requireNonNull(degreeDayMethod, "degreeDayMethod");
        if (!Double.isFinite(intercept) || !Double.isFinite(heatingSlope) || !Double.isFinite(coolingSlope)) {
            throw new IllegalArgumentException("non-finite coefficient");
        }
        if (type.heating() == Double.isNaN(heatingBalancePointC) || type.cooling() == Double.isNaN(coolingBalancePointC)) {
            throw new IllegalArgumentException("balance points do not match the model type " + type.id());
        }
        if (!type.heating() && heatingSlope != 0 || !type.cooling() && coolingSlope != 0) {
            throw new IllegalArgumentException("a slope is set for a term the model type " + type.id() + " lacks");
        }
        if (p != type.parameters() || n < p) {
            throw new IllegalArgumentException("bad n=" + n + ", p=" + p + " for model type " + type.id());
        }
    }

    /** Heating degrees of a day: {@code max(0, h − T)}; 0 without heating term. */
    public double heatingDegrees(double temperatureC) {
        return type.heating() ? Math.max(0, heatingBalancePointC - temperatureC) : 0;
    }

    /** Cooling degrees of a day: {@code max(0, T − c)}; 0 without cooling term. */
    public double coolingDegrees(double temperatureC) {
        return type.cooling() ? Math.max(0, temperatureC - coolingBalancePointC) : 0;
    }

    /**
     * Predicted usage of a day, its degree days computed by the model's method (its hourly temperatures with
     * {@link DegreeDayMethod#HOURLY}); NaN when its mean temperature is missing.
     */
    public double predict(DailyObservation day) {
        if (Double.isNaN(day.meanTemperatureC())) {
            return Double.NaN;
        }
        double[] hourly = degreeDayMethod == DegreeDayMethod.HOURLY ? day.hourlyTemperaturesC() : null;
        double mean = day.meanTemperatureC();
        return intercept
                + (type.heating() ? heatingSlope * degreeDayMethod.heating(mean, hourly, heatingBalancePointC) : 0)
                + (type.cooling() ? coolingSlope * degreeDayMethod.cooling(mean, hourly, coolingBalancePointC) : 0);
    }

    /**
     * Predicted usage of a day of mean temperature {@code temperatureC} (°C) — with hourly degree days, of a day
     * that stays at that temperature; NaN for a NaN temperature.
     */
    public double predict(double temperatureC) {
        if (Double.isNaN(temperatureC)) {
            return Double.NaN;
        }
        return intercept + heatingSlope * heatingDegrees(temperatureC) + coolingSlope * coolingDegrees(temperatureC);
    }

    /** The model as ordered key/values for JSON (balance points in °C; non-finite values as null). */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", type.id());
        m.put("intercept", intercept);
        m.put("heating_slope", type.heating() ? heatingSlope : null);
        m.put("cooling_slope", type.cooling() ? coolingSlope : null);
        m.put("heating_balance_point_c", finite(heatingBalancePointC));
        m.put("cooling_balance_point_c", finite(coolingBalancePointC));
        m.put("intercept_p_value", finite(interceptPValue));
        m.put("heating_p_value", finite(heatingPValue));
        m.put("cooling_p_value", finite(coolingPValue));
        Ashrae14.putFitStatistics(m, rSquared, adjustedRSquared, cvrmse, nmbe, n, p, residualAutocorrelation, meanUsage,
                baselineStart, baselineEnd);
        m.put("degree_days", degreeDayMethod.id());
        return m;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /** Writes the model with Java serialisation. */
    public void save(OutputStream out) {
        ModelStreams.write(this, out, "baseline model");
    }

    /** Reads a model written by {@link #save}. */
    public static BaselineModel load(InputStream in) {
        return ModelStreams.read(in, BaselineModel.class, "baseline model");
    }
}
