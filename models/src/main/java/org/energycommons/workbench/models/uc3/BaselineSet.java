package org.energycommons.workbench.models.uc3;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.energycommons.workbench.datasets.lake.LakeFiles;
import org.energycommons.workbench.models.artifact.ModelFolders;
import org.energycommons.workbench.models.artifact.SerializedModels;
import org.energycommons.workbench.models.mv.BaselineModel;
import org.energycommons.workbench.models.mv.BillingModel;
import org.energycommons.workbench.models.mv.TowtModel;
import org.energycommons.workbench.models.provenance.Json;
import org.energycommons.workbench.models.provenance.ModelProvenance;

/**
 * A saved uc3 model: the fitted baselines of one method, one per run (building, role, works date), with the
 * provenance of the whole fit. Saved in a folder as {@code model.json} (type, provenance, options, runs) and
 * {@code baselines.ser} (Java serialisation of the fitted models: {@link BaselineModel}, {@link BillingModel} or
 * {@link TowtModel}); loads in one call ({@link #load}).
 *
 * @param method {@link SavingsFits#DAILY}, {@link SavingsFits#BILLING} or {@link SavingsFits#HOURLY}
 * @param baselines the fitted runs
 */
public record BaselineSet(String method, List<Stored> baselines) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** File of the description. */
    public static final String MODEL_FILE = "model.json";
    /** File of the fitted models. */
    public static final String BASELINES_FILE = "baselines.ser";

    public BaselineSet {
        Objects.requireNonNull(method, "method");
        if (!SavingsFits.METHODS.contains(method)) {
            throw new IllegalArgumentException("unknown method '" + method + "'; known: " + SavingsFits.METHODS);
        }
        baselines = List.copyOf(baselines);
        for (Stored s : baselines) {
            Class<?> expected = switch (method) {
                case SavingsFits.DAILY -> BaselineModel.class;
                case SavingsFits.BILLING -> BillingModel.class;
                default -> TowtModel.class;
            };
            if (!expected.isInstance(s.model())) {
                throw new IllegalArgumentException("a " + method + " set holds " + expected.getSimpleName()
                        + "s, not " + (s.model() == null ? "null" : s.model().getClass().getSimpleName()));
            }
        }
    }

    /** One fitted run. */
    public record Stored(Assignment assignment, Serializable model) implements Serializable {
        private static final long serialVersionUID = 1L;

        public Stored {
            Objects.requireNonNull(assignment, "assignment");
            Objects.requireNonNull(model, "model");
        }
    }

    /** The fitted runs of a method. */
    public static BaselineSet of(String method, List<BuildingFit> fits) {
        return new BaselineSet(method, fits.stream()
                .filter(f -> f.method().equals(method) && f.fitted())
                .map(f -> new Stored(f.assignment(), f.model()))
                .toList());
    }

    /** The model of a building's run of a role; null when absent. */
    public Serializable model(String buildingId, String role) {
        return baselines.stream()
                .filter(s -> s.assignment().buildingId().equals(buildingId) && s.assignment().role().equals(role))
                .map(Stored::model).findFirst().orElse(null);
    }

    /** The number of fitted runs of a building in this set. */
    public int runsOf(String buildingId) {
        return (int) baselines.stream().filter(s -> s.assignment().buildingId().equals(buildingId)).count();
    }

    /** This set without the runs of a building (its erasure); the same set when it has none. */
    public BaselineSet without(String buildingId) {
        return new BaselineSet(method, baselines.stream()
                .filter(s -> !s.assignment().buildingId().equals(buildingId))
                .toList());
    }

    /**
     * Removes a building's runs from the set saved in {@code dir} (the right to erasure): rewrites
     * {@code baselines.ser} and the run list of {@code model.json}, whose provenance stays that of the fit and
     * which records how many runs were erased. Each file is replaced whole.
     *
     * @return the number of runs removed, 0 when the set has none of that building (nothing is rewritten)
     */
    public static int eraseBuilding(String dir, LakeFiles files, String buildingId) {
        BaselineSet set = load(dir, files);
        BaselineSet kept = set.without(buildingId);
        int removed = set.baselines().size() - kept.baselines().size();
        if (removed == 0) {
            return 0;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> doc = Json.read(files.readString(dir + "/" + MODEL_FILE), LinkedHashMap.class);
        doc.put("baselines", kept.baselines().size());
        doc.put("runs", runs(kept));
        Object before = doc.get("erased_runs");
        doc.put("erased_runs", (before instanceof Number n ? n.intValue() : 0) + removed);
        SerializedModels.save(kept, dir + "/" + BASELINES_FILE, files, set.method() + " baselines");
        files.writeString(dir + "/" + MODEL_FILE, Json.write(doc));
        return removed;
    }

    private static List<String> runs(BaselineSet set) {
        return set.baselines().stream().map(s -> s.assignment().role() + ":" + s.assignment().buildingId() + "@"
                + s.assignment().interventionDate()).toList();
    }

    /** Writes {@code dir/model.json} and {@code dir/baselines.ser}. */
    public void save(String dir, LakeFiles files, ModelProvenance provenance, Map<String, String> options) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("type", method);
        doc.put("provenance", provenance);
        doc.put("options", options);
        doc.put("baselines", baselines.size());
        doc.put("runs", runs(this));
        files.writeString(dir + "/" + MODEL_FILE, Json.write(doc));
        SerializedModels.save(this, dir + "/" + BASELINES_FILE, files, method + " baselines");
    }

    /** Reads a set written by {@link #save}. */
    public static BaselineSet load(String dir, LakeFiles files) {
        String path = ModelFolders.requireFile(dir, BASELINES_FILE, files, "uc3 baselines");
        return SerializedModels.load(path, files, BaselineSet.class, "uc3 baselines");
    }

    /** The provenance saved beside the baselines. */
    public static ModelProvenance provenance(String dir, LakeFiles files) {
        @SuppressWarnings("unchecked")
        Map<String, Object> doc = Json.read(files.readString(dir + "/" + MODEL_FILE), Map.class);
        return Json.mapper().convertValue(doc.get("provenance"), ModelProvenance.class);
    }
}
