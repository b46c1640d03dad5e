package org.energycommons.workbench.models.usecase;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.energycommons.workbench.models.provenance.Json;

/**
 * The 90 % interval of a published metric and the sample it rests on: bootstrap percentiles over the evaluation
 * units (meters, buildings, faults, dwellings, days), with a fixed seed, so a reader can tell 0.88 from 0.85.
 *
 * <p>Criteria are judged on the point value; the interval is shown beside it. {@code n} is the number of items
 * the metric itself counts (faults for a recall, alert episodes for a precision, certified dwellings of class F
 * or G for their recall), which may be fewer than the units resampled.
 *
 * @param low lower bound (5th percentile of the bootstrap replicates), NaN when undefined
 * @param high upper bound (95th percentile), NaN when undefined
 * @param n the number of items the metric rests on
 * @param unit what those items are, singular snake_case ({@code meter}, {@code fault}, {@code day})
 */
public record MetricInterval(double low, double high, int n, String unit) {

    /** The coverage of every published interval. */
    public static final double LEVEL = 0.90;

    /** Below this many items a headline is flagged as resting on a small sample. */
    public static final int MIN_ITEMS = 30;

    public MetricInterval {
        Objects.requireNonNull(unit, "unit");
        if (n < 0) {
            throw new IllegalArgumentException("sample size must be >= 0, got " + n);
        }
        if (low > high) {
            throw new IllegalArgumentException("interval low " + low + " above high " + high);
        }
    }

    /** The same bounds over another count of items (e.g. the faults behind a recall, not the buildings resampled). */
    public MetricInterval withSample(int items, String itemUnit) {
        return new MetricInterval(low, high, items, itemUnit);
    }

    /**
     * The interval of a share of {@code items} (a recall, a precision, an accuracy) whose point value is
     * {@code share}, over that count of items. When every item agrees (a share of exactly 0 or 1) no bootstrap draw
     * can move the share and the percentile interval collapses onto it, which would read as certainty on seven
     * dwellings as on seven hundred; the bounds are then widened to the exact binomial (Clopper–Pearson) interval
     * at {@link #LEVEL}: {@code [(α/2)^(1/n), 1]} for n of n, {@code [0, 1 − (α/2)^(1/n)]} for none of n. Other
     * shares keep their bootstrap bounds.
     */
    public MetricInterval withShareSample(double share, int items, String itemUnit) {
        if (items <= 0 || !(share == 0.0 || share == 1.0) || Double.isNaN(low) || Double.isNaN(high)) {
            return withSample(items, itemUnit);
        }
        double tail = Math.pow((1 - LEVEL) / 2, 1.0 / items);
        return share == 1.0
                ? new MetricInterval(Math.min(low, tail), Math.max(high, 1.0), items, itemUnit)
                : new MetricInterval(Math.min(low, 0.0), Math.max(high, 1 - tail), items, itemUnit);
    }

    /** Whether the metric rests on fewer than {@link #MIN_ITEMS} items. */
    public boolean smallSample() {
        return n < MIN_ITEMS;
    }

    /** The published form: {@code low}, {@code high} (null when undefined), {@code level}, {@code n}, {@code unit}. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("low", Json.finiteOrNull(low));
        m.put("high", Json.finiteOrNull(high));
        m.put("level", LEVEL);
        m.put("n", n);
        m.put("unit", unit);
        return m;
    }

    /** Reads the published form back. */
    public static MetricInterval fromMap(Map<String, Object> map) {
        return new MetricInterval(number(map.get("low")), number(map.get("high")),
                ((Number) map.get("n")).intValue(), (String) map.get("unit"));
    }

    private static double number(Object v) {
        return v instanceof Number x ? x.doubleValue() : Double.NaN;
    }
}
