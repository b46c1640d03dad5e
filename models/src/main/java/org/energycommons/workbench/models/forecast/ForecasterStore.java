package org.energycommons.workbench.models.forecast;

import org.energycommons.workbench.datasets.lake.LakeFiles;
import org.energycommons.workbench.models.provenance.Json;

/** Loads any saved {@link LoadForecaster} from its folder, whatever its engine, with its provenance. */
public final class ForecasterStore {

    private ForecasterStore() {
    }

    /** Loads the forecaster saved under {@code dir}. */
    public static LoadForecaster load(String dir, LakeFiles files) {
        String path = dir + "/" + ModelFile.NAME;
        if (!files.exists(path)) {
            throw new IllegalArgumentException("no saved model at " + dir + " (missing " + ModelFile.NAME + ")");
        }
        ModelFile file = Json.read(files.readString(path), ModelFile.class);
        return switch (file.type()) {
            case PersistenceForecaster.TYPE -> PersistenceForecaster.load(file);
            case MllibGbtForecaster.TYPE -> MllibGbtForecaster.load(dir, file);
            case SmileQuantileGbtForecaster.TYPE -> SmileQuantileGbtForecaster.load(dir, file, files);
            default -> throw new IllegalArgumentException("unknown model type '" + file.type() + "' at " + dir);
        };
    }
}
