package org.energycommons.workbench.models.uc4;

import java.util.Map;
import org.energycommons.workbench.datasets.lake.Layer;
import org.energycommons.workbench.datasets.lake.TableId;
import org.energycommons.workbench.datasets.lake.Tables;

/** The gold tables uc4 writes, declared in its slice: the lake knows its layers and the sources, not the use cases. */
public final class Uc4Tables {

    private Uc4Tables() {
    }

    /** Hourly load per substation with its meter count and largest meter share (uc4 input). */
    public static final TableId SUBSTATION_LOAD_HOURLY = new TableId(Layer.GOLD_FEATURES, "substation_load_hourly");

    /** The uc4 point-in-time feature table. */
    public static final TableId FEATURES = new TableId(Layer.GOLD_FEATURES, "uc4");

    /** uc4 predictions: P10/P50/P90 per model, substation and hour. */
    public static final TableId PREDICTIONS = new TableId(Layer.GOLD_RESULTS, "uc4_predictions");

    /** uc4 metrics per model and split. */
    public static final TableId METRICS = new TableId(Layer.GOLD_RESULTS, "uc4_metrics");

    /** uc4 rolling-origin backtest: forecasts per origin, substation and horizon hour. */
    public static final TableId BACKTEST = new TableId(Layer.GOLD_RESULTS, "uc4_backtest");

    /** uc4 metrics per model and group (hour of the day, substation, lead time) of the test rows and the backtest. */
    public static final TableId BREAKDOWN = new TableId(Layer.GOLD_RESULTS, "uc4_metrics_breakdown");

    /** Every uc4 table with what it holds, in lake order, for the catalogue. */
    public static final Map<TableId, String> DESCRIPTIONS = Tables.inOrder(
            Map.entry(SUBSTATION_LOAD_HOURLY, "Hourly substation load with meter count and largest meter share"),
            Map.entry(FEATURES, "uc4 point-in-time features, one row per substation and target hour"),
            Map.entry(PREDICTIONS, "uc4 P10/P50/P90 forecasts per model, substation and hour"),
            Map.entry(METRICS, "uc4 metrics per model and split"),
            Map.entry(BACKTEST, "uc4 rolling-origin backtest forecasts per origin, substation and hour"),
            Map.entry(BREAKDOWN, "uc4 metrics per model and hour of the day, substation or lead time"));
}
