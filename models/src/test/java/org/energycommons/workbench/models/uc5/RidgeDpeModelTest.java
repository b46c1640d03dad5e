package org.energycommons.workbench.models.uc5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link RidgeDpeModel.Fit}: the hand-written ridge regression with its leave-one-out penalty. */
class RidgeDpeModelTest {

    @Test
    void aLinearRelationIsRecoveredAndExtrapolatedBeyondTheTrainingRange() {
        Random rnd = new Random(7);
        int n = 80;
        double[][] x = new double[n][3];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = 100 + 200 * rnd.nextDouble();
            x[i][1] = rnd.nextGaussian();
            x[i][2] = 5.0;                       // constant: no coefficient
            y[i] = 20 + 1.5 * x[i][0] + 10 * x[i][1] + rnd.nextGaussian();
        }
        double[] w = new double[n];
        Arrays.fill(w, 1.0);
        RidgeDpeModel.Fit fit = RidgeDpeModel.fit(x, y, w);
        assertEquals(0.0, fit.coefficient()[2], 0.0, "a constant feature gets no coefficient");
        assertEquals(0.0, fit.scale()[2], 0.0);
        // With 80 rows and a tight relation, leave-one-out prefers the smallest penalty tried.
        assertEquals(RidgeDpeModel.LAMBDAS.get(0), fit.lambda(), 0.0);
        assertTrue(fit.looRmse() < 1.3, "leave-one-out RMSE " + fit.looRmse());
        // Beyond the largest training value (300), a linear model keeps the slope (trees would stop at ~470).
        assertEquals(20 + 1.5 * 400, fit.predict(new double[] {400, 0, 5}), 3.0);
    }

    @Test
    void noiseMakesTheLeaveOneOutErrorChooseALargerPenalty() {
        Random rnd = new Random(11);
        int n = 30;
        double[][] x = new double[n][12];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 12; j++) {
                x[i][j] = rnd.nextGaussian();
            }
            y[i] = x[i][0] + 5 * rnd.nextGaussian();   // one weak signal among twelve features
        }
        double[] w = new double[n];
        Arrays.fill(w, 1.0);
        assertTrue(RidgeDpeModel.fit(x, y, w).lambda() >= 10.0, "noisy: shrink");
        assertThrows(IllegalArgumentException.class, () -> RidgeDpeModel.fit(new double[2][3], new double[2],
                new double[] {1, 1}));
    }

    @Test
    void weightsCountRowsAsReplicates() {
        double[][] x = {{0}, {1}, {2}, {3}};
        double[] y = {0, 1, 2, 10};
        RidgeDpeModel.Fit weighted = RidgeDpeModel.fit(x, y, new double[] {1, 1, 1, 2});
        RidgeDpeModel.Fit replicated = RidgeDpeModel.fit(new double[][] {{0}, {1}, {2}, {3}, {3}},
                new double[] {0, 1, 2, 10, 10}, new double[] {1, 1, 1, 1, 1});
        // Same weighted mean and spread (the leave-one-out choice of penalty may differ: leaving out one replicate
        // is not leaving out a weighted row).
        assertEquals(4.6, weighted.intercept(), 1e-9);
        assertEquals(replicated.intercept(), weighted.intercept(), 1e-9);
        assertEquals(replicated.mean()[0], weighted.mean()[0], 1e-9);
        assertEquals(replicated.scale()[0], weighted.scale()[0], 1e-9);
        assertTrue(weighted.coefficient()[0] > 0);
    }
}
