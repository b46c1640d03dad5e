package org.energycommons.workbench.models.mv;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Daily mean temperatures from hourly readings, the CalTRACK way.
 *
 * <p>Rule: a reading belongs to the local calendar day of its own timestamp (its offset, so daylight-saving days
 * hold 23 or 25 readings); the day's mean is the arithmetic mean of its finite readings, and the day is kept only
 * when it has at least {@code minHourFraction × 24} finite readings (CalTRACK: 50 % of the hours, i.e. 12);
 * otherwise the day is missing (absent from the result) and counts against data sufficiency.
 */
public final class DailyTemperatures {

    /** CalTRACK's minimum share of hourly readings for a day's mean temperature. */
    public static final double CALTRACK_MIN_HOUR_FRACTION = 0.5;

    private DailyTemperatures() {
    }

    /** One hourly reading. */
    public record Hourly(OffsetDateTime time, double value) {
        public Hourly {
            Objects.requireNonNull(time, "time");
        }
    }

    /**
     * Daily means by local date, in date order; days with too few finite readings are left out.
     *
     * @param hourly readings, any order
     * @param minHourFraction share of 24 readings a day needs, in (0, 1]
     */
    public static TreeMap<LocalDate, Double> dailyMeans(Iterable<Hourly> hourly, double minHourFraction) {
        if (!(minHourFraction > 0 && minHourFraction <= 1)) {
            throw new IllegalArgumentException("minHourFraction must be in (0, 1], got " + minHourFraction);
        }
        Map<LocalDate, double[]> acc = new TreeMap<>();
        for (Hourly h : hourly) {
            if (Double.isFinite(h.value())) {
                double[] a = acc.computeIfAbsent(h.time().toLocalDate(), d -> new double[2]);
                a[0] += h.value();
                a[1]++;
            }
        }
        double needed = minHourFraction * 24;
        TreeMap<LocalDate, Double> out = new TreeMap<>();
        acc.forEach((d, a) -> {
            if (a[1] >= needed - 1e-9) {
                out.put(d, a[0] / a[1]);
            }
        });
        return out;
    }

    /**
     * The readings of each local day in time order (NaN kept), for {@link DegreeDayMethod#HOURLY}; apply the
     * {@link #dailyMeans} rule to decide which days have a valid mean.
     */
    public static TreeMap<LocalDate, double[]> hourlyByDay(Iterable<Hourly> hourly) {
        TreeMap<LocalDate, List<Hourly>> acc = new TreeMap<>();
        for (Hourly h : hourly) {
            acc.computeIfAbsent(h.time().toLocalDate(), d -> new ArrayList<>()).add(h);
        }
        TreeMap<LocalDate, double[]> out = new TreeMap<>();
        acc.forEach((d, list) -> {
            list.sort(Comparator.comparing(h -> h.time().toInstant()));
            out.put(d, list.stream().mapToDouble(Hourly::value).toArray());
        });
        return out;
    }

    /** °F to °C. */
    public static double fahrenheitToCelsius(double f) {
        return (f - 32) / 1.8;
    }

    /** °C to °F. */
    public static double celsiusToFahrenheit(double c) {
        return c * 1.8 + 32;
    }
}
