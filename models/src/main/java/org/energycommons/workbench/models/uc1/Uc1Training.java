package org.energycommons.workbench.models.uc1;

import java.util.List;
import java.util.Map;

/**
 * What every uc1 model records of its training: input table versions, the split of meters, the number and
 * fingerprint of the meters it was fitted on.
 */
public record Uc1Training(Map<String, Long> inputTables, Map<String, String> split, long trainingRows,
                          String fingerprint, List<String> features) {

    public Uc1Training {
        inputTables = Map.copyOf(inputTables);
        split = Map.copyOf(split);
        features = List.copyOf(features);
    }
}
