package org.energycommons.workbench.models.mv;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A fitted time-of-week-and-temperature (TOWT) hourly baseline (Mathieu et al. 2011, LBNL; CalTRACK hourly):
 * <pre>
 *   usage(h) = α[tow(h)] + Σⱼ β_occ(tow)[j] · segⱼ(T(h))
 * </pre>
 * with {@code α} one level per local hour of the week, {@code occ(tow)} whether that hour of the week is occupied,
 * and {@code segⱼ} the piecewise-linear temperature components at the knots: {@code seg₀ = min(T, k₁)},
 * {@code segⱼ = clamp(T − kⱼ, 0, kⱼ₊₁ − kⱼ)}, {@code seg_K = max(0, T − k_K)}. Occupied and unoccupied hours have
 * their own temperature coefficients. Immutable and {@link Serializable}.
 *
 * @param knotsC temperature knots after merging sparse bins, °C, ascending (K knots, K + 1 segments)
 * @param occupied per hour of the week, whether it is occupied
 * @param timeOfWeek the level α of each hour of the week (an hour absent from the baseline gets the mean of the others)
 * @param occupiedSlopes β of the K + 1 segments for occupied hours (0 for a segment without baseline data)
 * @param unoccupiedSlopes β of the K + 1 segments for unoccupied hours
 * @param rSquared R² of the fit
 * @param adjustedRSquared adjusted R²
 * @param cvrmse ASHRAE Guideline 14 CV(RMSE) of hourly usage, n − p degrees of freedom
 * @param nmbe ASHRAE Guideline 14 NMBE
 * @param n baseline hours in the fit
 * @param p estimated parameters (hour-of-week levels with data and identified temperature coefficients)
 * @param residualAutocorrelation lag-1 autocorrelation of the residuals over consecutive hours
 * @param meanUsage mean hourly usage over the baseline
 * @param baselineStart first local day of the baseline
 * @param baselineEnd day after the last baseline day
 * @param dailyCvrmse CV(RMSE) of the residuals summed per complete local day (the uncertainty's resolution, see
 *     {@link TowtHourly}); NaN with fewer than two complete days
 * @param dailyN complete baseline days
 * @param dailyP the parameters charged to the daily residuals: {@code max(1, round(p · dailyN / n))}
 * @param dailyRho lag-1 autocorrelation of the daily summed residuals over consecutive days
 */
