package org.energycommons.workbench.datasets.grid;

import static org.apache.spark.sql.functions.ceil;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.shiftrightunsigned;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Rated capacities of the synthetic substations: the transformer rating is set against the 99.5th percentile
 * of the apparent power the substation actually carries, so that about a third of substations run close to or
 * over their rating at winter peaks (the congestion cases uc4 must detect) and the others have headroom.
 */
public final class SubstationCapacity {

    /** Power factor (cos φ) converting active power kW to apparent power kVA on low-voltage feeders. */
    public static final double POWER_FACTOR = 0.93;
    /** Share of substations that are loaded close to their rating. */
    public static final double STRESSED_SHARE = 1.0 / 3.0;

    private SubstationCapacity() {
    }

    /** Apparent power in kVA of an active power column in kW. */
    public static Column kva(Column kw) {
        return kw.divide(POWER_FACTOR);
    }

    /**
     * The substation table with capacities.
     *
     * @param hourly {@link SubstationLoad#hourly} rows
     * @param meters silver meters: {@code meter_id, substation_id, commune_code}
     * @param seed the region seed
     * @return {@code substation_id, commune_code, voltage_level, n_meters, capacity_kva}
     */
    public static Dataset<Row> substations(Dataset<Row> hourly, Dataset<Row> meters, long seed) {
        Column u = uniform(seed, 1);
        Column v = uniform(seed, 2);
        Column factor = when(u.lt(STRESSED_SHARE), lit(0.94).plus(v.multiply(0.06)))
                .otherwise(lit(1.15).plus(v.multiply(0.45)));
        Dataset<Row> peaks = hourly
                .groupBy("substation_id")
                .agg(expr("percentile_approx(load_kw, 0.995, 10000)").as("p995_kw"));
        return meters
                .groupBy("substation_id")
                .agg(first("commune_code").as("commune_code"), countDistinct("meter_id").cast("int").as("n_meters"))
                .join(peaks, "substation_id")
                .select(
                        col("substation_id"),
                        col("commune_code"),
                        lit("HTA/BT").as("voltage_level"),
                        col("n_meters"),
                        ceil(kva(col("p995_kw")).multiply(factor).divide(5)).multiply(5).cast("double").as("capacity_kva"))
                .orderBy("substation_id");
    }

    private static Column uniform(long seed, int salt) {
        Column h = xxhash64(lit(seed), lit(salt), col("substation_id"));
        return shiftrightunsigned(h, 11).cast("double").multiply(1.0 / (1L << 53));
    }
}
