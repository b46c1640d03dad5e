package org.energycommons.workbench.datasets.calendar;

import java.util.Objects;

/**
 * Heating and cooling degree computations with the conventions of the French energy sector: degrees below or above
 * a base temperature, degree days from the daily minimum and maximum, and the exponentially smoothed temperature
 * that load models use to account for the thermal inertia of buildings.
 *
 * <p>All temperatures are in degrees Celsius. A {@code NaN} temperature or base (a missing observation) gives a
 * {@code NaN} result instead of an exception, so that gaps stay visible downstream.
 */
public final class DegreeDays {

    /**
     * Default heating base, 18 °C: the threshold of the French heating degree days ("degrés-jours unifiés", DJU)
     * published by Météo-France and used across the energy sector. Below a daily mean of about 18 °C outdoors,
     * heating is needed to keep a building at 19-20 °C; above it, solar and internal gains are enough.
     */
    public static final double DEFAULT_HEATING_BASE_C = 18.0;

    /**
     * Default cooling base, 22 °C: higher than the heating base, because air conditioning is switched on only when
     * it is clearly warm and buildings stay comfortable a few degrees above 18 °C. Between 18 and 22 °C neither
     * heating nor cooling degrees accrue, the comfort band in which the French load shows little temperature
     * sensitivity.
     */
    public static final double DEFAULT_COOLING_BASE_C = 22.0;

    private DegreeDays() {
    }

    /**
     * Returns the heating degrees of a temperature: {@code max(0, base - t)}.
     *
     * @param temperatureC the temperature, °C
     * @param baseC the heating base, °C, e.g. {@link #DEFAULT_HEATING_BASE_C}
     * @return the heating degrees, °C, or {@code NaN} when an argument is {@code NaN}
     */
    public static double heatingDegrees(double temperatureC, double baseC) {
        if (Double.isNaN(temperatureC) || Double.isNaN(baseC)) {
            return Double.NaN;
        }
        return Math.max(0.0, baseC - temperatureC);
    }

    /**
     * Returns the cooling degrees of a temperature: {@code max(0, t - base)}.
     *
     * @param temperatureC the temperature, °C
     * @param baseC the cooling base, °C, e.g. {@link #DEFAULT_COOLING_BASE_C}
     * @return the cooling degrees, °C, or {@code NaN} when an argument is {@code NaN}
     */
    public static double coolingDegrees(double temperatureC, double baseC) {
        if (Double.isNaN(temperatureC) || Double.isNaN(baseC)) {
            return Double.NaN;
        }
        return Math.max(0.0, temperatureC - baseC);
    }

    /**
     * Returns the daily mean temperature of the "méthode météo" of Météo-France: {@code (tMin + tMax) / 2}. The
     * order of the two arguments does not matter.
     */
    public static double dailyMean(double tMinC, double tMaxC) {
        return (tMinC + tMaxC) / 2.0;
    }

    /**
     * Returns the heating degree day of one day by the "méthode météo": the heating degrees of the daily mean
     * {@code (tMin + tMax) / 2}.
     *
     * @param tMinC the daily minimum temperature, °C
     * @param tMaxC the daily maximum temperature, °C
     * @param baseC the heating base, °C, e.g. {@link #DEFAULT_HEATING_BASE_C}
     * @return the heating degree day, °C·day, or {@code NaN} when an argument is {@code NaN}
     */
    public static double heatingDegreeDay(double tMinC, double tMaxC, double baseC) {
        return heatingDegrees(dailyMean(tMinC, tMaxC), baseC);
    }

    /**
     * Returns the cooling degree day of one day by the "méthode météo": the cooling degrees of the daily mean
     * {@code (tMin + tMax) / 2}.
     *
     * @param tMinC the daily minimum temperature, °C
     * @param tMaxC the daily maximum temperature, °C
     * @param baseC the cooling base, °C, e.g. {@link #DEFAULT_COOLING_BASE_C}
     * @return the cooling degree day, °C·day, or {@code NaN} when an argument is {@code NaN}
     */
    public static double coolingDegreeDay(double tMinC, double tMaxC, double baseC) {
        return coolingDegrees(dailyMean(tMinC, tMaxC), baseC);
    }

    /**
     * Returns the exponentially smoothed effective temperature of a series of daily means:
     * {@code Te(0) = T(0)} and {@code Te(d) = alpha * T(d) + (1 - alpha) * Te(d - 1)}. A small {@code alpha} gives
     * a long memory (a heavy building); {@code alpha = 1} applies no smoothing.
     *
     * <p>A {@code NaN} day makes that day and every later one {@code NaN}: fill gaps before smoothing.
     *
     * @param dailyMeanC the daily mean temperatures in date order, °C; not modified
     * @param alpha the smoothing weight of the current day, in (0, 1]
     * @return a new array of the same length
     * @throws IllegalArgumentException when {@code alpha} is not in (0, 1]
     */
    public static double[] smoothedTemperature(double[] dailyMeanC, double alpha) {
        Objects.requireNonNull(dailyMeanC, "dailyMeanC");
        if (!(alpha > 0.0 && alpha <= 1.0)) {
            throw new IllegalArgumentException("smoothing factor alpha must be in (0, 1], got " + alpha);
        }
        double[] smoothed = new double[dailyMeanC.length];
        for (int d = 0; d < dailyMeanC.length; d++) {
            smoothed[d] = d == 0 ? dailyMeanC[0] : alpha * dailyMeanC[d] + (1.0 - alpha) * smoothed[d - 1];
        }
        return smoothed;
    }
}
