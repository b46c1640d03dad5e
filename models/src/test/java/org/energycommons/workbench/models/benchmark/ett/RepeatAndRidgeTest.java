package org.energycommons.workbench.models.benchmark.ett;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDateTime;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RepeatAndRidgeTest {

    @Test
    void repeatHasTheExactErrorOnAHandMadeSeries() {
        double[] z = {0, 2, 1, 3, 0, 4};
        Windows w = new Windows(0, 6, 2, 2); // 3 windows
        double[][] p = RepeatModel.predict(z, w);
        assertArrayEquals(new double[] {2, 2}, p[0]);
        assertArrayEquals(new double[] {1, 1}, p[1]);
        assertArrayEquals(new double[] {3, 3}, p[2]);
        // errors: (-1, 1), (2, -1), (-3, 1)
        Score all = Score.of(z, w, p, Evaluation.allWindows());
        assertEquals(17.0 / 6, all.mse(), 1e-15);
        assertEquals(9.0 / 6, all.mae(), 1e-15);
        assertEquals(3, all.windows());
        Score dropped = Score.of(z, w, p, Evaluation.dropLast(2)); // the third window is an incomplete batch
        assertEquals(7.0 / 4, dropped.mse(), 1e-15);
        assertEquals(5.0 / 4, dropped.mae(), 1e-15);
        assertEquals(2, dropped.windows());
        Score none = Score.of(z, w, p, Evaluation.dropLast(4));
        assertEquals(0, none.windows());
        assertEquals(Double.NaN, none.mse());
        Score mean = Score.mean(List.of(all, new Score(1, 1, 3)));
        assertEquals((17.0 / 6 + 1) / 2, mean.mse(), 1e-15);
    }

    @Test
    void ridgeRecoversAKnownLinearMap() {
        SplittableRandom rnd = new SplittableRandom(7);
        int n = 300;
        int p = 6;
        int q = 3;
        double[][] w = new double[p][q];
        double[] c = {0.5, -1, 2};
        for (double[] row : w) {
            for (int k = 0; k < q; k++) {
                row[k] = rnd.nextDouble(-2, 2);
            }
        }
        double[][] f = new double[n][p];
        double[][] y = new double[n][];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                f[i][j] = rnd.nextGaussian() + 3;
            }
            y[i] = new Ridge.Fit(w, c, 0).predict(f[i]);
        }
        Ridge.Gram g = Ridge.Gram.of(f, y);
        Ridge.Fit fit = Ridge.fit(g, 1e-12);
        for (int j = 0; j < p; j++) {
            assertArrayEquals(w[j], fit.weights()[j], 1e-6);
        }
        assertArrayEquals(c, fit.intercept(), 1e-6);
        assertEquals(0, Ridge.sse(fit, g), 1e-6);

        // a strong penalty shrinks the weights toward 0 and the intercept toward the target mean
        Ridge.Fit shrunk = Ridge.fit(g, 1e6);
        assertEquals(0, shrunk.weights()[0][0], 1e-4);
    }

    @Test
    void theErrorFromStatisticsEqualsTheErrorFromRowsAndStatisticsPool() {
        SplittableRandom rnd = new SplittableRandom(11);
        double[][] f = new double[120][4];
        double[][] y = new double[120][2];
        for (int i = 0; i < 120; i++) {
            for (int j = 0; j < 4; j++) {
                f[i][j] = rnd.nextGaussian();
            }
            y[i][0] = f[i][0] - f[i][2] + rnd.nextGaussian();
            y[i][1] = 0.3 * f[i][1] + 1 + rnd.nextGaussian();
        }
        double[][] fa = java.util.Arrays.copyOfRange(f, 0, 80);
        double[][] ya = java.util.Arrays.copyOfRange(y, 0, 80);
        double[][] fb = java.util.Arrays.copyOfRange(f, 80, 120);
        double[][] yb = java.util.Arrays.copyOfRange(y, 80, 120);
        Ridge.Fit fit = Ridge.fit(Ridge.Gram.of(fa, ya), 0.1);
        double direct = 0;
        for (int i = 0; i < fb.length; i++) {
            double[] pr = fit.predict(fb[i]);
            for (int k = 0; k < 2; k++) {
                direct += (pr[k] - yb[i][k]) * (pr[k] - yb[i][k]);
            }
        }
        assertEquals(direct, Ridge.sse(fit, Ridge.Gram.of(fb, yb)), 1e-9 * direct);
        Ridge.Fit pooled = Ridge.fit(Ridge.Gram.of(fa, ya).plus(Ridge.Gram.of(fb, yb)), 0.1);
        Ridge.Fit whole = Ridge.fit(Ridge.Gram.of(f, y), 0.1);
        for (int j = 0; j < 4; j++) {
            assertArrayEquals(whole.weights()[j], pooled.weights()[j], 1e-12);
        }
        assertArrayEquals(whole.intercept(), pooled.intercept(), 1e-12);
    }

    @Test
    void aSingularSystemWithoutPenaltyIsRefused() {
        double[][] f = {{1, 2}, {2, 4}, {3, 6}};
        double[][] y = {{1}, {2}, {3}};
        assertThrows(IllegalArgumentException.class, () -> Ridge.fit(Ridge.Gram.of(f, y), 0));
        assertThrows(IllegalArgumentException.class, () -> Ridge.fit(Ridge.Gram.of(f, y), -1));
        Ridge.fit(Ridge.Gram.of(f, y), 1e-3);
    }

    @Test
    void featureMapsFollowNLinearAndDLinear() {
        double[] x = {9, 1, 2, 3, 4, 9};
        assertArrayEquals(new double[] {4.0 / 3, 2, 3, 11.0 / 3}, FeatureMap.movingAverage(x, 1, 4, 3), 1e-15);
        double[] out = new double[8];
        FeatureMap.decomposition(3).features(x, null, 1, 4, out);
        assertArrayEquals(new double[] {1 - 4.0 / 3, 0, 0, 4 - 11.0 / 3, 4.0 / 3, 2, 3, 11.0 / 3}, out, 1e-15);
        assertThrows(IllegalArgumentException.class, () -> FeatureMap.decomposition(4));
        FeatureMap n = FeatureMap.lastValueNormalised();
        double[] o2 = new double[4];
        n.features(x, null, 1, 4, o2);
        assertArrayEquals(new double[] {-3, -2, -1, 0}, o2);
        assertEquals(4, n.offset(x, 1, 4));
        LocalDateTime[] times = new LocalDateTime[6];
        for (int i = 0; i < 6; i++) {
            times[i] = LocalDateTime.of(2024, 1, 1, 20, 0).plusHours(i); // a Monday
        }
        double[] o3 = new double[4 + 31];
        FeatureMap.withCalendar(n).features(x, times, 1, 4, o3);
        assertEquals(1, o3[4 + 1]); // row 5: 2024-01-02 01:00, hour 1
        assertEquals(1, o3[4 + 24 + 1]); // Tuesday
        assertEquals(2, java.util.Arrays.stream(o3, 4, 35).sum());
    }

    @Test
    void nlinearByRidgeLearnsADailyCycleTheRepeatBaselineCannot() {
        int rows = 400;
        double[] s = new double[rows];
        LocalDateTime[] t = new LocalDateTime[rows];
        SplittableRandom rnd = new SplittableRandom(3);
        for (int i = 0; i < rows; i++) {
            s[i] = Math.sin(2 * Math.PI * i / 24) + 0.05 * rnd.nextGaussian();
            t[i] = LocalDateTime.of(2020, 1, 1, 0, 0).plusHours(i);
        }
        EttProtocol p = new EttProtocol(240, 320, 400, 48, List.of(12));
        EttModel.Task task = new EttModel.Task(s, t, p.windows(p.train(), 12), p.windows(p.validation(), 12),
                p.windows(p.test(), 12));
        double nl = Score.of(s, task.test(), RidgeModel.nlinear().forecast(task).test(), Evaluation.allWindows())
                .mse();
        double rep = Score.of(s, task.test(), new RepeatModel().forecast(task).test(), Evaluation.allWindows()).mse();
        double dl = Score.of(s, task.test(), RidgeModel.dlinear().forecast(task).test(), Evaluation.allWindows())
                .mse();
        assertEquals(0, nl, 0.01);
        assertEquals(0, dl, 0.01);
        assertEquals(1.0, rep, 0.3);
    }
}
