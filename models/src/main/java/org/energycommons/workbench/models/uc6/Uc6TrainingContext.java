package org.energycommons.workbench.models.uc6;

import java.util.Map;

/**
 * What a uc6 model's provenance records about the data it was trained on.
 *
 * @param useCase use-case id
 * @param seed seed of the fit
 * @param inputTables Delta table versions read
 * @param split the time split, name → date range
 * @param trainingFingerprint fingerprint of the training rows
 * @param trainingRows number of training rows
 */
public record Uc6TrainingContext(String useCase, long seed, Map<String, Long> inputTables, Map<String, String> split,
                                 String trainingFingerprint, long trainingRows) {
}
