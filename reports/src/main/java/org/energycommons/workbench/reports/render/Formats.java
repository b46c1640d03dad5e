/*
 * Energy Commons Workbench
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package org.energycommons.workbench.reports.render;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The formatting kit of every published page: numbers, percentages, dates and the one timestamp format, so that a
 * figure reads the same on every page.
 *
 * <p>Numbers use a dot and a fixed count of decimals ({@link Locale#ROOT}); a missing value (null, {@code NaN} or
 * infinite) is shown as {@link #MISSING}. Timestamps are ISO-8601 in UTC to the second, e.g.
 * {@code 2026-12-06 01:48:42 UTC}; local dates and times on charts are Paris time ({@link SvgCharts#DISPLAY_ZONE}).
 */
public final class Formats {

    /** What a page shows for a missing value. */
    public static final String MISSING = "\u2014";

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter PARIS_MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(SvgCharts.DISPLAY_ZONE.toZoneId());

    private Formats() {
    }

    /**
     * A number with a fixed count of decimals and a dot, e.g. {@code fixed(3.14159, 2) → "3.14"}; no negative zero.
     *
     * @param value    the number; {@code NaN} or infinite gives {@link #MISSING}
     * @param decimals decimals, 0 or more
     * @return the text
     */
    public static String fixed(double value, int decimals) {
        if (!Double.isFinite(value)) {
            return MISSING;
        }
        String s = String.format(Locale.ROOT, "%." + decimals + "f", value);
        if (s.startsWith("-") && s.chars().noneMatch(c -> c >= '1' && c <= '9')) {
            s = s.substring(1);
        }
        return s;
    }

    /** A whole number, rounded, e.g. {@code 399.6 → "400"}. */
    public static String whole(double value) {
        return fixed(value, 0);
    }

    /** A ratio with three decimals, e.g. {@code 0.7123 → "0.712"}. */
    public static String ratio(double value) {
        return fixed(value, 3);
    }

    /** A fraction as a percentage with one decimal and the sign, e.g. {@code 0.0432 → "4.3 %"}. */
    public static String percent(double fraction) {
        return Double.isFinite(fraction) ? fixed(fraction * 100.0, 1) + " %" : MISSING;
    }

    /** A fraction as a percentage with one decimal, without the sign (the column header carries it). */
    public static String percentNumber(double fraction) {
        return Double.isFinite(fraction) ? fixed(fraction * 100.0, 1) : MISSING;
    }

    /** Percentage points with two decimals, e.g. {@code 0.48 → "0.48 pt"}. */
    public static String points(double value) {
        return Double.isFinite(value) ? fixed(value, 2) + " pt" : MISSING;
    }

    /** A value with one decimal and its unit, e.g. {@code withUnit(20.04, "kW") → "20.0 kW"}. */
    public static String withUnit(double value, String unit) {
        return Double.isFinite(value) ? fixed(value, 1) + " " + unit : MISSING;
    }

    /**
     * An interval from its formatted ends: {@code [0.81 ; 0.90]} in French (where the comma is the decimal mark),
     * {@code [0.81, 0.90]} in English.
     */
    public static String interval(String low, String high, Lang lang) {
        return "[" + low + lang.t(" ; ", ", ") + high + "]";
    }

    /** Fractions as percentages, e.g. for a chart's bars; {@code NaN} stays {@code NaN}. */
    public static double[] percentages(double[] fractions) {
        double[] pct = new double[fractions.length];
        for (int i = 0; i < fractions.length; i++) {
            pct[i] = fractions[i] * 100.0;
        }
        return pct;
    }

    /**
     * A generation or run time as shown on every page, ISO-8601 in UTC to the second: {@code 2026-12-06 01:48:42 UTC}.
     *
     * @param isoInstant an ISO-8601 instant such as {@code 2026-12-06T01:48:42.123Z}
     * @return the formatted time; the text as given if it is not an instant; {@link #MISSING} when null or blank
     */
    public static String timestamp(String isoInstant) {
        if (isoInstant == null || isoInstant.isBlank()) {
            return MISSING;
        }
        try {
            return timestamp(Instant.parse(isoInstant.strip()));
        } catch (DateTimeParseException e) {
            return isoInstant;
        }
    }

    /** An instant as {@code 2026-12-06 01:48:42 UTC}. */
    public static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    /** Whether a text is an ISO-8601 instant that {@link #timestamp(String)} reformats. */
    public static boolean isInstant(String text) {
        if (text == null) {
            return false;
        }
        try {
            Instant.parse(text.strip());
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** A chart's local time to the minute, Paris time, e.g. {@code 2024-11-05 00:00}. */
    public static String parisMinute(long epochMillis) {
        return PARIS_MINUTE.format(Instant.ofEpochMilli(epochMillis));
    }

    /** A comparison operator as written on a page: {@code >=} as ≥, {@code <=} as ≤; null as {@link #MISSING}. */
    public static String operator(String op) {
        if (op == null) {
            return MISSING;
        }
        return switch (op) {
            case ">=" -> "\u2265";
            case "<=" -> "\u2264";
            default -> op;
        };
    }

    /**
     * A number to three significant digits ({@code 0.0431}, {@code 21.8}, {@code 1}); {@link #MISSING} when NaN or
     * infinite.
     */
    public static String significant(double v) {
        return Double.isFinite(v) ? new java.math.BigDecimal(v).round(new java.math.MathContext(3))
                .stripTrailingZeros().toPlainString() : MISSING;
    }

    /** A metric as a double; absent, null or not a number gives {@code NaN}. */
    public static double metric(Map<String, ?> metrics, String name) {
        Object value = metrics == null ? null : metrics.get(name);
        return value instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /** Flattens one level of nested maps into {@code key.sub} entries; values as {@link #detail} writes them. */
    public static Map<String, String> flatten(Map<String, ?> nested) {
        Map<String, String> flat = new LinkedHashMap<>();
        if (nested == null) {
            return flat;
        }
        nested.forEach((key, value) -> {
            if (value instanceof Map<?, ?> inner) {
                inner.forEach((sub, v) -> flat.put(key + "." + sub, detail(v)));
            } else {
                flat.put(key, detail(value));
            }
        });
        return flat;
    }

    /**
     * A provenance value as a reader sees it: a fractional number to four significant digits ({@code 0.1523}, not
     * {@code 0.15234567891}), each number of a list likewise, anything else as is.
     */
    static String detail(Object value) {
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (!Double.isFinite(d) || d == Math.rint(d)) {
                return String.valueOf(value);
            }
            return java.math.BigDecimal.valueOf(d).round(new java.math.MathContext(4)).stripTrailingZeros()
                    .toPlainString();
        }
        if (value instanceof java.util.Collection<?> list) {
            return list.stream().map(Formats::detail).collect(java.util.stream.Collectors.joining(", ", "[", "]"));
        }
        return String.valueOf(value);
    }
}
