package org.energycommons.workbench.models.mv;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One hour of a building: metered usage and outdoor temperature, with the local calendar day and hour of the week
 * the hour starts in (the time-of-week-and-temperature model's inputs).
 *
 * @param hourStartEpochSecond UTC start of the hour, seconds since the epoch (consecutive hours differ by 3,600)
 * @param date the local calendar day of the hour's start
 * @param hourOfWeek local hour of the week, 0 = Monday 00:00–01:00 … 167 = Sunday 23:00–24:00
 * @param usage usage over the hour in the meter's unit, NaN when missing (or incomplete)
 * @param temperatureC outdoor temperature, °C, NaN when missing
 */
public record HourlyObservation(long hourStartEpochSecond, LocalDate date, int hourOfWeek, double usage,
                                double temperatureC) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Hours in a week. */
    public static final int HOURS_PER_WEEK = 168;

    public HourlyObservation {
        Objects.requireNonNull(date, "date");
        if (hourOfWeek < 0 || hourOfWeek >= HOURS_PER_WEEK) {
            throw new IllegalArgumentException("hourOfWeek must be in 0..167, got " + hourOfWeek);
        }
    }

    /** Whether both usage and temperature are present (finite). */
    public boolean isValid() {
        return Double.isFinite(usage) && Double.isFinite(temperatureC);
    }
}
