package org.energycommons.workbench.models.forecast;

/** Column names shared by forecasters, metrics and reports. */
public final class ForecastColumns {

    private ForecastColumns() {
    }

    /** Observed load, kW (mean power over the hour). */
    public static final String ACTUAL = "load_kw";
    /** 10% quantile forecast, kW. */
    public static final String P10 = "p10_kw";
    /** Median forecast, kW. */
    public static final String P50 = "p50_kw";
    /** 90% quantile forecast, kW. */
    public static final String P90 = "p90_kw";
    /** Persistence forecast (same local hour one week before), kW. */
    public static final String PERSISTENCE = "lag_d7_kw";
    /** Scale of the substation's load known at forecast time, kW. */
    public static final String LEVEL = "level_kw";
    /** Rated apparent power of the substation, kVA. */
    public static final String CAPACITY = "capacity_kva";
    /** Split name column. */
    public static final String SPLIT = "split";
}
