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

    /** Renovation works: building, date, type and the reductions they bring. */
    public static final TableId RENOVATION_WORKS = new TableId(Layer.SILVER, "renovation_works");
    /** Daily gas consumption of gas-heated buildings, kWh PCS. */
    public static final TableId GAS_BUILDING_DAILY = new TableId(Layer.SILVER, "gas_building_daily");
    /** Daily gas demand of network areas, kWh PCS. */
    public static final TableId GAS_AREA_DAILY = new TableId(Layer.SILVER, "gas_area_daily");
    /** Gas network areas with their daily capacity. */
    public static final TableId GAS_AREAS = new TableId(Layer.SILVER, "gas_areas");
    /** PV installations (kWc) per building. */
    public static final TableId PV_INSTALLATIONS = new TableId(Layer.SILVER, "pv_installations");
    /** Half-hourly PV production per building. */
    public static final TableId PV_PRODUCTION = new TableId(Layer.SILVER, "pv_production");
    /** Daily PV production, self-consumption and export per building. */
    public static final TableId PV_SELF_CONSUMPTION = new TableId(Layer.SILVER, "pv_self_consumption_daily");
    /** DPE certificates (ADEME format at silver; synthetic ones carry their building). */
    public static final TableId DPE = new TableId(Layer.SILVER, "dpe");
    /** Annual residential consumption per pseudonymised address. */
    public static final TableId ANNUAL_BY_ADDRESS = new TableId(Layer.SILVER, "annual_consumption_by_address");
    /** True savings of each renovated building over the year after its works. */
    public static final TableId TRUTH_SAVINGS = new TableId(Layer.TRUTH, "true_savings");
    /** Comparable buildings without works (placebo group). */
    public static final TableId TRUTH_COMPARISON_GROUP = new TableId(Layer.TRUTH, "comparison_group");
    /** Faults injected into public buildings' load curves, with their windows. */
    public static final TableId TRUTH_FAULTS = new TableId(Layer.TRUTH, "injected_faults");
    /** True (noise-free) DPE class and intensities of certified dwellings. */
    public static final TableId TRUTH_DPE = new TableId(Layer.TRUTH, "dpe_classes");

    /** uc1 features: one row per meter (normalised daily shapes per season and day type, thermosensitivity...). */
    public static final TableId UC1_FEATURES = new TableId(Layer.GOLD_FEATURES, "uc1");
    /** uc1 segment of each (pseudonymised) meter, per model. */
    public static final TableId UC1_SEGMENTS = new TableId(Layer.GOLD_RESULTS, "uc1_segments");
    /** uc1 centroid load profile of each segment. */
    public static final TableId UC1_CENTROIDS = new TableId(Layer.GOLD_RESULTS, "uc1_centroids");
    /** uc1 segment mix per commune (cells of at least 10 meters). */
    public static final TableId UC1_COMMUNE_MIX = new TableId(Layer.GOLD_RESULTS, "uc1_commune_mix");
    /** uc2 features: one row per public building and day. */
    public static final TableId UC2_FEATURES = new TableId(Layer.GOLD_FEATURES, "uc2");
    /** uc2 alerts per building and day, with rule, evidence and severity. */
    public static final TableId UC2_ALERTS = new TableId(Layer.GOLD_RESULTS, "uc2_alerts");
    /** uc3 features: daily consumption and temperature per building. */
    public static final TableId UC3_FEATURES = new TableId(Layer.GOLD_FEATURES, "uc3");
    /** uc3 savings per renovated building with uncertainty. */
    public static final TableId UC3_SAVINGS = new TableId(Layer.GOLD_RESULTS, "uc3_savings");
    /** uc3 placebo runs on buildings without works. */
    public static final TableId UC3_PLACEBO = new TableId(Layer.GOLD_RESULTS, "uc3_placebo");
    /** uc3 hourly features: hourly consumption, temperature and local hour of the week per building. */
    public static final TableId UC3_HOURLY_FEATURES = new TableId(Layer.GOLD_FEATURES, "uc3_hourly");
    /** uc3 daily metered and baseline-predicted use of the renovated buildings, per method. */
    public static final TableId UC3_PREDICTIONS = new TableId(Layer.GOLD_RESULTS, "uc3_predictions");
    /** uc5 features: one row per building. */
    public static final TableId UC5_FEATURES = new TableId(Layer.GOLD_FEATURES, "uc5");
    /** uc5 predicted DPE class and intensity per building. */
    public static final TableId UC5_PREDICTIONS = new TableId(Layer.GOLD_RESULTS, "uc5_predictions");
    /** uc5 "passoires thermiques" (F/G) per commune (cells of at least 10 buildings). */
    public static final TableId UC5_COMMUNE_FG = new TableId(Layer.GOLD_RESULTS, "uc5_passoires_by_commune");
    /** uc6 features: one row per gas area, issue day and horizon. */
    public static final TableId UC6_FEATURES = new TableId(Layer.GOLD_FEATURES, "uc6");
    /** uc6 daily gas demand forecasts D+1..D+7 with P10/P50/P90 and cold-peak alerts. */
    public static final TableId UC6_FORECASTS = new TableId(Layer.GOLD_RESULTS, "uc6_forecasts");
    /** uc4 rolling-origin backtest: forecasts per origin, substation and horizon hour. */
    public static final TableId UC4_BACKTEST = new TableId(Layer.GOLD_RESULTS, "uc4_backtest");

    /** All tables, in lake order. */
    public static List<TableId> all() {
        return List.of(BRONZE_SYNTHETIC_LOAD_CURVE, COMMUNES, WEATHER_STATIONS, WEATHER_HOURLY, BUILDINGS, METERS,
                SUBSTATIONS, LOAD_CURVE, CALENDAR, TRUTH_METERS, SUBSTATION_LOAD_HOURLY, UC4_FEATURES,
                UC4_PREDICTIONS, UC4_METRICS, MODEL_REGISTRY, RENOVATION_WORKS, GAS_BUILDING_DAILY, GAS_AREA_DAILY,
                GAS_AREAS, PV_INSTALLATIONS, PV_PRODUCTION, PV_SELF_CONSUMPTION, DPE, ANNUAL_BY_ADDRESS, TRUTH_SAVINGS,
                TRUTH_COMPARISON_GROUP, TRUTH_FAULTS, TRUTH_DPE, UC1_FEATURES, UC1_SEGMENTS, UC1_CENTROIDS,
                UC1_COMMUNE_MIX, UC2_FEATURES, UC2_ALERTS, UC3_FEATURES, UC3_SAVINGS, UC3_PLACEBO, UC3_HOURLY_FEATURES,
                UC3_PREDICTIONS, UC4_BACKTEST,
                UC5_FEATURES, UC5_PREDICTIONS, UC5_COMMUNE_FG, UC6_FEATURES, UC6_FORECASTS, CATALOG);
    }

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
            java.util.Map.entry(MODEL_REGISTRY, "Every trained model with its provenance and metrics"),
            java.util.Map.entry(RENOVATION_WORKS, "Renovation works: date, type, reductions of heating slope and base load"),
            java.util.Map.entry(GAS_BUILDING_DAILY, "Daily gas consumption of gas-heated buildings (kWh PCS)"),
            java.util.Map.entry(GAS_AREA_DAILY, "Daily gas demand per network area (kWh PCS)"),
            java.util.Map.entry(GAS_AREAS, "Gas network areas with their daily capacity"),
            java.util.Map.entry(PV_INSTALLATIONS, "PV installations per building (kWc)"),
            java.util.Map.entry(PV_PRODUCTION, "Half-hourly PV production per building (kWh)"),
            java.util.Map.entry(PV_SELF_CONSUMPTION, "Daily PV production, self-consumption and export per building"),
            java.util.Map.entry(DPE, "DPE certificates: classes, intensities, surface"),
            java.util.Map.entry(ANNUAL_BY_ADDRESS, "Annual residential consumption per pseudonymised address"),
            java.util.Map.entry(TRUTH_SAVINGS, "True savings of renovated buildings, evaluation only"),
            java.util.Map.entry(TRUTH_COMPARISON_GROUP, "Comparable buildings without works, evaluation only"),
            java.util.Map.entry(TRUTH_FAULTS, "Faults injected into public buildings, evaluation only"),
            java.util.Map.entry(TRUTH_DPE, "True DPE classes without certificate noise, evaluation only"),
            java.util.Map.entry(UC1_FEATURES, "uc1 features per meter: normalised daily shapes, thermosensitivity, ratios"),
            java.util.Map.entry(UC1_SEGMENTS, "uc1 segment of each pseudonymised meter, per clustering model"),
            java.util.Map.entry(UC1_CENTROIDS, "uc1 centroid load profile of each segment"),
            java.util.Map.entry(UC1_COMMUNE_MIX, "uc1 segment mix per commune, cells of at least 10 meters"),
            java.util.Map.entry(UC2_FEATURES, "uc2 features per public building and day"),
            java.util.Map.entry(UC2_ALERTS, "uc2 anomaly alerts per building and day with rule, evidence and severity"),
            java.util.Map.entry(UC3_FEATURES, "uc3 daily consumption and temperature per building"),
            java.util.Map.entry(UC3_SAVINGS, "uc3 savings per renovated building with ASHRAE 14 uncertainty"),
            java.util.Map.entry(UC3_PLACEBO, "uc3 placebo savings of buildings without works (fake works dates)"),
            java.util.Map.entry(UC3_HOURLY_FEATURES, "uc3 hourly consumption, temperature and hour of the week per building"),
            java.util.Map.entry(UC3_PREDICTIONS, "uc3 daily metered and baseline-predicted use of renovated buildings per method"),
            java.util.Map.entry(UC4_BACKTEST, "uc4 rolling-origin backtest forecasts per origin, substation and hour"),
            java.util.Map.entry(UC5_FEATURES, "uc5 features per building: registry, certificate and metered use"),
            java.util.Map.entry(UC5_PREDICTIONS, "uc5 predicted DPE class and intensity per building"),
            java.util.Map.entry(UC5_COMMUNE_FG, "uc5 F/G dwellings per commune, cells of at least 10 buildings"),
            java.util.Map.entry(UC6_FEATURES, "uc6 features per gas area, issue day and horizon"),
            java.util.Map.entry(UC6_FORECASTS, "uc6 daily gas demand forecasts D+1..D+7 with cold-peak alerts"),
            java.util.Map.entry(CATALOG, "The data catalogue"));
}
