package org.energycommons.workbench.models.benchmark.ett;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WindowsAndScalingTest {

    @Test
    void windowsOfASplitHaveTheExpectedCountAndRows() {
        Windows w = new Windows(2, 12, 3, 2);
        assertEquals(6, w.count()); // starts 2..7: 7 + 3 + 2 = 12
        assertEquals(2, w.inputStart(0));
        assertEquals(5, w.targetStart(0));
        assertEquals(7, w.inputStart(5));
        assertEquals(10, w.targetStart(5));
        double[] series = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
        assertArrayEquals(new double[] {10, 11}, w.target(series, 5));
        assertThrows(IndexOutOfBoundsException.class, () -> w.inputStart(6));
        assertEquals(0, new Windows(0, 4, 3, 2).count());
        assertEquals(1, new Windows(0, 5, 3, 2).count());
    }

    @Test
    void validationAndTestStartLookBackRowsBeforeTheirBorder() {
        EttProtocol p = new EttProtocol(10, 14, 18, 4, List.of(2));
        assertEquals(new EttProtocol.Split("train", 0, 10), p.train());
        assertEquals(new EttProtocol.Split("validation", 6, 14), p.validation());
        assertEquals(new EttProtocol.Split("test", 10, 18), p.test());
        Windows v = p.windows(p.validation(), 2);
        assertEquals(3, v.count());
        assertEquals(10, v.targetStart(0)); // the first validation target is the first row after the border
        assertEquals(12, v.targetStart(2)); // the last ends at row 14
        assertEquals(5, p.windows(p.train(), 2).count());
        Windows t = p.windows(p.test(), 2);
        assertEquals(14, t.targetStart(0));
        assertEquals(3, t.count());
    }

    @Test
    void theStandardProtocolHasThePublishedWindowCounts() {
        EttProtocol p = EttProtocol.standard();
        assertEquals(List.of(96, 192, 336, 720), p.horizons());
        assertEquals(8304, p.validation().from());
        assertEquals(11184, p.test().from());
        assertEquals(14400, p.test().to());
        int[] expected = {2785, 2689, 2545, 2161};
        for (int i = 0; i < 4; i++) {
            int h = p.horizons().get(i);
            assertEquals(expected[i], p.windows(p.test(), h).count());
            assertEquals(2880 - h + 1, p.windows(p.validation(), h).count());
            assertEquals(8640 - 336 - h + 1, p.windows(p.train(), h).count());
        }
    }

    @Test
    void theZScoreIsFittedOnTrainingRowsWithThePopulationStd() {
        double[] x = {1, 2, 3, 4, 100};
        ZScore z = ZScore.fit(x, 0, 4, "x");
        assertEquals(2.5, z.mean(), 1e-15);
        assertEquals(Math.sqrt(1.25), z.std(), 1e-15);
        double[] s = z.scale(x);
        assertEquals(-1.5 / Math.sqrt(1.25), s[0], 1e-12);
        assertEquals(1.5 / Math.sqrt(1.25), s[3], 1e-12);
        assertEquals(97.5 / Math.sqrt(1.25), s[4], 1e-12);
        assertEquals(100, z.unscale(s[4]), 1e-12);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ZScore.fit(new double[] {3, 3, 3, 9}, 0, 3, "column 'OT'"));
        assertTrue(e.getMessage().contains("column 'OT' is constant"), e.getMessage());
    }

    @Test
    void dropLastScoresOnlyCompleteBatches() {
        Evaluation original = Evaluation.original();
        assertEquals(32, original.batchSize());
        assertEquals(2784, original.scored(2785));
        assertEquals(2688, original.scored(2689));
        assertEquals(2528, original.scored(2545));
        assertEquals(2144, original.scored(2161));
        assertEquals(64, original.scored(64));
        assertEquals(0, original.scored(31));
        assertEquals(2161, Evaluation.allWindows().scored(2161));
        assertEquals("drop_last_32", original.label());
        assertEquals("all", Evaluation.allWindows().label());
        assertThrows(IllegalArgumentException.class, () -> Evaluation.dropLast(0));
    }

    @Test
    void theProtocolRefusesBadSettings() {
        assertThrows(IllegalArgumentException.class, () -> new EttProtocol(100, 90, 200, 10, List.of(5)));
        assertThrows(IllegalArgumentException.class, () -> new EttProtocol(100, 150, 200, 10, List.of(5, 5)));
        assertThrows(IllegalArgumentException.class, () -> new EttProtocol(100, 150, 200, 10, List.of(0)));
        assertThrows(IllegalArgumentException.class, () -> new EttProtocol(100, 150, 200, 0, List.of(5)));
        assertThrows(IllegalArgumentException.class, () -> new EttProtocol(100, 150, 200, 10, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new EttProtocol(100, 150, 200, 95, List.of(10)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new EttProtocol(100, 150, 200, 10, List.of(60)));
        assertTrue(e.getMessage().contains("longest horizon (60)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> EttProtocol.standard().requireRows(14399, "f.csv"));
        assertTrue(e.getMessage().startsWith("f.csv: too few rows"), e.getMessage());
        EttProtocol.standard().requireRows(14400, "f.csv");
    }
}
