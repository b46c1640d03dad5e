package org.energycommons.workbench.jobs;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.energycommons.workbench.datasets.synthetic.RegionConfig;
import org.junit.jupiter.api.Test;

/** The heap checks of {@link HeapBudget}: Spark's floor, a region's need, and the sizes its message proposes. */
class HeapBudgetTest {

    private static final long MB = 1L << 20;
    private static final LocalDate START = LocalDate.of(2023, 1, 1);

    private static RegionConfig region(int meters, int days) {
        return new RegionConfig(meters, days, START, 42, 25);
    }

    @Test
    void sparkNeedsAtLeast450Mb() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HeapBudget.checkSpark(300 * MB));
        assertEquals("this JVM has 300 MB of heap and Spark needs at least 450 MB: set WORKBENCH_HEAP=1g "
                + "(spark-submit: --driver-memory 1g)", e.getMessage());
        assertDoesNotThrow(() -> HeapBudget.checkSpark(450 * MB));
    }

    @Test
    void theNeedGrowsWithSubstationHoursAndIsSmallerInTheDriverOfACluster() {
        long defaultRegion = HeapBudget.regionNeed(region(300, 730), true, 0.6);
        // 12 substations × 722 target days × 24 hours × 1,200 bytes, plus the 400 MB base, over the 0.4 share,
        // plus Spark's 300 MB: about 1.9 GB.
        assertEquals(300 * MB + Math.ceil((400 * MB + 12L * 722 * 24 * 1200) / 0.4), defaultRegion, 1.0);
        assertTrue(defaultRegion < 6144 * MB, "the default region fits the launcher's default heap");
        assertTrue(HeapBudget.regionNeed(region(600, 730), true, 0.6) > defaultRegion);
        assertTrue(HeapBudget.regionNeed(region(300, 1000), true, 0.6) > defaultRegion);
        assertEquals(HeapBudget.regionNeed(region(300, 730), true, 0.6),
                HeapBudget.regionNeed(region(324, 730), true, 0.6), "the same 12 substations");
        assertTrue(HeapBudget.regionNeed(region(300, 730), false, 0.6) < defaultRegion);
        assertTrue(HeapBudget.regionNeed(region(300, 730), true, 0.75) > defaultRegion, "a smaller user share");
    }

    @Test
    void aHeapTooSmallNamesTheHeapAndTheMetersThatWouldFit() {
        RegionConfig big = region(30_000, 365);
        long heap = 6144 * MB;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HeapBudget.checkRegion(big, heap, true, 0.6));
        Matcher m = Pattern.compile("a region of 30,000 meters × 365 days needs about ([0-9.]+) GB of heap in local "
                + "mode and this JVM has 6,144 MB: set WORKBENCH_HEAP=(\\d+)g \\(spark-submit: --driver-memory \\2g\\),"
                + " or use --meters ([0-9,]+) or fewer").matcher(e.getMessage());
        assertTrue(m.matches(), e.getMessage());
        long need = HeapBudget.regionNeed(big, true, 0.6);
        assertEquals(need / (double) (1024 * MB), Double.parseDouble(m.group(1)), 0.05);
        long proposedHeap = Long.parseLong(m.group(2)) * 1024 * MB;
        assertDoesNotThrow(() -> HeapBudget.checkRegion(big, proposedHeap, true, 0.6));
        assertTrue(proposedHeap - need < 1024 * MB, "the next whole GB");
        int fit = Integer.parseInt(m.group(3).replace(",", ""));
        assertTrue(HeapBudget.regionNeed(region(fit, 365), true, 0.6) <= heap);
        assertTrue(HeapBudget.regionNeed(region(fit + 25, 365), true, 0.6) > heap, "the most meters that fit");
        assertDoesNotThrow(() -> HeapBudget.checkRegion(region(fit, 365), heap, true, 0.6));
    }

    @Test
    void noMetersProposedWhenEvenTheSmallestRegionDoesNotFit() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HeapBudget.checkRegion(region(300, 730), 900 * MB, true, 0.6));
        assertTrue(e.getMessage().endsWith("this JVM has 900 MB: set WORKBENCH_HEAP=2g "
                + "(spark-submit: --driver-memory 2g)"), e.getMessage());
    }
}
