package org.energycommons.workbench.models.forecast;

import org.energycommons.workbench.datasets.lake.LakeFiles;
import org.energycommons.workbench.models.artifact.ModelFolders;

/** Loads any saved {@link LoadForecaster} from its folder, whatever its engine, with its provenance. */
public final class ForecasterStore {

    private ForecasterStore() {
    }

    /** Loads the forecaster saved under {@code dir}. */
    public static LoadForecaster load(String dir, LakeFiles files) {
        ModelFile file = ModelFolders.readJson(dir, ModelFile.NAME, files, ModelFile.class, "model");
        return switch (file.type()) {
            case PersistenceForecaster.TYPE -> PersistenceForecaster.load(file);
            case MllibGbtForecaster.TYPE -> MllibGbtForecaster.load(dir, file);
            case XgboostQuantileForecaster.TYPE -> XgboostQuantileForecaster.load(dir, file, files);
            case XgboostQuantileForecaster.RETIRED_SMILE_TYPE -> throw new IllegalArgumentException("the model at "
                    + dir + " is a Smile quantile model (" + file.type() + "), which this version no longer loads: "
                    + "it fits XGBoost's (" + XgboostQuantileForecaster.TYPE + ") instead; run train uc4 again");
            default -> throw new IllegalArgumentException("unknown model type '" + file.type() + "' at " + dir);
        };
    }
}
