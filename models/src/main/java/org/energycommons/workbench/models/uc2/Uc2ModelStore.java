package org.energycommons.workbench.models.uc2;

import java.io.Serializable;
import java.util.Map;
import org.energycommons.workbench.datasets.lake.LakeFiles;
import org.energycommons.workbench.models.artifact.ModelFolders;
import org.energycommons.workbench.models.artifact.SerializedModels;
import org.energycommons.workbench.models.provenance.Json;
import org.energycommons.workbench.models.provenance.ModelProvenance;

/**
 * Saves and loads the uc2 models: a folder with {@code model.json} (type, provenance, settings), the fitted object
 * Java-serialized in {@code model.bin} (Smile models are serializable) and, for rule-based detectors, the rules
 * file they run in {@code rules.txt}. Works on any file system {@link LakeFiles} reaches.
 */
public final class Uc2ModelStore {

    /** Type of the expected-consumption model. */
    public static final String EXPECTED = "expected-consumption";
    /** Type of the rule-based detector. */
    public static final String RULES = "rules";
    /** Type of the isolation forest. */
    public static final String FOREST = "isolation-forest";
    /** Type of the combined detector. */
    public static final String COMBINED = "rules+isolation-forest";

    private static final String JSON = "model.json";
    private static final String BIN = "model.bin";
    private static final String RULES_FILE = "rules.txt";

    private Uc2ModelStore() {
    }

    /**
     * The {@code model.json} document.
     *
     * @param type one of the type constants
     * @param provenance where the model comes from
     * @param settings detector settings (threshold, rules kept...)
     */
    public record ModelFile(String type, ModelProvenance provenance, Map<String, String> settings) {
    }

    /**
     * A loaded model.
     *
     * @param file its {@code model.json}
     * @param model the deserialized object ({@link ExpectedConsumptionModel} or {@link AnomalyForest}), or null
     * @param rules the rules it runs, or null
     */
    public record Loaded(ModelFile file, Object model, AlertRules rules) {
    }

    /** Saves a model under {@code dir} (replacing what is there); {@code model} and {@code rules} may be null. */
    public static void save(String dir, LakeFiles files, ModelFile file, Serializable model, AlertRules rules) {
        files.delete(dir);
        files.writeString(dir + "/" + JSON, Json.write(file));
        if (model != null) {
            SerializedModels.save(model, dir + "/" + BIN, files, file.type() + " model");
        }
        if (rules != null) {
            files.writeString(dir + "/" + RULES_FILE, rules.text());
        }
    }

    /** Loads the model saved under {@code dir}; a rules detector reloads only the rules it kept. */
    public static Loaded load(String dir, LakeFiles files) {
        ModelFile file = ModelFolders.readJson(dir, JSON, files, ModelFile.class, "uc2 model");
        Object model = null;
        if (files.exists(dir + "/" + BIN)) {
            model = SerializedModels.load(dir + "/" + BIN, files, Object.class, file.type() + " model");
        }
        AlertRules rules = null;
        if (files.exists(dir + "/" + RULES_FILE)) {
            rules = AlertRules.parse(dir + "/" + RULES_FILE, files.readString(dir + "/" + RULES_FILE));
            String kept = file.settings().get("rules_kept");
            if (kept != null) {
                rules = rules.only(java.util.Set.of(kept.split(",")));
            }
        }
        return new Loaded(file, model, rules);
    }
}
