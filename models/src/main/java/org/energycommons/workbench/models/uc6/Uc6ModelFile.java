package org.energycommons.workbench.models.uc6;

import java.util.Map;
import org.energycommons.workbench.models.provenance.ModelProvenance;

/**
 * The {@code model.json} written beside every saved uc6 model: its type, provenance, interval calibration and
 * type-specific settings (e.g. the degree-day coefficients).
 *
 * @param type model type, e.g. {@code degree-day}
 * @param provenance where the model comes from
 * @param intervals per-horizon interval calibration, or null when not calibrated
 * @param settings type-specific settings
 */
public record Uc6ModelFile(String type, ModelProvenance provenance, HorizonIntervals intervals,
                           Map<String, String> settings) {

    /** File name inside a model folder. */
    public static final String NAME = "model.json";
}
