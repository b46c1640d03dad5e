package org.energycommons.workbench.models.registry;

import java.util.function.BiConsumer;
import org.energycommons.workbench.datasets.lake.LakeFiles;
import org.energycommons.workbench.models.provenance.ModelProvenance;

/**
 * A trained model of any use case, as the pipeline template saves and registers it: its provenance and how it
 * writes itself to a folder.
 */
public interface TrainedModel {

    /** Use case, algorithm, parameters, seed, input table versions, commit and libraries. */
    ModelProvenance provenance();

    /** Writes the model to {@code dir} (a folder of the workspace's {@code models/}), replacing nothing else. */
    void save(String dir, LakeFiles files);

    /** A model whose saving is a function of its folder (e.g. a model file with its rules beside it). */
    static TrainedModel of(ModelProvenance provenance, BiConsumer<String, LakeFiles> save) {
        return new TrainedModel() {
            @Override
            public ModelProvenance provenance() {
                return provenance;
            }

            @Override
            public void save(String dir, LakeFiles files) {
                save.accept(dir, files);
            }
        };
    }
}
