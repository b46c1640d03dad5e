package org.energycommons.workbench.models.mv;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;

/**
 * The CalTRACK data-sufficiency check of a period: the share of its calendar days that hold a valid observation
 * (usage and mean temperature both present) must reach {@code requiredFraction} (CalTRACK daily: 90 % of a 365-day
 * baseline).
 *
 * @param period "baseline" or "reporting", for the message
 * @param start first day of the period
 * @param endExclusive day after the last day of the period
 * @param validDays days of the period with a valid observation
 * @param requiredFraction the share required, in (0, 1]
 */
public record DataSufficiency(String period, LocalDate start, LocalDate endExclusive, int validDays,
                              double requiredFraction) implements Serializable {

    private static final long serialVersionUID = 1L;

    public DataSufficiency {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(endExclusive, "endExclusive");
        if (!endExclusive.isAfter(start)) {
            throw new IllegalArgumentException("empty " + period + " period " + start + ".." + endExclusive);
        }
        if (validDays < 0 || validDays > ChronoUnit.DAYS.between(start, endExclusive)) {
            throw new IllegalArgumentException(validDays + " valid days in a period of "
                    + ChronoUnit.DAYS.between(start, endExclusive));
        }
        if (!(requiredFraction > 0 && requiredFraction <= 1)) {
            throw new IllegalArgumentException("requiredFraction must be in (0, 1], got " + requiredFraction);
        }
    }

    /** Calendar days of the period. */
    public int expectedDays() {
        return (int) ChronoUnit.DAYS.between(start, endExclusive);
    }

    /** validDays / expectedDays. */
    public double fraction() {
        return validDays / (double) expectedDays();
    }

    /** Whether the period holds enough valid days. */
    public boolean sufficient() {
        return validDays >= Math.ceil(requiredFraction * expectedDays() - 1e-9);
    }

    /**
     * One line, e.g. {@code insufficient data: 300 of 365 baseline days (82 %) < 90 %}, or
     * {@code sufficient data: 365 of 365 baseline days (100 %) >= 90 %}. The share is rounded down, so it never
     * reads as reaching the requirement when it does not.
     */
    public String message() {
        String share = (int) Math.floor(fraction() * 100 + 1e-9) + " %";
        String required = percent(requiredFraction);
        return sufficient()
                ? String.format(Locale.ROOT, "sufficient data: %d of %d %s days (%s) >= %s", validDays,
                        expectedDays(), period, share, required)
                : String.format(Locale.ROOT, "insufficient data: %d of %d %s days (%s) < %s", validDays,
                        expectedDays(), period, share, required);
    }

    private static String percent(double f) {
        double v = f * 100;
        return (v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v)) + " %";
    }
}
