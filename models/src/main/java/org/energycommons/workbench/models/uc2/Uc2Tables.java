package org.energycommons.workbench.models.uc2;

import java.util.Map;
import org.energycommons.workbench.datasets.lake.Layer;
import org.energycommons.workbench.datasets.lake.TableId;
import org.energycommons.workbench.datasets.lake.Tables;

/** The gold tables uc2 writes, declared in its slice: the lake knows its layers and the sources, not the use cases. */
public final class Uc2Tables {

    private Uc2Tables() {
    }

    /** uc2 features: one row per public building and day. */
    public static final TableId FEATURES = new TableId(Layer.GOLD_FEATURES, "uc2");

    /** uc2 alerts per building and day, with rule, evidence and severity. */
    public static final TableId ALERTS = new TableId(Layer.GOLD_RESULTS, "uc2_alerts");

    /** Every uc2 table with what it holds, in lake order, for the catalogue. */
    public static final Map<TableId, String> DESCRIPTIONS = Tables.inOrder(
            Map.entry(FEATURES, "uc2 features per public building and day"),
            Map.entry(ALERTS, "uc2 anomaly alerts per building and day with rule, evidence and severity"));
}
