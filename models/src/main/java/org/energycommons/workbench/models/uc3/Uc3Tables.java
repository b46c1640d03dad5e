package org.energycommons.workbench.models.uc3;

import java.util.Map;
import org.energycommons.workbench.datasets.lake.Layer;
import org.energycommons.workbench.datasets.lake.TableId;
import org.energycommons.workbench.datasets.lake.Tables;

/** The gold tables uc3 writes, declared in its slice: the lake knows its layers and the sources, not the use cases. */
public final class Uc3Tables {

    private Uc3Tables() {
    }

    /** uc3 features: daily consumption and temperature per building. */
    public static final TableId FEATURES = new TableId(Layer.GOLD_FEATURES, "uc3");

    /** uc3 savings per renovated building with uncertainty. */
    public static final TableId SAVINGS = new TableId(Layer.GOLD_RESULTS, "uc3_savings");

    /** uc3 placebo runs on buildings without works. */
    public static final TableId PLACEBO = new TableId(Layer.GOLD_RESULTS, "uc3_placebo");

    /** uc3 hourly features: hourly consumption, temperature and local hour of the week per building. */
    public static final TableId HOURLY_FEATURES = new TableId(Layer.GOLD_FEATURES, "uc3_hourly");

    /** uc3 daily metered and baseline-predicted use of the renovated buildings, per method. */
    public static final TableId PREDICTIONS = new TableId(Layer.GOLD_RESULTS, "uc3_predictions");

    /** Every uc3 table with what it holds, in lake order, for the catalogue. */
    public static final Map<TableId, String> DESCRIPTIONS = Tables.inOrder(
            Map.entry(FEATURES, "uc3 daily consumption and temperature per building"),
            Map.entry(SAVINGS, "uc3 savings per renovated building with ASHRAE 14 uncertainty"),
            Map.entry(PLACEBO, "uc3 placebo savings of buildings without works (fake works dates)"),
            Map.entry(HOURLY_FEATURES, "uc3 hourly consumption, temperature and hour of the week per building"),
            Map.entry(PREDICTIONS, "uc3 daily metered and baseline-predicted use of renovated buildings per method"));
}
