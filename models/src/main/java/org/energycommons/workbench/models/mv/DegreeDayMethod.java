package org.energycommons.workbench.models.mv;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How a day's heating and cooling degree days are computed from its temperatures.
 *
 * <ul>
 *   <li>{@link #DAILY}: from the day's mean temperature, {@code HDD(h) = max(0, h − T̄)} — CalTRACK 2.0 daily
 *       methods and OpenEEmeter's default ({@code degree_day_method="daily"}).</li>
 *   <li>{@link #HOURLY}: the mean of the day's hourly degree values, {@code HDD(h) = mean_k max(0, h − T_k)} over
 *       its finite hourly readings — OpenEEmeter's {@code degree_day_method="hourly"}, proposed for CalTRACK in
 *       issues #94 and #120 (degree days from degree hours when hourly temperatures exist). Because
 *       {@code max(0, ·)} is convex, it is never below the daily-mean value and captures heating at night on
 *       mild days. A day without hourly readings falls back to its mean temperature.</li>
 * </ul>
 */
public enum DegreeDayMethod {
    /** From the daily mean temperature (CalTRACK 2.0). */
    DAILY("daily"),
    /** Mean of hourly degree values (degree hours / hours). */
    HOURLY("hourly");

    private final String id;

    DegreeDayMethod(String id) {
        this.id = id;
    }

    /** {@code daily} or {@code hourly}. */
    @JsonValue
    public String id() {
        return id;
    }

    /** The method of a name. */
    @JsonCreator
    public static DegreeDayMethod ofId(String id) {
        for (DegreeDayMethod m : values()) {
            if (m.id.equals(id)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown degree-day method '" + id + "'; known: daily, hourly");
    }

    /** Heating degrees of a day at balance point {@code bp} (°C). */
    public double heating(DailyObservation d, double bp) {
        return heating(d.meanTemperatureC(), this == HOURLY ? d.hourlyTemperaturesC() : null, bp);
    }

    /** Cooling degrees of a day at balance point {@code bp} (°C). */
    public double cooling(DailyObservation d, double bp) {
        return cooling(d.meanTemperatureC(), this == HOURLY ? d.hourlyTemperaturesC() : null, bp);
    }

    /**
     * Heating degrees from a day's mean temperature and hourly temperatures: the mean of the hourly values when
     * {@code hourly} holds a finite value and the method is {@link #HOURLY}, else from the mean.
     */
    public double heating(double mean, double[] hourly, double bp) {
        return degrees(mean, hourly, bp, true);
    }

    /** Cooling degrees, as {@link #heating(double, double[], double)}. */
    public double cooling(double mean, double[] hourly, double bp) {
        return degrees(mean, hourly, bp, false);
    }

    private double degrees(double mean, double[] hourly, double bp, boolean heating) {
        if (this == HOURLY && hourly != null) {
            double s = 0;
            int k = 0;
            for (double t : hourly) {
                if (Double.isFinite(t)) {
                    s += heating ? Math.max(0, bp - t) : Math.max(0, t - bp);
                    k++;
                }
            }
            if (k > 0) {
                return s / k;
            }
        }
        return heating ? Math.max(0, bp - mean) : Math.max(0, mean - bp);
    }
}
