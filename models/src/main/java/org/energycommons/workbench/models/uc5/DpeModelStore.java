package org.energycommons.workbench.models.uc5;

import org.energycommons.workbench.datasets.lake.LakeFiles;
import org.energycommons.workbench.models.provenance.Json;

/** Loads any saved {@link DpeModel} from its folder, whatever its engine, with its provenance. */
public final class DpeModelStore {

    private DpeModelStore() {
    }

    /**
     * Loads the model saved under {@code dir}.
     *
     * @throws IllegalArgumentException when there is no saved model there or its type is unknown
     */
    public static DpeModel load(String dir, LakeFiles files) {
        String path = dir + "/" + DpeModelFile.NAME;
        if (!files.exists(path)) {
            throw new IllegalArgumentException("no saved uc5 model at " + dir + " (missing " + DpeModelFile.NAME + ")");
        }
        DpeModelFile file = Json.read(files.readString(path), DpeModelFile.class);
        if (MllibDpeModel.TYPES.contains(file.type())) {
            return MllibDpeModel.load(dir, file);
        }
        if (SmileDpeModel.TYPES.contains(file.type())) {
            return SmileDpeModel.load(dir, file, files);
        }
        throw new IllegalArgumentException("unknown uc5 model type '" + file.type() + "' at " + dir);
    }
}
