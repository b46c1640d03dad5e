package org.energycommons.workbench.jobs.hackathon;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A task cut into its files, before they are written: training rows with the label, test inputs without it,
 * the answer key, the baseline's predictions of the test rows, and any extra input file.
 *
 * @param train training rows ({@code id}, inputs, label)
 * @param test test inputs ({@code id}, inputs)
 * @param answer the key: {@code id} and the true value, one row per test row
 * @param baseline the baseline's predictions, in the submission format
 * @param extra further input files by name ({@code daily.csv}), in order
 * @param split how the rows were split, in words
 * @param baselineDescription what the baseline does, in words (with its fitted values)
 * @param facts figures of the split for the card (test days, shares), in order
 */
public record BuiltTask(Frame train, Frame test, Frame answer, Frame baseline, Map<String, Frame> extra, Text split,
                        Text baselineDescription, Map<String, Object> facts) {

    /** Keeps the extra files and facts in the order given (pass ordered maps: {@link #ordered}). */
    public BuiltTask {
        extra = new LinkedHashMap<>(extra);
        facts = new LinkedHashMap<>(facts);
    }

    /** An insertion-ordered map of alternating keys and values (a card must not depend on hash order). */
    public static <V> Map<String, V> ordered(Object... keysAndValues) {
        Map<String, V> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            @SuppressWarnings("unchecked")
            V v = (V) keysAndValues[i + 1];
            m.put((String) keysAndValues[i], v);
        }
        return m;
    }
}
