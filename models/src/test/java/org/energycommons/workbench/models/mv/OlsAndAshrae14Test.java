package org.energycommons.workbench.models.mv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class OlsAndAshrae14Test {

    /** Anscombe's quartet, set I: the textbook regression (R: lm(y1 ~ x1)). */
    @Test
    void olsMatchesTheKnownAnscombeRegression() {
        double[] x = {10, 8, 13, 9, 11, 14, 6, 4, 12, 7, 5};
        double[] y = {8.04, 6.95, 7.58, 8.81, 8.33, 9.96, 7.24, 4.26, 10.84, 4.82, 5.68};
        Ols.Fit f = Ols.fit(y, x);
        assertEquals(3.000091, f.coefficients()[0], 1e-6);
        assertEquals(0.500091, f.coefficients()[1], 1e-6);
        assertEquals(1.124747, f.standardErrors()[0], 1e-6);
        assertEquals(0.117906, f.standardErrors()[1], 1e-6);
        assertEquals(2.667348, f.tValues()[0], 1e-5);
        assertEquals(4.241455, f.tValues()[1], 1e-5);
        assertEquals(0.025734, f.pValues()[0], 1e-6);
        assertEquals(0.0021696, f.pValues()[1], 1e-7);
        assertEquals(0.666542, f.rSquared(), 1e-6);
        assertEquals(1 - (1 - 0.666542) * 10 / 9, f.adjustedRSquared(), 1e-6);
        assertEquals(11, f.n());
        assertEquals(2, f.p());
    }

    /** Two regressors, checked against numpy/scipy (lstsq, t.sf with 5 degrees of freedom). */
    @Test
    void olsWithTwoRegressorsMatchesAReferenceImplementation() {
        double[] x1 = {1, 2, 3, 4, 5, 6, 7, 8};
        double[] x2 = {0, 0, 1, 0, 2, 3, 1, 4};
        double[] y = {3.1, 4.9, 8.2, 8.8, 13.1, 16.2, 15.1, 20.3};
        Ols.Fit f = Ols.fit(y, x1, x2);
        assertEquals(1.52565923, f.coefficients()[0], 1e-7);
        assertEquals(1.77641988, f.coefficients()[1], 1e-7);
        assertEquals(1.23123732, f.coefficients()[2], 1e-7);
        assertEquals(0.24336878, f.standardErrors()[0], 1e-7);
        assertEquals(0.07267947, f.standardErrors()[1], 1e-7);
        assertEquals(0.11821688, f.standardErrors()[2], 1e-7);
        assertEquals(1.51590755e-03, f.pValues()[0], 1e-8);
        assertEquals(2.13735561e-06, f.pValues()[1], 1e-10);
        assertEquals(1.40612877e-04, f.pValues()[2], 1e-9);
        assertEquals(0.99767258, f.adjustedRSquared(), 1e-7);
    }

    @Test
    void olsRejectsSingularDesignsAndTooFewPoints() {
        assertThrows(IllegalArgumentException.class, () -> Ols.fit(new double[] {1, 2, 3}, new double[] {0, 0, 0}));
        assertThrows(IllegalArgumentException.class,
                () -> Ols.fit(new double[] {1, 2, 3}, new double[] {1, 2, 3}, new double[] {2, 4, 6}));
        assertThrows(IllegalArgumentException.class, () -> Ols.fit(new double[] {1}, new double[] {1}));
        Ols.Fit intercept = Ols.fit(new double[] {2, 4, 6});
        assertEquals(4, intercept.coefficients()[0], 1e-12);
        assertEquals(0, intercept.adjustedRSquared(), 1e-12);
    }

    @Test
    void tQuantilesMatchTheTables() {
        assertEquals(1.812461, Ols.tQuantileTwoSided(0.90, 10), 1e-5);
        assertEquals(1.649062, Ols.tQuantileTwoSided(0.90, 363), 1e-5);
        assertEquals(2.228139, Ols.tQuantileTwoSided(0.95, 10), 1e-5);
    }

    @Test
    void cvrmseAndNmbeUseNMinusPDegreesOfFreedom() {
        double[] y = {10, 12, 14, 16}; // mean 13
        double[] unbiased = {11, 11, 15, 15}; // residuals -1, 1, -1, 1
        double[] biased = {9, 11, 13, 15}; // residuals 1, 1, 1, 1
        // sqrt(4 / (4 - 2)) / 13
        assertEquals(Math.sqrt(2) / 13, Ashrae14.cvrmse(y, unbiased, 2), 1e-12);
        assertEquals(0.0, Ashrae14.nmbe(y, unbiased, 2), 1e-12);
        assertEquals(Math.sqrt(2) / 13, Ashrae14.cvrmse(y, biased, 2), 1e-12);
        // 4 / ((4 - 2) * 13)
        assertEquals(4.0 / 26, Ashrae14.nmbe(y, biased, 2), 1e-12);
        assertTrue(Double.isNaN(Ashrae14.cvrmse(y, biased, 4)));
        assertThrows(IllegalArgumentException.class, () -> Ashrae14.cvrmse(y, new double[3], 1));
    }

    @Test
    void lag1AutocorrelationSkipsCalendarGaps() {
        double[] e = {1, -1, 1, -1};
        assertEquals(-0.75, Ashrae14.lag1Autocorrelation(e, null), 1e-12);
        assertEquals(-0.5, Ashrae14.lag1Autocorrelation(e, new boolean[] {false, true, false, true}), 1e-12);
        assertEquals(0.75, Ashrae14.lag1Autocorrelation(new double[] {1, 1, 1, 1}, null), 1e-12);
        assertEquals(100, Ashrae14.effectiveN(100, -0.4), 1e-12); // negative ρ earns no credit
        assertEquals(100 * 0.5 / 1.5, Ashrae14.effectiveN(100, 0.5), 1e-12);
    }

    @Test
    void fractionalSavingsUncertaintyFollowsGuideline14() {
        int n = 365;
        int p = 3;
        int m = 365;
        double cv = 0.12;
        double rho = 0.4;
        double nEff = n * (1 - rho) / (1 + rho);
        double t = Ols.tQuantileTwoSided(0.90, n - p);
        double expected = 1.26 * t * cv * Math.sqrt((n / nEff) * (1 + 2 / nEff) * (1.0 / m)) / 0.10;
        assertEquals(expected, Ashrae14.fractionalSavingsUncertainty(cv, n, p, rho, m, 0.90, 0.10), 1e-12);
        // by hand (scipy): t(0.95, 362) = 1.649074, n' = 156.43, n/n' = 2.3333, 1 + 2/n' = 1.012785 → 0.200628
        assertEquals(0.200628, expected, 1e-5);
        assertTrue(Double.isNaN(Ashrae14.fractionalSavingsUncertainty(cv, n, p, rho, m, 0.90, 0)));
    }

    @Test
    void dailyMeansNeedHalfOfTheHoursAndUseLocalDays() {
        List<DailyTemperatures.Hourly> h = new ArrayList<>();
        ZoneOffset cst = ZoneOffset.ofHours(-6);
        for (int i = 0; i < 24; i++) { // a full day at 10 °C
            h.add(new DailyTemperatures.Hourly(OffsetDateTime.of(2016, 1, 1, i, 0, 0, 0, cst), 10));
        }
        for (int i = 0; i < 12; i++) { // half a day: kept
            h.add(new DailyTemperatures.Hourly(OffsetDateTime.of(2016, 1, 2, i, 0, 0, 0, cst), i));
        }
        for (int i = 0; i < 11; i++) { // less than half: missing
            h.add(new DailyTemperatures.Hourly(OffsetDateTime.of(2016, 1, 3, i, 0, 0, 0, cst), 5));
        }
        h.add(new DailyTemperatures.Hourly(OffsetDateTime.of(2016, 1, 3, 12, 0, 0, 0, cst), Double.NaN));
        TreeMap<LocalDate, Double> d = DailyTemperatures.dailyMeans(h, DailyTemperatures.CALTRACK_MIN_HOUR_FRACTION);
        assertEquals(2, d.size());
        assertEquals(10, d.get(LocalDate.of(2016, 1, 1)), 1e-12);
        assertEquals(5.5, d.get(LocalDate.of(2016, 1, 2)), 1e-12);
        assertEquals(12, DailyTemperatures.hourlyByDay(h).get(LocalDate.of(2016, 1, 2)).length);
        assertEquals(12, DailyTemperatures.hourlyByDay(h).get(LocalDate.of(2016, 1, 3)).length); // NaN kept
        assertEquals(15.0, DailyTemperatures.fahrenheitToCelsius(59), 1e-12);
        assertEquals(59.0, DailyTemperatures.celsiusToFahrenheit(15), 1e-12);
    }
}
