package org.energycommons.workbench.models.uc6;

import org.energycommons.workbench.datasets.lake.LakeFiles;
import org.energycommons.workbench.models.artifact.ModelFolders;

/** Loads any saved uc6 {@link GasDemandModel} from its folder, whatever its type, with its provenance. */
public final class Uc6ModelStore {

    private Uc6ModelStore() {
    }

    /** Loads the model saved under {@code dir}. */
    public static GasDemandModel load(String dir, LakeFiles files) {
        Uc6ModelFile file = ModelFolders.readJson(dir, Uc6ModelFile.NAME, files, Uc6ModelFile.class, "uc6 model");
        return switch (file.type()) {
            case DegreeDayModel.TYPE -> DegreeDayModel.load(file);
            case ConvexDegreeDayModel.TYPE -> ConvexDegreeDayModel.load(file);
            case GbtGasModel.TYPE -> GbtGasModel.load(dir, file, files);
            default -> throw new IllegalArgumentException("unknown uc6 model type '" + file.type() + "' at " + dir);
        };
    }
}