public record TowtModel(double[] knotsC, boolean[] occupied, double[] timeOfWeek, double[] occupiedSlopes,
                        double[] unoccupiedSlopes, double rSquared, double adjustedRSquared, double cvrmse,
                        double nmbe, int n, int p, double residualAutocorrelation, double meanUsage,
                        LocalDate baselineStart, LocalDate baselineEnd, double dailyCvrmse, int dailyN, int dailyP,
                        double dailyRho) implements Serializable {

    private static final long serialVersionUID = 1L;

    public TowtModel {
        Objects.requireNonNull(baselineStart, "baselineStart");
        Objects.requireNonNull(baselineEnd, "baselineEnd");
        knotsC = knotsC.clone();
        occupied = occupied.clone();
        timeOfWeek = timeOfWeek.clone();
        occupiedSlopes = occupiedSlopes.clone();
        unoccupiedSlopes = unoccupiedSlopes.clone();
        if (occupied.length != HourlyObservation.HOURS_PER_WEEK || timeOfWeek.length != HourlyObservation.HOURS_PER_WEEK) {
            throw new IllegalArgumentException("need 168 hour-of-week values");
        }
        if (occupiedSlopes.length != knotsC.length + 1 || unoccupiedSlopes.length != knotsC.length + 1) {
            throw new IllegalArgumentException("need " + (knotsC.length + 1) + " segment slopes for " + knotsC.length
                    + " knots");
        }
        for (int i = 1; i < knotsC.length; i++) {
            if (!(knotsC[i] > knotsC[i - 1])) {
                throw new IllegalArgumentException("knots must be strictly ascending: " + Arrays.toString(knotsC));
            }
        }
        for (double v : timeOfWeek) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("non-finite hour-of-week level");
            }
        }
    }

    /** The piecewise-linear temperature components of {@code t} at {@code knots} (K + 1 values). */
    public static double[] segments(double[] knots, double t) {
        int k = knots.length;
        double[] s = new double[k + 1];
        if (k == 0) {
            s[0] = t;
            return s;
        }
        s[0] = Math.min(t, knots[0]);
        for (int j = 1; j < k; j++) {
            s[j] = Math.max(0, Math.min(t, knots[j]) - knots[j - 1]);
        }
        s[k] = Math.max(0, t - knots[k - 1]);
        return s;
    }

    /** Predicted usage of an hour of the week at a temperature; NaN for a NaN temperature. */
    public double predict(int hourOfWeek, double temperatureC) {
        if (Double.isNaN(temperatureC)) {
            return Double.NaN;
        }
        double[] s = segments(knotsC, temperatureC);
        double[] beta = occupied[hourOfWeek] ? occupiedSlopes : unoccupiedSlopes;
        double v = timeOfWeek[hourOfWeek];
        for (int j = 0; j < s.length; j++) {
            v += beta[j] * s[j];
        }
        return v;
    }

    /** Predicted usage of an observed hour. */
    public double predict(HourlyObservation h) {
        return predict(h.hourOfWeek(), h.temperatureC());
    }

    @Override
    public double[] knotsC() {
        return knotsC.clone();
    }

    @Override
    public boolean[] occupied() {
        return occupied.clone();
    }

    @Override
    public double[] timeOfWeek() {
        return timeOfWeek.clone();
    }

    @Override
    public double[] occupiedSlopes() {
        return occupiedSlopes.clone();
    }

    @Override
    public double[] unoccupiedSlopes() {
        return unoccupiedSlopes.clone();
    }

    /** Hours of the week flagged occupied. */
    public int occupiedHours() {
        int k = 0;
        for (boolean b : occupied) {
            k += b ? 1 : 0;
        }
        return k;
    }

    /** The model as ordered key/values for JSON (hour-of-week levels summarised). */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", "towt");
        m.put("knots_c", Arrays.stream(knotsC).boxed().toList());
        m.put("occupied_hours_of_week", occupiedHours());
        m.put("occupied_slopes", Arrays.stream(occupiedSlopes).boxed().toList());
        m.put("unoccupied_slopes", Arrays.stream(unoccupiedSlopes).boxed().toList());
        Ashrae14.putFitStatistics(m, rSquared, adjustedRSquared, cvrmse, nmbe, n, p, residualAutocorrelation, meanUsage,
                baselineStart, baselineEnd);
        m.put("daily_cvrmse", finite(dailyCvrmse));
        m.put("daily_n", dailyN);
        m.put("daily_p", dailyP);
        m.put("daily_residual_autocorrelation", finite(dailyRho));
        return m;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TowtModel t && Arrays.equals(knotsC, t.knotsC) && Arrays.equals(occupied, t.occupied)
                && Arrays.equals(timeOfWeek, t.timeOfWeek) && Arrays.equals(occupiedSlopes, t.occupiedSlopes)
                && Arrays.equals(unoccupiedSlopes, t.unoccupiedSlopes) && n == t.n && p == t.p
                && Double.compare(cvrmse, t.cvrmse) == 0 && baselineStart.equals(t.baselineStart)
                && baselineEnd.equals(t.baselineEnd);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(knotsC), Arrays.hashCode(timeOfWeek), n, p, baselineStart, baselineEnd);
    }

    @Override
    public String toString() {
        return "TowtModel[knots=" + Arrays.toString(knotsC) + ", occupied=" + occupiedHours() + ", n=" + n + ", p=" + p
                + ", cvrmse=" + cvrmse + "]";
    }

    /** Writes the model with Java serialisation. */
    public void save(OutputStream out) {
        ModelStreams.write(this, out, "TOWT model");
    }

    /** Reads a model written by {@link #save}. */
    public static TowtModel load(InputStream in) {
        return ModelStreams.read(in, TowtModel.class, "TOWT model");
    }
}
