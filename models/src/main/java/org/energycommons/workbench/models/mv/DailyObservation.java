package org.energycommons.workbench.models.mv;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One day of a building: metered usage and the day's mean outdoor temperature, optionally with the day's hourly
 * temperatures (used only by {@link DegreeDayMethod#HOURLY}).
 *
 * <p>A day counts as present (CalTRACK data sufficiency) only when usage and mean temperature are both finite; NaN
 * marks a missing value (a meter gap, or a day whose mean temperature had fewer than half of its hourly readings,
 * see {@link DailyTemperatures}).
 *
 * @param date the local calendar day
 * @param usage usage over the day, in the meter's unit (kWh, therm, ...), NaN when missing
 * @param meanTemperatureC mean outdoor temperature of the day, °C, NaN when missing
 * @param hourlyTemperaturesC the day's hourly temperatures, °C (NaN for a missing hour); null when not known
 */
public record DailyObservation(LocalDate date, double usage, double meanTemperatureC, double[] hourlyTemperaturesC)
        implements Serializable {

    private static final long serialVersionUID = 2L;

    public DailyObservation {
        Objects.requireNonNull(date, "date");
        hourlyTemperaturesC = hourlyTemperaturesC == null ? null : hourlyTemperaturesC.clone();
    }

    /** A day without hourly temperatures. */
    public DailyObservation(LocalDate date, double usage, double meanTemperatureC) {
        this(date, usage, meanTemperatureC, null);
    }

    /** A copy of the hourly temperatures; null when not known. */
    @Override
    public double[] hourlyTemperaturesC() {
        return hourlyTemperaturesC == null ? null : hourlyTemperaturesC.clone();
    }

    /** Whether both usage and mean temperature are present (finite). */
    public boolean isValid() {
        return Double.isFinite(usage) && Double.isFinite(meanTemperatureC);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DailyObservation d && date.equals(d.date) && Double.compare(usage, d.usage) == 0
                && Double.compare(meanTemperatureC, d.meanTemperatureC) == 0
                && Arrays.equals(hourlyTemperaturesC, d.hourlyTemperaturesC);
    }

    @Override
    public int hashCode() {
        return Objects.hash(date, usage, meanTemperatureC, Arrays.hashCode(hourlyTemperaturesC));
    }

    @Override
    public String toString() {
        return "DailyObservation[date=" + date + ", usage=" + usage + ", meanTemperatureC=" + meanTemperatureC
                + (hourlyTemperaturesC == null ? "" : ", hours=" + hourlyTemperaturesC.length) + "]";
    }

    /** Valid observations in the period, sorted by date; duplicates are an error. */
    static List<DailyObservation> validIn(List<DailyObservation> observations, LocalDate start,
                                          LocalDate endExclusive) {
        if (!endExclusive.isAfter(start)) {
            throw new IllegalArgumentException("empty period " + start + ".." + endExclusive);
        }
        Set<LocalDate> seen = new HashSet<>();
        List<DailyObservation> out = new ArrayList<>();
        for (DailyObservation o : observations) {
            if (o.date().isBefore(start) || !o.date().isBefore(endExclusive)) {
                continue;
            }
            if (!seen.add(o.date())) {
                throw new IllegalArgumentException("two observations for " + o.date());
            }
            if (o.isValid()) {
                out.add(o);
            }
        }
        out.sort(Comparator.comparing(DailyObservation::date));
        return out;
    }
}
