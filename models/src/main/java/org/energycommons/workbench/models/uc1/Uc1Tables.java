package org.energycommons.workbench.models.uc1;

import java.util.Map;
import org.energycommons.workbench.datasets.lake.Layer;
import org.energycommons.workbench.datasets.lake.TableId;
import org.energycommons.workbench.datasets.lake.Tables;

/** The gold tables uc1 writes, declared in its slice: the lake knows its layers and the sources, not the use cases. */
public final class Uc1Tables {

    private Uc1Tables() {
    }

    /** uc1 features: one row per meter (normalised daily shapes per season and day type, thermosensitivity...). */
    public static final TableId FEATURES = new TableId(Layer.GOLD_FEATURES, "uc1");

    /** uc1 segment of each (pseudonymised) meter, per model. */
    public static final TableId SEGMENTS = new TableId(Layer.GOLD_RESULTS, "uc1_segments");

    /** uc1 centroid load profile of each segment. */
    public static final TableId CENTROIDS = new TableId(Layer.GOLD_RESULTS, "uc1_centroids");

    /** uc1 segment mix per commune (cells of at least 10 meters). */
    public static final TableId COMMUNE_MIX = new TableId(Layer.GOLD_RESULTS, "uc1_commune_mix");

    /** Every uc1 table with what it holds, in lake order, for the catalogue. */
    public static final Map<TableId, String> DESCRIPTIONS = Tables.inOrder(
            Map.entry(FEATURES, "uc1 features per meter: normalised daily shapes, thermosensitivity, ratios"),
            Map.entry(SEGMENTS, "uc1 segment of each pseudonymised meter, per clustering model"),
            Map.entry(CENTROIDS, "uc1 centroid load profile of each segment"),
            Map.entry(COMMUNE_MIX, "uc1 segment mix per commune, cells of at least 10 meters"));
}
