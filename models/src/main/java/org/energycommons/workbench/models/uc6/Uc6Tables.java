package org.energycommons.workbench.models.uc6;

import java.util.Map;
import org.energycommons.workbench.datasets.lake.Layer;
import org.energycommons.workbench.datasets.lake.TableId;
import org.energycommons.workbench.datasets.lake.Tables;

/** The gold tables uc6 writes, declared in its slice: the lake knows its layers and the sources, not the use cases. */
public final class Uc6Tables {

    private Uc6Tables() {
    }

    /** uc6 features: one row per gas area, issue day and horizon. */
    public static final TableId FEATURES = new TableId(Layer.GOLD_FEATURES, "uc6");

    /** uc6 daily gas demand forecasts D+1..D+7 with P10/P50/P90 and cold-peak alerts. */
    public static final TableId FORECASTS = new TableId(Layer.GOLD_RESULTS, "uc6_forecasts");

    /** Every uc6 table with what it holds, in lake order, for the catalogue. */
    public static final Map<TableId, String> DESCRIPTIONS = Tables.inOrder(
            Map.entry(FEATURES, "uc6 features per gas area, issue day and horizon"),
            Map.entry(FORECASTS, "uc6 daily gas demand forecasts D+1..D+7 with cold-peak alerts"));
}
