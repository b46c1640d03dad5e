package org.energycommons.workbench.models.benchmark.enb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MetricsTest {

    @Test
    void maeAndRmseOnHandMadeNumbers() {
        double[] actual = {1, 2, 3, 4};
        double[] predicted = {2, 2, 1, 4};
        // errors 1, 0, 2, 0
        assertEquals(0.75, Metrics.mae(actual, predicted), 1e-12);
        assertEquals(Math.sqrt(5.0 / 4), Metrics.rmse(actual, predicted), 1e-12);
        assertEquals(0, Metrics.mae(actual, actual), 0);
    }

    @Test
    void meanAndSampleSd() {
        assertEquals(2.5, Metrics.mean(new double[] {1, 2, 3, 4}), 1e-12);
        assertEquals(Math.sqrt(5.0 / 3), Metrics.sd(new double[] {1, 2, 3, 4}), 1e-12);
        assertTrue(Double.isNaN(Metrics.sd(new double[] {1})));
    }

    @Test
    void refusesMismatchedOrEmpty() {
        assertThrows(IllegalArgumentException.class, () -> Metrics.mae(new double[] {1}, new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> Metrics.rmse(new double[0], new double[0]));
    }
}
