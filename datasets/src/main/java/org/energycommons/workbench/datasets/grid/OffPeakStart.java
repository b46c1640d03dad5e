package org.energycommons.workbench.datasets.grid;

/**
 * The start of a meter's off-peak hours as its load curve shows it: the local half-hour at which an off-peak water
 * heater (or any load switched by the off-peak contact) turns on, read as the largest rise of the meter's mean day
 * in the evening and night window, when that rise is large enough to be a switched load and not the drift of
 * occupancy.
 *
 * <p>Why read it from the curve: the segment profiles place the off-peak block of a meter at its own off-peak start.
 * The distribution operator knows each customer's off-peak hours from the contract, but the customer exports and the
 * open data do not carry them, and the curve shows them without ambiguity (the water heater adds a block several
 * times the meter's mean half-hour). Only evening and night starts (20:00 to 02:30) are looked for; a daytime
 * off-peak period (e.g. 12:30–14:30 in split schedules) is not.
 */
public final class OffPeakStart {

    /** Half-hours of a day. */
    public static final int HALF_HOURS = 48;

    /** Longest switched block counted, in half-hours (6 hours: a large tank heating from cold). */
    public static final int MAX_BLOCK = 12;

    /** No off-peak start found. */
    public static final int NONE = -1;

    /** Earliest local half-hour looked at (20:00). */
    public static final int FIRST_HALF_HOUR = 40;

    /** Number of half-hours looked at, from {@link #FIRST_HALF_HOUR} across midnight (up to 02:30). */
    public static final int WINDOW = 14;

    /**
     * Least rise, in units of the meter's mean half-hour, of a switched load: an off-peak water heater of 2 kW on a
     * dwelling of 15 kWh a day rises by about 6; the evening fall of occupancy never rises.
     */
    public static final double MIN_RISE = 0.5;

    private OffPeakStart() {
    }

    /**
     * The off-peak start of a meter from its normalised shapes (one or more days of {@value #HALF_HOURS} values,
     * each divided by its day's mean, as uc1's {@code Uc1Features.concatenatedShapes}): the
     * half-hour (0..47) of the largest rise of the mean of its shapes over the window, or {@link #NONE} when no rise
     * reaches {@link #MIN_RISE}; the earliest half-hour wins a tie.
     */
    public static int detect(double[] shapes) {
        int hh = HALF_HOURS;
        if (shapes.length == 0 || shapes.length % hh != 0) {
            throw new IllegalArgumentException("off-peak start: " + shapes.length + " values is not a whole number of "
                    + hh + "-half-hour shapes");
        }
        double[] day = new double[hh];
        int n = shapes.length / hh;
        for (int i = 0; i < shapes.length; i++) {
            day[i % hh] += shapes[i] / n;
        }
        int best = NONE;
        double bestRise = MIN_RISE;
        for (int j = 0; j < WINDOW; j++) {
            int h = (FIRST_HALF_HOUR + j) % hh;
            double rise = day[h] - day[(h + hh - 1) % hh];
            if (rise >= bestRise && (best == NONE || rise > bestRise)) {
                best = h;
                bestRise = rise;
            }
        }
        return best;
    }

    /**
     * The energy of the switched block of a mean day, kWh per day: from the {@link #detect off-peak start}, the sum
     * over the following half-hours of the excess over the half-hour before the start, for as long as the excess
     * stays above half the rise (the block has ended when the load falls back), and at most {@value #MAX_BLOCK}
     * half-hours. 0 when no start is found.
     *
     * <p>Why: an off-peak water heater counts in a dwelling's energy performance certificate and its appliances do
     * not, but both sit in the metered base load; this block is the one part of the curve that tells them apart.
     *
     * @param meanDay kWh of each local half-hour 0..47 of the dwelling's mean day
     */
    public static double blockKwh(double[] meanDay) {
        if (meanDay.length != HALF_HOURS) {
            throw new IllegalArgumentException("off-peak block: a mean day has " + HALF_HOURS + " half-hours, got "
                    + meanDay.length);
        }
        double mean = 0;
        for (double v : meanDay) {
            mean += v / HALF_HOURS;
        }
        if (!(mean > 0)) {
            return 0.0;
        }
        double[] shape = new double[HALF_HOURS];
        for (int i = 0; i < HALF_HOURS; i++) {
            shape[i] = meanDay[i] / mean;
        }
        int start = detect(shape);
        if (start == NONE) {
            return 0.0;
        }
        double before = meanDay[(start + HALF_HOURS - 1) % HALF_HOURS];
        double rise = meanDay[start] - before;
        double block = 0;
        for (int k = 0; k < MAX_BLOCK; k++) {
            double excess = meanDay[(start + k) % HALF_HOURS] - before;
            if (excess < rise / 2) {
                break;
            }
            block += excess;
        }
        return block;
    }
}
