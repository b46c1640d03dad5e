package org.energycommons.workbench.datasets.calendar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DegreeDaysTest {

    private static final double EPS = 1e-12;

    @Test
    void defaultBases() {
        assertEquals(18.0, DegreeDays.DEFAULT_HEATING_BASE_C, EPS);
        assertEquals(22.0, DegreeDays.DEFAULT_COOLING_BASE_C, EPS);
    }

    @Test
    void heatingDegrees() {
        assertEquals(8.0, DegreeDays.heatingDegrees(10.0, 18.0), EPS);
        assertEquals(23.5, DegreeDays.heatingDegrees(-5.5, 18.0), EPS);
        assertEquals(0.0, DegreeDays.heatingDegrees(18.0, 18.0), EPS);
        assertEquals(0.0, DegreeDays.heatingDegrees(25.0, 18.0), EPS);
    }

    @Test
    void coolingDegrees() {
        assertEquals(3.0, DegreeDays.coolingDegrees(25.0, 22.0), EPS);
        assertEquals(0.0, DegreeDays.coolingDegrees(22.0, 22.0), EPS);
        assertEquals(0.0, DegreeDays.coolingDegrees(10.0, 22.0), EPS);
    }

    @Test
    void nanInGivesNanOut() {
        assertTrue(Double.isNaN(DegreeDays.heatingDegrees(Double.NaN, 18.0)));
        assertTrue(Double.isNaN(DegreeDays.heatingDegrees(10.0, Double.NaN)));
        assertTrue(Double.isNaN(DegreeDays.coolingDegrees(Double.NaN, 22.0)));
        assertTrue(Double.isNaN(DegreeDays.coolingDegrees(30.0, Double.NaN)));
        assertTrue(Double.isNaN(DegreeDays.heatingDegreeDay(Double.NaN, 10.0, 18.0)));
        assertTrue(Double.isNaN(DegreeDays.coolingDegreeDay(20.0, Double.NaN, 22.0)));
    }

    @Test
    void heatingDegreeDayUsesTheDailyMean() {
        assertEquals(12.0, DegreeDays.heatingDegreeDay(2.0, 10.0, 18.0), EPS);
        assertEquals(9.9, DegreeDays.heatingDegreeDay(4.3, 11.9, 18.0), 1e-9);
        // a day with a cold night but a mean above the base counts no heating degree
        assertEquals(0.0, DegreeDays.heatingDegreeDay(12.0, 26.0, 18.0), EPS);
        assertEquals(DegreeDays.heatingDegreeDay(2.0, 10.0, 18.0), DegreeDays.heatingDegreeDay(10.0, 2.0, 18.0),
                EPS);
    }

    @Test
    void coolingDegreeDayUsesTheDailyMean() {
        assertEquals(2.0, DegreeDays.coolingDegreeDay(18.0, 30.0, 22.0), EPS);
        assertEquals(0.0, DegreeDays.coolingDegreeDay(15.0, 25.0, 22.0), EPS);
        assertEquals(4.25, DegreeDays.coolingDegreeDay(19.5, 33.0, 22.0), EPS);
    }

    @Test
    void dailyMean() {
        assertEquals(7.5, DegreeDays.dailyMean(-2.0, 17.0), EPS);
    }

    @Test
    void smoothedTemperature() {
        double[] input = {10.0, 20.0, 20.0, 0.0};
        assertArrayEquals(new double[] {10.0, 15.0, 17.5, 8.75}, DegreeDays.smoothedTemperature(input, 0.5), EPS);
        assertArrayEquals(new double[] {10.0, 20.0, 20.0, 0.0}, input, 0.0, "input left unchanged");
        assertArrayEquals(new double[] {10.0, 12.0, 13.6, 10.88}, DegreeDays.smoothedTemperature(input, 0.2),
                1e-9);
    }

    @Test
    void alphaOneAppliesNoSmoothing() {
        double[] input = {3.0, -1.0, 7.25};
        assertArrayEquals(input, DegreeDays.smoothedTemperature(input, 1.0), EPS);
    }

    @Test
    void constantSeriesStaysConstantAndEmptyStaysEmpty() {
        assertArrayEquals(new double[] {5.0, 5.0, 5.0}, DegreeDays.smoothedTemperature(new double[] {5, 5, 5}, 0.3),
                EPS);
        assertEquals(0, DegreeDays.smoothedTemperature(new double[0], 0.5).length);
    }

    @Test
    void alphaOutsideTheUnitIntervalIsRejected() {
        double[] input = {1.0, 2.0};
        assertThrows(IllegalArgumentException.class, () -> DegreeDays.smoothedTemperature(input, 0.0));
        assertThrows(IllegalArgumentException.class, () -> DegreeDays.smoothedTemperature(input, -0.1));
        assertThrows(IllegalArgumentException.class, () -> DegreeDays.smoothedTemperature(input, 1.0001));
        assertThrows(IllegalArgumentException.class, () -> DegreeDays.smoothedTemperature(input, Double.NaN));
    }
}
