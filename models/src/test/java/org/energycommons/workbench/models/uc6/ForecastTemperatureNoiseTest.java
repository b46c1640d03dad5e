package org.energycommons.workbench.models.uc6;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ForecastTemperatureNoiseTest {

    private static final LocalDate DAY = LocalDate.of(2024, 1, 15);

    @Test
    void theSameKeysGiveTheSameErrorAndOtherKeysAnother() {
        double e = ForecastTemperatureNoise.error(42L, 0.8, "ST01", DAY, 3);
        assertEquals(e, ForecastTemperatureNoise.error(42L, 0.8, "ST01", DAY, 3), 0.0);
        assertEquals(e, ForecastTemperatureNoise.errors(42L, 0.8, "ST01", DAY, 7)[2], 1e-12);
        assertNotEquals(e, ForecastTemperatureNoise.error(43L, 0.8, "ST01", DAY, 3));
        assertNotEquals(e, ForecastTemperatureNoise.error(42L, 0.8, "ST02", DAY, 3));
        assertNotEquals(e, ForecastTemperatureNoise.error(42L, 0.8, "ST01", DAY.plusDays(1), 3));
        // A random walk: lead 2 adds one increment to lead 1.
        double[] errors = ForecastTemperatureNoise.errors(42L, 0.8, "ST01", DAY, 2);
        assertEquals(errors[0] + 0.8 * ForecastTemperatureNoise.increment(42L, "ST01", DAY, 2), errors[1], 1e-12);
        assertArrayEquals(new double[] {0, 0}, ForecastTemperatureNoise.errors(42L, 0, "ST01", DAY, 2), 0.0);
    }

    @Test
    void theErrorGrowsWithTheHorizonAsSigmaTimesRootOfTheLead() {
        int issues = 4000;
        double sd = 0.8;
        double previous = 0;
        for (int lead = 1; lead <= 7; lead++) {
            double sum = 0;
            double squares = 0;
            for (int i = 0; i < issues; i++) {
                double e = ForecastTemperatureNoise.error(7L, sd, "ST03", DAY.plusDays(i), lead);
                sum += e;
                squares += e * e;
            }
            double mean = sum / issues;
            double measured = Math.sqrt(squares / issues - mean * mean);
            double expected = ForecastTemperatureNoise.errorSd(sd, lead);
            assertEquals(expected, measured, 0.06 * expected, "lead " + lead);
            assertEquals(0.0, mean, 4 * expected / Math.sqrt(issues), "unbiased at lead " + lead);
            assertTrue(measured > previous, "grows with the lead: " + measured + " after " + previous);
            previous = measured;
        }
        assertEquals(0.8, ForecastTemperatureNoise.errorSd(0.8, 1), 1e-12);
        assertEquals(0.8 * Math.sqrt(7), ForecastTemperatureNoise.errorSd(0.8, 7), 1e-12);
    }

    @Test
    void aLeadBelowOneOrANegativeSdIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ForecastTemperatureNoise.error(1L, 0.8, "ST01", DAY, 0));
        assertThrows(IllegalArgumentException.class, () -> ForecastTemperatureNoise.error(1L, -1, "ST01", DAY, 1));
    }
}
