package org.energycommons.workbench.models.uc1;

import org.energycommons.workbench.datasets.lake.LakeFiles;
import org.energycommons.workbench.models.artifact.ModelFolders;

/** Loads any saved uc1 {@link SegmentModel} from its folder, whatever its engine, with its provenance and space. */
public final class Uc1ModelStore {

    private Uc1ModelStore() {
    }

    /** Loads the model saved under {@code dir}. */
    public static SegmentModel load(String dir, LakeFiles files) {
        SegmentModelFile file = ModelFolders.readJson(dir, SegmentModelFile.NAME, files, SegmentModelFile.class,
                "uc1 model");
        return switch (file.type()) {
            case MllibSegmentModel.KMEANS, MllibSegmentModel.BISECTING, MllibSegmentModel.GMM ->
                    MllibSegmentModel.load(dir, file);
            case HierarchicalSegmentModel.TYPE -> HierarchicalSegmentModel.load(dir, file, files);
            case SegmentClassifier.TYPE -> SegmentClassifier.load(dir, file);
            default -> throw new IllegalArgumentException("unknown uc1 model type '" + file.type() + "' at " + dir);
        };
    }
}
