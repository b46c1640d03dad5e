package org.energycommons.workbench.datasets.lake;

import java.util.List;

/** The catalogue of the lake's own table identities (sources, truth, registry); one constant per table. */
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
    /**
     * Consents of households, per pseudonymised meter and purpose, with their days of validity: what per-meter
     * outputs are checked against ({@code privacy/ConsentRegister}).
     */
    public static final TableId CONSENTS = new TableId(Layer.SILVER, "consents");
    /** True savings of each renovated building over the year after its works. */
    public static final TableId TRUTH_SAVINGS = new TableId(Layer.TRUTH, "true_savings");
    /** Comparable buildings without works (placebo group). */
    public static final TableId TRUTH_COMPARISON_GROUP = new TableId(Layer.TRUTH, "comparison_group");
    /** Faults injected into public buildings' load curves, with their windows. */
    public static final TableId TRUTH_FAULTS = new TableId(Layer.TRUTH, "injected_faults");
    /** True (noise-free) DPE class and intensities of certified dwellings. */
    public static final TableId TRUTH_DPE = new TableId(Layer.TRUTH, "dpe_classes");

    /**
     * Every erasure of a household (right to erasure): the hash of its pseudonym, never the identifier, with the
     * rows deleted per table, the models to retrain and when.
     */
    public static final TableId ERASURES = new TableId(Layer.REGISTRY, "erasures");

    /** Every ingest run with what it read, accepted and rejected, for {@code workbench verify}. */
    public static final TableId INGEST_RUNS = new TableId(Layer.REGISTRY, "ingest_runs");

    /**
     * The tables the lake itself knows, in lake order: sources, truth, registry and catalogue. Each use case
     * declares its own feature and result tables in its slice ({@code models/.../ucN/UcNTables}).
     */
    public static List<TableId> all() {
        return List.of(BRONZE_SYNTHETIC_LOAD_CURVE, COMMUNES, WEATHER_STATIONS, WEATHER_HOURLY, BUILDINGS, METERS,
                SUBSTATIONS, LOAD_CURVE, CALENDAR, TRUTH_METERS, MODEL_REGISTRY, RENOVATION_WORKS, GAS_BUILDING_DAILY,
                GAS_AREA_DAILY, GAS_AREAS, PV_INSTALLATIONS, PV_PRODUCTION, PV_SELF_CONSUMPTION, DPE, ANNUAL_BY_ADDRESS,
                CONSENTS, TRUTH_SAVINGS, TRUTH_COMPARISON_GROUP, TRUTH_FAULTS, TRUTH_DPE, INGEST_RUNS, ERASURES,
                CATALOG);
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
            java.util.Map.entry(CONSENTS, "Consents of households per pseudonymised meter and purpose "
                    + "(household_report, research, publication) with their validity; personal data"),
            java.util.Map.entry(TRUTH_SAVINGS, "True savings of renovated buildings, evaluation only"),
            java.util.Map.entry(TRUTH_COMPARISON_GROUP, "Comparable buildings without works, evaluation only"),
            java.util.Map.entry(TRUTH_FAULTS, "Faults injected into public buildings, evaluation only"),
            java.util.Map.entry(TRUTH_DPE, "True DPE classes without certificate noise, evaluation only"),
            java.util.Map.entry(INGEST_RUNS, "Every ingest run: source, files, records read, accepted and rejected"),
            java.util.Map.entry(ERASURES, "Every erasure of a household: pseudonym hash (never the identifier), rows "
                    + "deleted per table, models to retrain, time"),
            java.util.Map.entry(CATALOG, "The data catalogue"));

    /** Table descriptions in the order given, for a catalogue section (a use case's tables, in lake order). */
    @SafeVarargs
    public static java.util.Map<TableId, String> inOrder(java.util.Map.Entry<TableId, String>... entries) {
        java.util.Map<TableId, String> m = new java.util.LinkedHashMap<>();
        for (java.util.Map.Entry<TableId, String> e : entries) {
            m.put(e.getKey(), e.getValue());
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
