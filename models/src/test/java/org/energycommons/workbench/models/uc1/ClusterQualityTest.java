package org.energycommons.workbench.models.uc1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Adjusted Rand index, silhouette and NRMSE on labels and points with known values; the options' validation. */
class ClusterQualityTest {

    @Test
    void adjustedRandIndexOfKnownLabelings() {
        String[] truth = {"RES1", "RES1", "RES2", "RES2", "PRO", "PRO"};
        assertEquals(1.0, ClusterQuality.adjustedRandIndex(truth, new Object[] {7, 7, 3, 3, 9, 9}), 1e-12,
                "the same partition under other names");
        // Contingency [[2,0],[1,1]] on {a,a,b,b} vs {x,x,x,y}: index 1, expected 2·3/6 = 1, max 2 → 0.
        assertEquals(0.0, ClusterQuality.adjustedRandIndex(new int[] {0, 0, 1, 1}, new int[] {0, 0, 0, 1}), 1e-12);
        // Hand computation: sum C(nij,2) = 1+1 = 2, rows 3+3 = 6... {0,0,0,1,1,1} vs {0,0,1,1,2,2}.
        // nij: (0,0)=2,(0,1)=1,(1,1)=1,(1,2)=2 → index 2; a = 3+3 = 6; b = 1+1+1 = 3; expected 6·3/15 = 1.2;
        // max 4.5 → (2 − 1.2) / (4.5 − 1.2) = 0.2424...
        assertEquals(0.8 / 3.3, ClusterQuality.adjustedRandIndex(new int[] {0, 0, 0, 1, 1, 1},
                new int[] {0, 0, 1, 1, 2, 2}), 1e-12);
        assertTrue(Double.isNaN(ClusterQuality.adjustedRandIndex(new int[] {1}, new int[] {1})));
        assertThrows(IllegalArgumentException.class,
                () -> ClusterQuality.adjustedRandIndex(new int[] {1, 2}, new int[] {1}));
    }

    @Test
    void silhouetteOfTwoPairs() {
        double[][] points = {{0}, {1}, {10}, {11}};
        // Point 0: a = 1, b = (10 + 11) / 2 = 10.5 → 9.5 / 10.5; point 1: a = 1, b = 9.5 → 8.5 / 9.5; symmetric.
        double expected = (9.5 / 10.5 + 8.5 / 9.5) / 2;
        assertEquals(expected, ClusterQuality.silhouette(points, new int[] {0, 0, 1, 1}), 1e-12);
        assertTrue(Double.isNaN(ClusterQuality.silhouette(points, new int[] {0, 0, 0, 0})), "one cluster");
    }

    @Test
    void nrmseAgainstOwnShape() {
        assertEquals(0.0, ClusterQuality.nrmse(new double[] {1, 2, 3}, new double[] {1, 2, 3}), 1e-12);
        // errors 1, 1, 1 → RMSE 1, own mean 2.
        assertEquals(0.5, ClusterQuality.nrmse(new double[] {1, 2, 3}, new double[] {2, 3, 4}), 1e-12);
    }

    @Test
    void optionsRoundTripAndValidation() {
        Uc1Options d = Uc1Options.defaults(9L);
        assertEquals(d, Uc1Options.of(d.toProperties(), 1L));
        Properties unknown = new Properties();
        unknown.setProperty("workbench.uc1.kmax", "4");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Uc1Options.of(unknown, 1L)).getMessage()
                .contains("unknown option workbench.uc1.kmax"));
        Properties inverted = new Properties();
        inverted.setProperty("workbench.uc1.k_min", "5");
        inverted.setProperty("workbench.uc1.k_max", "3");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Uc1Options.of(inverted, 1L)).getMessage()
                .contains("k_max must be >= k_min"));
    }
}
