package org.energycommons.workbench.models.benchmark.ett;

import java.time.LocalDateTime;

/**
 * How a ridge model turns a window's inputs into features, and which offset it forecasts relative to: the model
 * fits {@code target - offset} on the features, and forecasts {@code prediction + offset}.
 */
public interface FeatureMap {

    /** How many features for look-back L. */
    int dimension(int lookBack);

    /** The offset of the window starting at {@code start} (0 for none). */
    double offset(double[] series, int start, int lookBack);

    /**
     * Writes the features of the window whose inputs are rows {@code [start, start + L)}; {@code times} may be used
     * for the time of the first forecast row, {@code start + L} (which exists in every window).
     */
    void features(double[] series, LocalDateTime[] times, int start, int lookBack, double[] out);

    /**
     * NLinear (Zeng et al. 2023): the inputs minus the last input value; the last input value is the offset (added
     * back to the forecast).
     */
    static FeatureMap lastValueNormalised() {
        return new FeatureMap() {
            @Override
            public int dimension(int lookBack) {
                return lookBack;
            }

            @Override
            public double offset(double[] series, int start, int lookBack) {
                return series[start + lookBack - 1];
            }

            @Override
            public void features(double[] series, LocalDateTime[] times, int start, int lookBack, double[] out) {
                double last = series[start + lookBack - 1];
                for (int j = 0; j < lookBack; j++) {
                    out[j] = series[start + j] - last;
                }
            }
        };
    }

    /**
     * DLinear (Zeng et al. 2023): the window split into a trend, its moving average over {@code kernel} values
     * (the window padded at each end with {@code (kernel - 1) / 2} copies of its first/last value, as the original
     * {@code moving_avg}), and the seasonal remainder; features are the L seasonal then the L trend values, so that
     * one ridge fit holds one linear map for each. No offset.
     */
    static FeatureMap decomposition(int kernel) {
        if (kernel < 1 || kernel % 2 == 0) {
            throw new IllegalArgumentException("the moving-average kernel must be odd and >= 1, got " + kernel);
        }
        return new FeatureMap() {
            @Override
            public int dimension(int lookBack) {
                return 2 * lookBack;
            }

            @Override
            public double offset(double[] series, int start, int lookBack) {
                return 0;
            }

            @Override
            public void features(double[] series, LocalDateTime[] times, int start, int lookBack, double[] out) {
                double[] trend = movingAverage(series, start, lookBack, kernel);
                for (int j = 0; j < lookBack; j++) {
                    out[j] = series[start + j] - trend[j];
                    out[lookBack + j] = trend[j];
                }
            }
        };
    }

    /**
     * The DLinear trend of {@code x[start .. start + length)}: the mean of {@code kernel} values centred on each,
     * the window padded with copies of its first and last values.
     */
    static double[] movingAverage(double[] x, int start, int length, int kernel) {
        int half = (kernel - 1) / 2;
        double[] out = new double[length];
        for (int j = 0; j < length; j++) {
            double s = 0;
            for (int k = j - half; k <= j + half; k++) {
                int at = Math.min(length - 1, Math.max(0, k));
                s += x[start + at];
            }
            out[j] = s / kernel;
        }
        return out;
    }

    /**
     * A base map plus calendar indicators of the first forecast row: 24 hour-of-day and 7 day-of-week one-hot
     * columns (the rest of the horizon follows from them at a fixed step). Same offset as the base.
     */
    static FeatureMap withCalendar(FeatureMap base) {
        return new FeatureMap() {
            @Override
            public int dimension(int lookBack) {
                return base.dimension(lookBack) + 24 + 7;
            }

            @Override
            public double offset(double[] series, int start, int lookBack) {
                return base.offset(series, start, lookBack);
            }

            @Override
            public void features(double[] series, LocalDateTime[] times, int start, int lookBack, double[] out) {
                base.features(series, times, start, lookBack, out);
                int d = base.dimension(lookBack);
                java.util.Arrays.fill(out, d, d + 31, 0.0);
                LocalDateTime t = times[start + lookBack];
                out[d + t.getHour()] = 1;
                out[d + 24 + t.getDayOfWeek().getValue() - 1] = 1;
            }
        };
    }
}
