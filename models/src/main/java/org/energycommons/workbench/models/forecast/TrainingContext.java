package org.energycommons.workbench.models.forecast;

import java.util.List;
import java.util.Map;

/**
 * What a forecaster's provenance records about the data it was trained on.
 *
 * @param useCase use-case id
 * @param inputTables Delta table versions read
 * @param split the time split
 * @param features feature columns
 * @param label label column
 * @param trainingFingerprint fingerprint of the training rows
 * @param trainingRows number of training rows
 */
public record TrainingContext(String useCase, Map<String, Long> inputTables, TimeSplit split, List<String> features,
                              String label, String trainingFingerprint, long trainingRows) {
}
