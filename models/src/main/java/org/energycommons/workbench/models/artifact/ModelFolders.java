package org.energycommons.workbench.models.artifact;

import org.energycommons.workbench.datasets.lake.LakeFiles;
import org.energycommons.workbench.models.provenance.Json;

/** The folders trained models are saved in beside the lake: the files they must hold and their JSON description. */
public final class ModelFolders {

    private ModelFolders() {
    }

    /**
     * The path of the file {@code name} in the model folder {@code dir}.
     *
     * @throws IllegalArgumentException "{@code no saved <what> at <dir> (missing <name>)}" when it is absent
     */
    public static String requireFile(String dir, String name, LakeFiles files, String what) {
        String path = dir + "/" + name;
        if (!files.exists(path)) {
            throw new IllegalArgumentException("no saved " + what + " at " + dir + " (missing " + name + ")");
        }
        return path;
    }

    /** The JSON file {@code name} of the model folder {@code dir} read as {@code type}; see {@link #requireFile}. */
    public static <T> T readJson(String dir, String name, LakeFiles files, Class<T> type, String what) {
        return Json.read(files.readString(requireFile(dir, name, files, what)), type);
    }
}
