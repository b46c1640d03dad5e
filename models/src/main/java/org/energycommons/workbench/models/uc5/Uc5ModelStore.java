package org.energycommons.workbench.models.uc5;

import org.energycommons.workbench.datasets.lake.LakeFiles;
import org.energycommons.workbench.models.artifact.ModelFolders;

/** Loads any saved {@link DpeModel} from its folder, whatever its engine, with its provenance. */
public final class Uc5ModelStore {

    private Uc5ModelStore() {
    }

    /**
     * Loads the model saved under {@code dir}.
     *
     * @throws IllegalArgumentException when there is no saved model there or its type is unknown
     */
    public static DpeModel load(String dir, LakeFiles files) {
        DpeModelFile file = ModelFolders.readJson(dir, DpeModelFile.NAME, files, DpeModelFile.class, "uc5 model");
        if (MllibDpeModel.TYPES.contains(file.type())) {
            return MllibDpeModel.load(dir, file);
        }
        if (SmileDpeModel.TYPES.contains(file.type())) {
            return SmileDpeModel.load(dir, file, files);
        }
        if (RidgeDpeModel.TYPES.contains(file.type())) {
            return RidgeDpeModel.load(file);
        }
        throw new IllegalArgumentException("unknown uc5 model type '" + file.type() + "' at " + dir);
    }
}
