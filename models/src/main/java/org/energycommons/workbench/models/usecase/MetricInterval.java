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
