package org.energycommons.workbench.models.uc5;

import java.util.Map;
import org.energycommons.workbench.models.provenance.ModelProvenance;

/**
 * The {@code model.json} written beside every saved uc5 model: its type, approach, provenance and
 * engine-specific settings.
 *
 * @param type model type, e.g. {@code rf-mllib-class}
 * @param approach {@link DpeModel#CLASSIFICATION} or {@link DpeModel#REGRESSION}
 * @param provenance where the model comes from
 * @param settings engine-specific settings
 */
public record DpeModelFile(String type, String approach, ModelProvenance provenance, Map<String, String> settings) {

    /** File name inside a model folder. */
    public static final String NAME = "model.json";
}
