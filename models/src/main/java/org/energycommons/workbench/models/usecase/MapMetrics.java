package org.energycommons.workbench.models.usecase;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Metrics read back from a published {@code ucN.json} by a reader that does not know the use case's record
 * (e.g. the site index): the published map itself, unchanged.
 *
 * @param values the published metric names and values
 */
public record MapMetrics(Map<String, Object> values) implements UseCaseMetrics {

    public MapMetrics {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values == null ? Map.of() : values));
    }

    @Override
    public Map<String, Object> toMap() {
        return values;
    }
}
