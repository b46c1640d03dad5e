package org.energycommons.workbench.models.usecase;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A published metric map of a typed metrics record, being written ({@link #writing}) or read back
 * ({@link #reading}): metric names in publication order with their values. Written numbers keep their boxed type
 * (an {@code int} count stays an Integer) and NaN stays NaN (null in the JSON); a name read back that is absent or
 * null is NaN.
 */
public final class MetricMap {

    private final Map<String, Object> values;

    private MetricMap(Map<String, Object> values) {
        this.values = values;
    }

    /** An empty map to write metrics into, in publication order. */
    public static MetricMap writing() {
        return new MetricMap(new LinkedHashMap<>());
    }

    /** A published map to read metrics from. */
    public static MetricMap reading(Map<String, Object> published) {
        return new MetricMap(Collections.unmodifiableMap(published));
    }

    /**
     * The published map of {@code names} each with the value at the same position.
     *
     * @throws IllegalArgumentException when there are not as many values as names
     */
    public static Map<String, Object> of(List<String> names, Object... values) {
        return writing().put(names, values).toMap();
    }

    /**
     * Adds {@code names} each with the value at the same position.
     *
     * @throws IllegalArgumentException when there are not as many values as names
     */
    public MetricMap put(List<String> names, Object... metrics) {
        if (names.size() != metrics.length) {
            throw new IllegalArgumentException(names.size() + " metric names for " + metrics.length + " values: "
                    + names);
        }
        for (int i = 0; i < metrics.length; i++) {
            values.put(names.get(i), metrics[i]);
        }
        return this;
    }

    /** Adds one metric. */
    public MetricMap put(String name, Object metric) {
        values.put(name, metric);
        return this;
    }

    /** Adds one metric when it is defined for this set (not null); nothing otherwise. */
    public MetricMap putPresent(String name, Object metric) {
        if (metric != null) {
            values.put(name, metric);
        }
        return this;
    }

    /** Adds every entry of another published map, in its order. */
    public MetricMap putAll(Map<String, Object> metrics) {
        values.putAll(metrics);
        return this;
    }

    /** The map written so far (or the map read). */
    public Map<String, Object> toMap() {
        return values;
    }

    /** Whether the map has the metric. */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** A metric as a number; NaN when absent, null or not a number. */
    public double number(String name) {
        return values.get(name) instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /** A metric as a number, or null when the map does not have it. */
    public Double optional(String name) {
        return has(name) ? number(name) : null;
    }

    /** A count published as a number (0 when absent or undefined). */
    public int count(String name) {
        return (int) number(name);
    }

    /** A large count, such as rows, published as a number (0 when absent or undefined). */
    public long total(String name) {
        return (long) number(name);
    }
}
