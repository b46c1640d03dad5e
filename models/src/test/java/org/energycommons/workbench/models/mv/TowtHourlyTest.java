package org.energycommons.workbench.models.mv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The TOWT hourly method on hand-made hours with known coefficients. */
class TowtHourlyTest {

    private static final LocalDate START = LocalDate.of(2022, 1, 3); // a Monday
    private static final TowtHourly METHOD = TowtHourly.defaults();
    private static final double[] OCCUPIED_SLOPES = {-0.3, -0.25, -0.2, -0.1, 0.05, 0.2, 0.3};
    private static final double[] UNOCCUPIED_SLOPES = {-0.2, -0.15, -0.1, -0.05, 0.0, 0.1, 0.15};

    private static boolean occupied(int tow) {
        int day = tow / 24;
        int hour = tow % 24;
        return day < 5 && hour >= 8 && hour < 18;
    }

    private static double level(int tow) {
        return 5 + (occupied(tow) ? 12 : 0) + 0.01 * tow;
    }

    /** Hours over {@code days} days: temperature −8 … 36 °C over a year plus a daily cycle; exact usage. */
    static List<HourlyObservation> hours(int days, double after, LocalDate works) {
        List<HourlyObservation> out = new ArrayList<>();
        long epoch = START.toEpochDay() * 86_400;
        for (int d = 0; d < days; d++) {
            LocalDate date = START.plusDays(d);
            for (int h = 0; h < 24; h++) {
                int tow = (d % 7) * 24 + h;
                double t = 14 - 18 * Math.cos(2 * Math.PI * d / 365.0) + 4 * Math.sin(2 * Math.PI * (h - 9) / 24.0);
                double[] s = TowtModel.segments(METHOD.knotsC(), t);
                double[] beta = occupied(tow) ? OCCUPIED_SLOPES : UNOCCUPIED_SLOPES;
                double u = level(tow);
                for (int j = 0; j < s.length; j++) {
                    u += beta[j] * s[j];
                }
                if (works != null && !date.isBefore(works)) {
                    u *= after;
                }
                out.add(new HourlyObservation(epoch + (d * 24L + h) * 3600, date, tow, u, t));
            }
        }
        return out;
    }

    @Test
    void recoversTheTimeOfWeekLevelsAndTemperatureSlopes() {
        TowtHourly.Outcome o = METHOD.fitBaseline(hours(365, 1, null), START, START.plusDays(365));
        assertTrue(o.fitted(), o.message());
        TowtModel m = o.model();
        assertArrayEquals(METHOD.knotsC(), m.knotsC(), 0, "no bin is sparse");
        assertEquals(50, m.occupiedHours());
        for (int tow = 0; tow < 168; tow++) {
            assertEquals(occupied(tow), m.occupied()[tow], "hour of week " + tow);
            assertEquals(level(tow), m.timeOfWeek()[tow], 1e-6, "level of hour of week " + tow);
        }
        assertArrayEquals(OCCUPIED_SLOPES, m.occupiedSlopes(), 1e-7);
        assertArrayEquals(UNOCCUPIED_SLOPES, m.unoccupiedSlopes(), 1e-7);
        assertEquals(168 + 14, m.p());
        assertEquals(365 * 24, m.n());
        assertEquals(0, m.cvrmse(), 1e-9);
        assertEquals(365, m.dailyN());
    }

    @Test
    void savingsRecoverAConstructedFifteenPercentReduction() {
        LocalDate works = START.plusDays(365);
        List<HourlyObservation> h = hours(500, 0.85, works);
        TowtModel m = METHOD.fitBaseline(h, START, works).model();
        SavingsEstimate s = METHOD.savings(m, h, works, START.plusDays(500));
        assertEquals(0.15, s.fraction(), 1e-9);
        assertEquals(135 * 24, s.reportingDays());
    }

    @Test
    void sparseTemperatureBinsAreMerged() {
        // Temperatures only in 10..20 °C: the bins below 7.22 and above 23.89 °C are empty and merge away.
        double[] t = new double[1000];
        for (int i = 0; i < t.length; i++) {
            t[i] = 10 + 10.0 * i / t.length;
        }
        assertArrayEquals(new double[] {12.78, 18.33}, METHOD.mergedKnots(t), 0);
        assertArrayEquals(new double[0], new TowtHourly(new double[] {0, 5}, 0.65, 20, 0.9).mergedKnots(new double[5]));
    }

    @Test
    void aColumnWithoutVariationIsDroppedNotSingular() {
        double[][] g = {{4, 0, 2}, {0, 0, 0}, {2, 0, 5}};
        double[] r = {2, 0, 3};
        boolean[] kept = new boolean[3];
        double[] beta = TowtHourly.solveDropping(g, r, kept);
        assertArrayEquals(new boolean[] {true, false, true}, kept);
        assertEquals(0, beta[1]);
        assertEquals(4 * beta[0] + 2 * beta[2], 2, 1e-12);
        assertEquals(2 * beta[0] + 5 * beta[2], 3, 1e-12);
    }

    @Test
    void tooFewHoursIsAnInsufficientDataOutcome() {
        List<HourlyObservation> h = hours(365, 1, null);
        Random r = new Random(3);
        List<HourlyObservation> holes = new ArrayList<>();
        for (HourlyObservation o : h) {
            holes.add(r.nextDouble() < 0.15 ? new HourlyObservation(o.hourStartEpochSecond(), o.date(), o.hourOfWeek(),
                    Double.NaN, o.temperatureC()) : o);
        }
        TowtHourly.Outcome o = METHOD.fitBaseline(holes, START, START.plusDays(365));
        assertFalse(o.fitted());
        assertTrue(o.message().startsWith("insufficient data: "), o.message());
        assertTrue(o.message().endsWith("< 90 %"), o.message());
        assertFalse(METHOD.fitBaseline(List.of(), START, START.plusDays(365)).fitted());
        assertThrows(IllegalArgumentException.class, () -> METHOD.fitBaseline(List.of(h.get(0), h.get(0)), START,
                START.plusDays(365)));
    }

    @Test
    void aFittedTowtModelSurvivesSerialisation() {
        TowtModel m = METHOD.fitBaseline(hours(365, 1, null), START, START.plusDays(365)).model();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.save(out);
        TowtModel back = TowtModel.load(new ByteArrayInputStream(out.toByteArray()));
        assertEquals(m, back);
        assertEquals(m.predict(30, 3.5), back.predict(30, 3.5), 0);
    }
}
