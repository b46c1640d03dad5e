package org.energycommons.workbench.models.benchmark.ett;

/**
 * The sliding windows of a split of rows {@code [from, to)} for look-back L and horizon H: every start
 * {@code s} with {@code from <= s} and {@code s + L + H <= to} gives input rows {@code [s, s + L)} and target rows
 * {@code [s + L, s + L + H)}. Window {@code i} starts at {@code from + i}; there are
 * {@code max(0, to - from - L - H + 1)} windows.
 */
public record Windows(int from, int to, int lookBack, int horizon) {

    /** Checks the values. */
    public Windows {
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("bad row range [" + from + ", " + to + ")");
        }
        if (lookBack < 1 || horizon < 1) {
            throw new IllegalArgumentException("look-back and horizon must be >= 1, got " + lookBack + ", " + horizon);
        }
    }

    /** The windows of a split. */
    public static Windows of(EttProtocol.Split split, int lookBack, int horizon) {
        return new Windows(split.from(), split.to(), lookBack, horizon);
    }

    /** How many windows. */
    public int count() {
        return Math.max(0, to - from - lookBack - horizon + 1);
    }

    /** First input row of window {@code i}. */
    public int inputStart(int i) {
        if (i < 0 || i >= count()) {
            throw new IndexOutOfBoundsException("window " + i + " of " + count());
        }
        return from + i;
    }

    /** First target row of window {@code i} ({@code inputStart(i) + L}). */
    public int targetStart(int i) {
        return inputStart(i) + lookBack;
    }

    /** The target values of window {@code i}. */
    public double[] target(double[] series, int i) {
        double[] y = new double[horizon];
        System.arraycopy(series, targetStart(i), y, 0, horizon);
        return y;
    }
}
