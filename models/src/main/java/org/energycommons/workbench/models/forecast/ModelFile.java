package org.energycommons.workbench.models.forecast;

import java.util.Map;
import org.energycommons.workbench.models.provenance.ModelProvenance;

/**
 * The {@code model.json} written beside every saved forecaster: its type, provenance, interval calibration and
 * any engine-specific settings.
 *
 * @param type forecaster type, e.g. {@code persistence}
 * @param provenance where the model comes from
 * @param intervals residual-interval calibration, or null when the model predicts quantiles itself
 * @param settings engine-specific settings
 */
public record ModelFile(String type, ModelProvenance provenance, ResidualIntervals intervals,
                        Map<String, String> settings) {

    /** File name inside a model folder. */
    public static final String NAME = "model.json";
}
