package org.energycommons.workbench.models.benchmark.ett;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The long-horizon forecasting protocol of the Informer, Autoformer, DLinear and PatchTST papers on the ETT data.
 *
 * <p>Rows are split at fixed borders: training rows {@code [0, trainEnd)}, validation rows
 * {@code [trainEnd, validationEnd)}, test rows {@code [validationEnd, testEnd)}; rows from {@code testEnd} on are
 * not used. The validation and test splits start {@code lookBack} rows before their border, so that their first
 * window forecasts the first row after the border: validation is {@code [trainEnd - L, validationEnd)}, test
 * {@code [validationEnd - L, testEnd)}. For ETTh1 (hourly) the borders are 12, 16 and 20 months of 30 days:
 * 8640, 11520, 14400 ({@link #standard()}).
 *
 * @param trainEnd      first row after the training rows
 * @param validationEnd first row after the validation rows
 * @param testEnd       first row after the test rows
 * @param lookBack      L, the input length of every window
 * @param horizons      the forecast lengths H to evaluate, each giving its own models and figures
 */
public record EttProtocol(int trainEnd, int validationEnd, int testEnd, int lookBack, List<Integer> horizons) {

    /** The hourly ETT borders (ETTh1, ETTh2). */
    public static final int[] HOURLY_BORDERS = {8640, 11520, 14400};

    /** Checks the borders, the look-back and the horizons: every split must hold at least one window. */
    public EttProtocol {
        if (horizons == null || horizons.isEmpty()) {
            throw new IllegalArgumentException("at least one horizon is needed");
        }
        horizons = List.copyOf(horizons);
        if (new HashSet<>(horizons).size() != horizons.size()) {
            throw new IllegalArgumentException("duplicate horizon in " + horizons);
        }
        for (int h : horizons) {
            if (h < 1) {
                throw new IllegalArgumentException("horizons must be >= 1, got " + h);
            }
        }
        if (lookBack < 1) {
            throw new IllegalArgumentException("look-back must be >= 1, got " + lookBack);
        }
        if (trainEnd < 1 || validationEnd <= trainEnd || testEnd <= validationEnd) {
            throw new IllegalArgumentException("borders must satisfy 0 < train end < validation end < test end, got "
                    + trainEnd + ", " + validationEnd + ", " + testEnd);
        }
        int maxH = horizons.stream().mapToInt(Integer::intValue).max().orElseThrow();
        if (trainEnd < lookBack + maxH) {
            throw new IllegalArgumentException("the training rows [0, " + trainEnd + ") hold no window of look-back "
                    + lookBack + " and horizon " + maxH);
        }
        if (validationEnd - trainEnd < maxH || testEnd - validationEnd < maxH) {
            throw new IllegalArgumentException("the validation (" + (validationEnd - trainEnd) + " rows) and test ("
                    + (testEnd - validationEnd) + " rows) splits must each have at least as many rows as the "
                    + "longest horizon (" + maxH + ")");
        }
    }

    /** The published setting on hourly ETT: borders 8640/11520/14400, L = 336, H = 96, 192, 336, 720. */
    public static EttProtocol standard() {
        return new EttProtocol(8640, 11520, 14400, 336, List.of(96, 192, 336, 720));
    }

    /** The same borders and look-back with other horizons. */
    public EttProtocol withHorizons(List<Integer> newHorizons) {
        return new EttProtocol(trainEnd, validationEnd, testEnd, lookBack, newHorizons);
    }

    /** A contiguous range of rows {@code [from, to)}. */
    public record Split(String name, int from, int to) {
        /** Checks the range. */
        public Split {
            if (from < 0 || to <= from) {
                throw new IllegalArgumentException("bad split " + name + " [" + from + ", " + to + ")");
            }
        }

        /** {@code [from, to)}. */
        @Override
        public String toString() {
            return name + " [" + from + ", " + to + ")";
        }
    }

    /** Rows {@code [0, trainEnd)}: the models are fitted and the scaling is fitted here. */
    public Split train() {
        return new Split("train", 0, trainEnd);
    }

    /** Rows {@code [trainEnd - L, validationEnd)}. */
    public Split validation() {
        return new Split("validation", trainEnd - lookBack, validationEnd);
    }

    /** Rows {@code [validationEnd - L, testEnd)}. */
    public Split test() {
        return new Split("test", validationEnd - lookBack, testEnd);
    }

    /** The windows of a split for a horizon. */
    public Windows windows(Split split, int horizon) {
        return Windows.of(split, lookBack, horizon);
    }

    /** Refuses data with fewer than {@code testEnd} rows. */
    public void requireRows(int rows, String source) {
        if (rows < testEnd) {
            throw new IllegalArgumentException(source + ": too few rows for the protocol: " + rows
                    + " data rows, the test split ends at row " + testEnd);
        }
    }

    /** The protocol as a JSON-ready map. */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("train_rows", List.of(train().from(), train().to()));
        m.put("validation_rows", List.of(validation().from(), validation().to()));
        m.put("test_rows", List.of(test().from(), test().to()));
        m.put("borders", List.of(trainEnd, validationEnd, testEnd));
        m.put("look_back", lookBack);
        m.put("horizons", new ArrayList<>(horizons));
        return m;
    }
}
