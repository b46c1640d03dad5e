package org.energycommons.workbench.models.uc5;

import java.util.Map;
import org.energycommons.workbench.datasets.lake.Layer;
import org.energycommons.workbench.datasets.lake.TableId;
import org.energycommons.workbench.datasets.lake.Tables;

/** The gold tables uc5 writes, declared in its slice: the lake knows its layers and the sources, not the use cases. */
public final class Uc5Tables {

    private Uc5Tables() {
    }

    /** uc5 features: one row per building. */
    public static final TableId FEATURES = new TableId(Layer.GOLD_FEATURES, "uc5");

    /** uc5 predicted DPE class and intensity per building. */
    public static final TableId PREDICTIONS = new TableId(Layer.GOLD_RESULTS, "uc5_predictions");

    /** uc5 "passoires thermiques" (F/G) per commune (cells of at least 10 buildings). */
    public static final TableId COMMUNE_FG = new TableId(Layer.GOLD_RESULTS, "uc5_passoires_by_commune");

    /** Every uc5 table with what it holds, in lake order, for the catalogue. */
    public static final Map<TableId, String> DESCRIPTIONS = Tables.inOrder(
            Map.entry(FEATURES, "uc5 features per building: registry, certificate and metered use"),
            Map.entry(PREDICTIONS, "uc5 predicted DPE class and intensity per building"),
            Map.entry(COMMUNE_FG, "uc5 F/G dwellings per commune, cells of at least 10 buildings"));
}
