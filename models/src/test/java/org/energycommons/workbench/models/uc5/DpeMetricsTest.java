package org.energycommons.workbench.models.uc5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** {@link Uc5Metrics.ClassAgreement} on hand-counted cases, and {@link Uc5Options} validation. */
class DpeMetricsTest {

    @Test
    void metricsMatchAHandCount() {
        List<String> truth = List.of("A", "C", "D", "F", "G", "G");
        List<String> predicted = List.of("A", "D", "B", "G", "F", "E");
        double nan = Double.NaN;
        // Flagged as probable passoires: the two predicted F/G, and the D predicted B (a screening is not a class).
        List<Boolean> flagged = List.of(false, false, true, true, true, false);
        Uc5Metrics.ClassAgreement m = Uc5Metrics.ClassAgreement.of(truth, predicted, flagged,
                new double[] {50, 150, 200, 400, 500, 600}, new double[] {60, 170, nan, 450, 480, 300});
        assertEquals(1.0 / 6, m.accuracy(), 1e-12);
        // |A-A|=0, |C-D|=1, |D-B|=2, |F-G|=1, |G-F|=1, |G-E|=2 → 4 of 6.
        assertEquals(4.0 / 6, m.withinOneClassAccuracy(), 1e-12);
        // Truth F/G: F and the first G flagged, the second G (predicted E) not → 2 of 3.
        assertEquals(2.0 / 3, m.fgRecall(), 1e-12);
        assertEquals(3, m.fgReference());
        // Flagged: D, F, G → 2 of 3 are F/G.
        assertEquals(2.0 / 3, m.fgPrecision(), 1e-12);
        assertEquals(3, m.fgFlagged());
        // The recall reads the flag, not the class: flagging the G predicted E finds every passoire.
        Uc5Metrics.ClassAgreement flaggedAll = Uc5Metrics.ClassAgreement.of(truth, predicted,
                List.of(false, false, true, true, true, true), new double[6], new double[6]);
        assertEquals(1.0, flaggedAll.fgRecall(), 1e-12);
        assertEquals(3.0 / 4, flaggedAll.fgPrecision(), 1e-12);
        assertEquals(m.withinOneClassAccuracy(), flaggedAll.withinOneClassAccuracy(), 1e-12);
        // MAE over the five rows with a prediction: 10 + 20 + 50 + 20 + 300 = 400 / 5.
        assertEquals(80.0, m.maeIntensity(), 1e-12);
        // F1: A = 1; B, C, D, E, F, G = 0 (no exact hit) → 1/7.
        assertEquals(1.0 / 7, m.macroF1(), 1e-12);
        assertEquals(1.0, m.classRecall()[0], 1e-12);
        assertTrue(Double.isNaN(m.classRecall()[1]));
        assertEquals((4.0 / 6 + 2.0 / 3) / 2, m.selectionScore(), 1e-12);
    }

    @Test
    void emptyAndInvalidInputs() {
        Uc5Metrics.ClassAgreement empty = Uc5Metrics.ClassAgreement.of(List.of(), List.of(), List.of(), new double[0],
                new double[0]);
        assertTrue(Double.isNaN(empty.accuracy()));
        assertTrue(Double.isNaN(empty.fgRecall()));
        assertTrue(Double.isNaN(empty.fgPrecision()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Uc5Metrics.ClassAgreement.of(List.of("X"), List.of("A"), List.of(false), new double[1],
                        new double[1]));
        assertTrue(e.getMessage().contains("unknown DPE class 'X'"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Uc5Metrics.ClassAgreement.of(List.of("A"), List.of("A"), List.of(), new double[1],
                        new double[1]));
    }

    @Test
    void optionsRoundTripAndRejectBadValues() {
        Uc5Options d = Uc5Options.defaults(7);
        assertEquals(d, Uc5Options.of(d.toProperties(), 99));
        Properties p = new Properties();
        p.setProperty("workbench.uc5.rf_trees", "12");
        p.setProperty("workbench.uc5.class_balance", "inverse");
        Uc5Options o = Uc5Options.of(p, 3);
        assertEquals(12, o.rfTrees());
        assertEquals(3, o.seed());
        assertEquals(5.0, o.classWeight(1, 40), 1e-12); // inverse 40, capped at 5
        assertEquals(2.0, o.classWeight(10, 20), 1e-12);
        p.setProperty("workbench.uc5.class_balance", "sqrt");
        assertEquals(2.0, Uc5Options.of(p, 3).classWeight(10, 40), 1e-12);
        Properties unknown = new Properties();
        unknown.setProperty("workbench.uc5.trees", "3");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Uc5Options.of(unknown, 1)).getMessage()
                .contains("unknown option workbench.uc5.trees"));
        Properties bad = new Properties();
        bad.setProperty("workbench.uc5.class_balance", "smote");
        assertThrows(IllegalArgumentException.class, () -> Uc5Options.of(bad, 1));
        Properties fractions = new Properties();
        fractions.setProperty("workbench.uc5.validation_fraction", "0.6");
        assertThrows(IllegalArgumentException.class, () -> Uc5Options.of(fractions, 1));
        Properties oneFold = new Properties();
        oneFold.setProperty("workbench.uc5.folds", "1");
        assertEquals("workbench.uc5.folds must be between 2 and 20, got 1",
                assertThrows(IllegalArgumentException.class, () -> Uc5Options.of(oneFold, 1)).getMessage());
        Properties certain = new Properties();
        certain.setProperty("workbench.uc5.screening_probability", "1");
        assertEquals("workbench.uc5.screening_probability must be in (0, 1), got 1.0",
                assertThrows(IllegalArgumentException.class, () -> Uc5Options.of(certain, 1)).getMessage());
    }
}
