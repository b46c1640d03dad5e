package org.energycommons.workbench.datasets.lake;

import java.util.List;

/** The catalogue of table identities the workbench writes; one constant per table. */
public final class Tables {

    private Tables() {
    }

    /** Generated load curves as a source would deliver them: PRM in clear, average W per interval end. */
    public static final TableId BRONZE_SYNTHETIC_LOAD_CURVE = new TableId(Layer.BRONZE, "synthetic_load_curve");
    /** Communes with their climate zone and weather station. */
    public static final TableId COMMUNES = new TableId(Layer.SILVER, "communes");
    /** Weather stations. */
    public static final TableId WEATHER_STATIONS = new TableId(Layer.SILVER, "weather_stations");
    /** Hourly weather per station, observed and day-ahead forecast temperature. */
    public static final TableId WEATHER_HOURLY = new TableId(Layer.SILVER, "weather_hourly");
    /** The building registry. */
    public static final TableId BUILDINGS = new TableId(Layer.SILVER, "buildings");
    /** Electricity delivery points (pseudonymised), their building, substation and tariff. */
    public static final TableId METERS = new TableId(Layer.SILVER, "meters");
    /** HTA/BT substations with their rated capacity. */
    public static final TableId SUBSTATIONS = new TableId(Layer.SILVER, "substations");
    /** 30-minute load curves in kWh per interval, UTC interval start, pseudonymised meter. */
    public static final TableId LOAD_CURVE = new TableId(Layer.SILVER, "load_curve");
    /** The French calendar: public holidays, zone B school holidays, bridge days, DST day lengths. */
    public static final TableId CALENDAR = new TableId(Layer.SILVER, "calendar");
    /** True archetype and parameters of every synthetic meter. */
    public static final TableId TRUTH_METERS = new TableId(Layer.TRUTH, "meter_archetypes");
    /** Hourly load per substation with its meter count and largest meter share (uc4 input). */
    public static final TableId SUBSTATION_LOAD_HOURLY = new TableId(Layer.GOLD_FEATURES, "substation_load_hourly");
    /** The uc4 point-in-time feature table. */
    public static final TableId UC4_FEATURES = new TableId(Layer.GOLD_FEATURES, "uc4");
    /** uc4 predictions: P10/P50/P90 per model, substation and hour. */
    public static final TableId UC4_PREDICTIONS = new TableId(Layer.GOLD_RESULTS, "uc4_predictions");
    /** uc4 metrics per model and split. */
    public static final TableId UC4_METRICS = new TableId(Layer.GOLD_RESULTS, "uc4_metrics");
    /** Every trained model with its provenance. */
    public static final TableId MODEL_REGISTRY = new TableId(Layer.REGISTRY, "models");
    /** The data catalogue: every source and lake table with licence, provenance, coverage and schema. */
    public static final TableId CATALOG = new TableId(Layer.REGISTRY, "catalog");

    /** What each table holds, for the catalogue. */
    public static final java.util.Map<TableId, String> DESCRIPTIONS = java.util.Map.ofEntries(
            java.util.Map.entry(BRONZE_SYNTHETIC_LOAD_CURVE,
                    "Synthetic 30-minute load curves as a network operator delivers them (PRM, average W, interval end)"),
            java.util.Map.entry(COMMUNES, "Communes with their climate zone and weather station"),
            java.util.Map.entry(WEATHER_STATIONS, "Weather stations"),
            java.util.Map.entry(WEATHER_HOURLY, "Hourly temperature, day-ahead forecast temperature and irradiance per station"),
            java.util.Map.entry(BUILDINGS, "Building registry: use, construction year, surface, envelope, heating energy"),
            java.util.Map.entry(METERS, "Electricity delivery points (pseudonymised) with building, substation and tariff"),
            java.util.Map.entry(SUBSTATIONS, "HTA/BT substations with their rated capacity"),
            java.util.Map.entry(LOAD_CURVE, "Load curves in kWh per interval, UTC interval start, pseudonymised meter"),
            java.util.Map.entry(CALENDAR, "French calendar: public holidays, zone B school holidays, bridge days, DST day lengths"),
            java.util.Map.entry(TRUTH_METERS, "Ground truth of the synthetic meters (archetype, true parameters), evaluation only"),
            java.util.Map.entry(SUBSTATION_LOAD_HOURLY, "Hourly substation load with meter count and largest meter share"),
            java.util.Map.entry(UC4_FEATURES, "uc4 point-in-time features, one row per substation and target hour"),
            java.util.Map.entry(UC4_PREDICTIONS, "uc4 P10/P50/P90 forecasts per model, substation and hour"),
            java.util.Map.entry(UC4_METRICS, "uc4 metrics per model and split"),
            java.util.Map.entry(MODEL_REGISTRY, "Every trained model with its provenance and metrics"));

    /** All tables, in lake order. */
    public static List<TableId> all() {
        return List.of(BRONZE_SYNTHETIC_LOAD_CURVE, COMMUNES, WEATHER_STATIONS, WEATHER_HOURLY, BUILDINGS, METERS,
                SUBSTATIONS, LOAD_CURVE, CALENDAR, TRUTH_METERS, SUBSTATION_LOAD_HOURLY, UC4_FEATURES,
                UC4_PREDICTIONS, UC4_METRICS, MODEL_REGISTRY);
    }
}
