package org.energycommons.workbench.jobs;

import java.util.Locale;
import org.energycommons.workbench.datasets.synthetic.RegionConfig;

/**
 * The JVM heap a command needs, checked before Spark starts so that a heap too small stops the command with one
 * line naming the size that would do, instead of failing minutes later with the lake half-way through a run.
 *
 * <p>Two needs are checked. Spark's own: it refuses to start below one and a half times the 300 MiB it reserves.
 * A synthetic region's: what the driver holds that Spark cannot evict grows with the region's substation-hours,
 * dominated by uc4's training rows, which the Smile quantile model needs in the driver's memory (about
 * {@value #BYTES_PER_UC4_ROW} bytes per substation-hour while it fits, with its copies; the backtest's last origin
 * fits on nearly every day). In local mode the cached tables share the same heap and Spark does not evict them for
 * the driver's own objects, so those objects only have the heap's share outside Spark's unified memory
 * ({@code 1 - spark.memory.fraction}, 0.4 by default). The estimate and what it rests on are in
 * docs/performance.md ("Memory").
 */
public final class HeapBudget {

    /** Heap Spark reserves for itself (its {@code RESERVED_SYSTEM_MEMORY_BYTES}). */
    static final long SPARK_RESERVED = 300L << 20;
    /** Spark refuses to start below 1.5 × the reserved memory. */
    static final long SPARK_FLOOR = SPARK_RESERVED * 3 / 2;
    /** The driver's fixed share besides the region's rows: Spark's and Delta's state, plans, pages being rendered. */
    static final long DRIVER_BASE = 400L << 20;
    /** Driver bytes per uc4 training row (substation-hour) while the quantile model fits: rows, arrays, copies. */
    static final int BYTES_PER_UC4_ROW = 1_200;
    /** Days before the first uc4 target day (a week of lags and the first day). */
    private static final int UC4_LAG_DAYS = 8;

    private HeapBudget() {
    }

    /** Fails with one line when the heap is below what Spark needs to start. */
    public static void checkSpark(long maxHeap) {
        if (maxHeap < SPARK_FLOOR) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "this JVM has %s of heap and Spark needs at least %s: set WORKBENCH_HEAP=1g "
                            + "(spark-submit: --driver-memory 1g)", size(maxHeap), size(SPARK_FLOOR)));
        }
    }

    /**
     * The heap the demo's pipeline needs for a region, an estimate.
     *
     * @param local whether Spark runs in this JVM ({@code local[N]}), where cached tables share the heap
     * @param memoryFraction Spark's {@code spark.memory.fraction}
     */
    public static long regionNeed(RegionConfig region, boolean local, double memoryFraction) {
        long uc4Rows = (long) region.substations() * Math.max(1, region.days() - UC4_LAG_DAYS) * 24;
        long driver = DRIVER_BASE + uc4Rows * BYTES_PER_UC4_ROW;
        return SPARK_RESERVED + (local ? (long) Math.ceil(driver / (1 - memoryFraction)) : driver);
    }

    /**
     * Fails with one line when the heap is below {@link #regionNeed}: the heap that would do, and the most meters
     * that fit this heap at the same number of days.
     */
    public static void checkRegion(RegionConfig region, long maxHeap, boolean local, double memoryFraction) {
        long need = regionNeed(region, local, memoryFraction);
        if (maxHeap >= need) {
            return;
        }
        int fit = 0;
        for (int lo = 0, hi = region.meters(); lo <= hi; ) { // the most meters whose need fits: need grows with them
            int mid = (lo + hi) >>> 1;
            if (mid >= 10 && regionNeed(withMeters(region, mid), local, memoryFraction) <= maxHeap) {
                fit = mid;
                lo = mid + 1;
            } else if (mid < 10) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        String gb = String.valueOf((need + (1L << 30) - 1) >> 30);
        throw new IllegalArgumentException(String.format(Locale.ROOT,
                "a region of %,d meters × %,d days needs about %s of heap%s and this JVM has %s: set WORKBENCH_HEAP=%sg"
                        + " (spark-submit: --driver-memory %sg)%s", region.meters(), region.days(), size(need),
                local ? " in local mode" : " in the driver", size(maxHeap), gb, gb,
                fit > 0 ? String.format(Locale.ROOT, ", or use --meters %,d or fewer", fit) : ""));
    }

    /**
     * Checks a region against this JVM's heap before Spark starts, on the master spark-submit set or else
     * {@code master}, and Spark's configured memory fraction.
     */
    public static void checkRegion(RegionConfig region, String master) {
        org.apache.spark.SparkConf conf = new org.apache.spark.SparkConf();
        checkRegion(region, Runtime.getRuntime().maxMemory(), conf.get("spark.master", master).startsWith("local"),
                conf.getDouble("spark.memory.fraction", 0.6));
    }

    private static RegionConfig withMeters(RegionConfig r, int meters) {
        return new RegionConfig(meters, r.days(), r.start(), r.seed(), r.metersPerSubstation(), r.coldSpell());
    }

    /** A size in MB under 10 GB, else in GB with one decimal. */
    static String size(long bytes) {
        double mb = bytes / (double) (1L << 20);
        return mb < 10_240 ? String.format(Locale.ROOT, "%,.0f MB", mb)
                : String.format(Locale.ROOT, "%.1f GB", mb / 1024);
    }
}
