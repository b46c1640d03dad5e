package org.energycommons.workbench.datasets.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The off-peak start read from hand-made shapes: a switched block, one across midnight, none, too small a rise. */
class OffPeakStartTest {

    /** Ten flat shapes of 48 half-hours with a block of {@code height} on {@code length} half-hours from {@code start}. */
    private static double[] shapesWithBlock(int start, int length, double height) {
        double[] shapes = new double[10 * 48];
        Arrays.fill(shapes, 1.0);
        for (int s = 0; s < 10; s++) {
            for (int j = 0; j < length; j++) {
                shapes[s * 48 + (start + j) % 48] += height;
            }
        }
        return shapes;
    }

    @Test
    void aWaterHeaterBlockStartsTheOffPeakHours() {
        assertEquals(46, OffPeakStart.detect(shapesWithBlock(46, 5, 3.0)));
        assertEquals(44, OffPeakStart.detect(shapesWithBlock(44, 5, 0.6)));
    }

    @Test
    void aBlockStartingAtMidnightIsFoundAcrossTheDayBoundary() {
        assertEquals(0, OffPeakStart.detect(shapesWithBlock(0, 5, 2.0)));
        assertEquals(3, OffPeakStart.detect(shapesWithBlock(3, 4, 2.0)), "02:30 is the last start looked for");
    }

    @Test
    void noSwitchedLoadMeansNoStart() {
        assertEquals(OffPeakStart.NONE, OffPeakStart.detect(shapesWithBlock(46, 5, 0.0)));
        assertEquals(OffPeakStart.NONE, OffPeakStart.detect(shapesWithBlock(46, 5, 0.4)), "a rise below half the mean");
        assertEquals(OffPeakStart.NONE, OffPeakStart.detect(shapesWithBlock(16, 10, 3.0)), "a daytime block");
        assertEquals(OffPeakStart.NONE, OffPeakStart.detect(shapesWithBlock(30, 12, 3.0)),
                "an evening block ending at 21:00 only falls in the window");
    }

    @Test
    void theRiseIsReadOnTheMeanOfTheShapes() {
        // A block in one shape of ten rises by a tenth of its height on the mean day.
        double[] shapes = shapesWithBlock(46, 5, 0.0);
        for (int j = 0; j < 5; j++) {
            shapes[(46 + j) % 48] += 4.0;
        }
        assertEquals(OffPeakStart.NONE, OffPeakStart.detect(shapes));
        for (int j = 0; j < 5; j++) {
            shapes[48 + (46 + j) % 48] += 4.0;
        }
        assertEquals(46, OffPeakStart.detect(shapes), "two shapes of ten: a rise of 0.8");
    }

    @Test
    void shapesThatAreNotWholeDaysAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OffPeakStart.detect(new double[47]));
        assertEquals("off-peak start: 47 values is not a whole number of 48-half-hour shapes", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> OffPeakStart.detect(new double[0]));
    }

    @Test
    void theBlockIsTheExcessOverTheHalfHourBeforeTheStartUntilTheLoadFallsBack() {
        double[] day = new double[OffPeakStart.HALF_HOURS];
        Arrays.fill(day, 0.2);
        // Evening occupancy 18:00-21:30 (no sharp rise in the window), a 1.25 kWh-per-half-hour heater from 23:00 for
        // 2.5 hours, a tail at 25 % of the rise after it (below half the rise: not counted).
        for (int h = 36; h < 43; h++) {
            day[h] = 0.5;
        }
        for (int h = 46; h < 51; h++) {
            day[h % 48] = 0.2 + 1.25;
        }
        day[51 % 48] = 0.2 + 0.3125;
        assertEquals(5 * 1.25, OffPeakStart.blockKwh(day), 1e-9);

        double[] flat = new double[OffPeakStart.HALF_HOURS];
        Arrays.fill(flat, 0.3);
        assertEquals(0.0, OffPeakStart.blockKwh(flat), 0.0, "no switched load");
        assertEquals(0.0, OffPeakStart.blockKwh(new double[OffPeakStart.HALF_HOURS]), 0.0, "no consumption");
        assertThrows(IllegalArgumentException.class, () -> OffPeakStart.blockKwh(new double[24]));
    }
}
