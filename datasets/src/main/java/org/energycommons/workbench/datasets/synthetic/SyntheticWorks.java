package org.energycommons.workbench.datasets.synthetic;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Energy renovation works in the synthetic region, with the comparison group and the true savings an evaluation of
 * the works (measurement and verification, difference in differences) must recover.
 *
 * <p>About {@value #SHARE} of buildings get one work, on a day leaving at least {@value #MARGIN_DAYS} days of load
 * curve before and after it; its type sets the reduction of the heating slope and of the base load:
 * <table>
 *   <caption>Works types</caption>
 *   <tr><th>works_type</th><th>heating_slope_reduction</th><th>base_load_reduction</th></tr>
 *   <tr><td>insulation_walls</td><td>0.20–0.35</td><td>0–0.05</td></tr>
 *   <tr><td>insulation_roof</td><td>0.15–0.25</td><td>0–0.05</td></tr>
 *   <tr><td>windows</td><td>0.15–0.20</td><td>0–0.05</td></tr>
 *   <tr><td>global</td><td>0.40–0.60</td><td>0.05–0.10</td></tr>
 *   <tr><td>heat_pump</td><td>0.50–0.60 (convectors replaced, COP about 2–2.5)</td><td>0–0.03</td></tr>
 * </table>
 * Types are equally likely; {@code heat_pump} is drawn only for buildings heated by direct electricity
 * ({@code heating_energy = 'electricity'}): for the others, a heat pump would raise electricity use.
 *
 * <p><b>How the load-curve generator applies works.</b> The reductions act on the true parameters from the local
 * day {@code works_date} (Europe/Paris) on: the half-hour mean power is computed with
 * <pre>
 *   heating_slope_kw_per_c = {@link #heatingSlopeAfterWorks}(slope, ts_start_utc, works_date, heating_slope_reduction)
 *   base_kw                = {@link #baseKwAfterWorks}(base_kw, ts_start_utc, works_date, base_load_reduction)
 * </pre>
 * which {@link #applyWorks(Dataset, Dataset)} does for a whole frame: in
 * {@link SyntheticRegion#bronzeLoadCurve}, replace {@code meters.join(slotWeather, "station_id")} by
 * {@code SyntheticWorks.applyWorks(meters.join(slotWeather, "station_id"), works)} before the mean power is
 * computed; buildings without works keep their parameters. The electric slope of buildings heated by gas, fuel oil
 * or wood is their auxiliaries' (4 % of the loss): works change their electricity little, and
 * {@link SyntheticGas} does not apply works in v1.
 *
 * <p>Every random value is a hash of the seed and {@code building_id}: the same seed gives identical rows.
 */
public final class SyntheticWorks {

    /** Share of buildings with works. */
    public static final double SHARE = 0.15;
    /** Days of load curve left before and after the works day. */
    public static final int MARGIN_DAYS = 120;
    /** Days after the works over which the true savings are summed (fewer when the region ends before). */
    public static final int TRUTH_DAYS = 365;
    /** The works types; the first four apply to every building, {@code heat_pump} to direct electric heating. */
    public static final List<String> TYPES = List.of("insulation_walls", "insulation_roof", "windows", "global",
            "heat_pump");

    private static final double[] SLOPE_LO = {0.20, 0.15, 0.15, 0.40, 0.50};
    private static final double[] SLOPE_HI = {0.35, 0.25, 0.20, 0.60, 0.60};
    private static final double[] BASE_LO = {0.0, 0.0, 0.0, 0.05, 0.0};
    private static final double[] BASE_HI = {0.05, 0.05, 0.05, 0.10, 0.03};

    private SyntheticWorks() {
    }

    /**
     * The works: one row per renovated building. A region shorter than {@code 2 × MARGIN_DAYS + 1} days has none.
     *
     * @param meters the {@link SyntheticRegion#meters()} rows
     * @return {@code building_id string, works_date date, works_type string, heating_slope_reduction double
     *     (fraction), base_load_reduction double (fraction)}, reductions rounded to 0.001
     */
    public static Dataset<Row> works(RegionConfig config, Dataset<Row> meters) {
        long seed = config.seed();
        int choices = config.days() - 2 * MARGIN_DAYS;
        Column id = col("building_id");
        Column types = when(col("heating_energy").equalTo("electricity"), lit(TYPES.size()))
                .otherwise(lit(TYPES.size() - 1));
        Column index = floor(SyntheticColumns.uniform(seed, "works.type", id).multiply(types)).cast("int")
                .plus(1);
        Column slopeU = SyntheticColumns.uniform(seed, "works.slope", id);
        Column baseU = SyntheticColumns.uniform(seed, "works.base", id);
        Column slope = pick(SLOPE_LO, index).plus(pick(SLOPE_HI, index).minus(pick(SLOPE_LO, index)).multiply(slopeU));
        Column base = pick(BASE_LO, index).plus(pick(BASE_HI, index).minus(pick(BASE_LO, index)).multiply(baseU));
        Column day = floor(SyntheticColumns.uniform(seed, "works.date", id).multiply(Math.max(choices, 1)))
                .cast("int");
        Column selected = SyntheticColumns.uniform(seed, "works.select", id).lt(SHARE).and(lit(choices > 0));
        return meters
                .filter(selected)
                .select(id,
                        date_add(lit(java.sql.Date.valueOf(config.start().plusDays(MARGIN_DAYS))), day)
                                .as("works_date"),
                        element_at(array(TYPES.stream().map(org.apache.spark.sql.functions::lit)
                                .toArray(Column[]::new)), index).as("works_type"),
                        round(slope, 3).as("heating_slope_reduction"),
                        round(base, 3).as("base_load_reduction"));
    }

    /**
     * The comparison group: buildings without works similar to the renovated ones. Within each archetype, every
     * renovated building brings (1) the building without works of the same surface rank (quantile matching: the
     * i-th of t renovated buildings by surface gets the untreated one of rank ⌊(i + ½) · u / t⌋ of u, distinct
     * for distinct i whenever u ≥ t) and (2) its nearest building without works in log-surface (ties by
     * {@code building_id}). The group therefore has at least as many buildings as there are works in each
     * archetype that has at least as many buildings without works as with.
     *
     * @param meters the meters rows
     * @param works the rows of {@link #works}
     * @return {@code building_id string}, distinct
     */
    public static Dataset<Row> comparisonGroup(Dataset<Row> meters, Dataset<Row> works) {
        Dataset<Row> base = meters.select("building_id", "archetype", "surface_m2");
        Dataset<Row> treated = base.join(works.select("building_id"), "building_id");
        Dataset<Row> untreated = base.join(works.select("building_id"), new String[] {"building_id"}, "left_anti");
        WindowSpec bySurface = Window.partitionBy("archetype").orderBy("surface_m2", "building_id");
        WindowSpec all = Window.partitionBy("archetype");

        Dataset<Row> untreatedRanked = untreated
                .withColumn("s", row_number().over(bySurface).minus(1))
                .select("archetype", "s", "building_id");
        Dataset<Row> untreatedCounts = untreated.groupBy("archetype").agg(count("*").as("u"));
        Dataset<Row> quantileMatch = treated
                .withColumn("r", row_number().over(bySurface).minus(1))
                .withColumn("t", count("*").over(all))
                .join(untreatedCounts, "archetype")
                .select(col("archetype"),
                        floor(col("r").plus(0.5).multiply(col("u")).divide(col("t"))).as("s"))
                .join(untreatedRanked, new String[] {"archetype", "s"})
                .select("building_id");

        Dataset<Row> pairs = treated.select(col("building_id").as("t_id"), col("archetype"),
                        col("surface_m2").as("t_surface"))
                .join(untreated, "archetype")
                .withColumn("distance", abs(log(col("surface_m2").divide(col("t_surface")))));
        Dataset<Row> nearest = pairs
                .withColumn("k", row_number().over(Window.partitionBy("t_id").orderBy("distance", "building_id")))
                .filter(col("k").equalTo(1))
                .select("building_id");
        return quantileMatch.union(nearest).distinct();
    }

    /**
     * The true savings of every work: the noise-free electricity use of the building (the mean power of
     * {@link SyntheticRegion#bronzeLoadCurve} without its noises: base, occupancy, heating, cooling, water heater),
     * summed over the half-hours of the local days {@code works_date .. min(works_date + 364, region end)}, with
     * the true parameters (counterfactual) and with the reductions applied by {@link #heatingSlopeAfterWorks} and
     * {@link #baseKwAfterWorks} (actual). Deterministic, no noise: the truth.
     *
     * @param meters the meters rows
     * @param works the rows of {@link #works}
     * @param weather hourly weather of {@link SyntheticRegion#weather()}
     * @param calendar the calendar of {@link SyntheticRegion#calendar()}
     * @return {@code building_id string, period_start date, period_end date (inclusive), counterfactual_kwh double,
     *     actual_kwh double, true_savings_kwh double = counterfactual_kwh − actual_kwh, true_savings_fraction double
     *     = true_savings_kwh / counterfactual_kwh}
     */
    public static Dataset<Row> trueSavings(SparkSession spark, RegionConfig config, Dataset<Row> meters,
                                           Dataset<Row> works, Dataset<Row> weather, Dataset<Row> calendar) {
        Dataset<Row> w = works.select("building_id", "works_date", "heating_slope_reduction", "base_load_reduction");
        Dataset<Row> treated = meters.join(broadcast(w), "building_id");
        Column periodEnd = least(date_add(col("works_date"), TRUTH_DAYS - 1),
                lit(java.sql.Date.valueOf(config.end())));
        Dataset<Row> halfHours = SyntheticColumns.halfHours(spark, config, treated, weather, calendar)
                .withColumn("period_end", periodEnd)
                .filter(col("local_date").between(col("works_date"), col("period_end")))
                .withColumn("counterfactual_kw", SyntheticColumns.meanKw());
        Dataset<Row> after = withReductions(halfHours, col("ts_start_utc"))
                .withColumn("actual_kw", SyntheticColumns.meanKw());
        return after
                .groupBy("building_id")
                .agg(min("works_date").as("period_start"), max("period_end").as("period_end"),
                        sum(col("counterfactual_kw").multiply(SyntheticColumns.STEP_HOURS)).as("counterfactual_kwh"),
                        sum(col("actual_kw").multiply(SyntheticColumns.STEP_HOURS)).as("actual_kwh"))
                .withColumn("true_savings_kwh", col("counterfactual_kwh").minus(col("actual_kwh")))
                .withColumn("true_savings_fraction", col("true_savings_kwh").divide(col("counterfactual_kwh")));
    }

    /**
     * Whether works are in effect at a UTC instant: {@code works_date} is not null and the Europe/Paris local day
     * of {@code tsUtc} is on or after it.
     */
    public static Column worksInEffect(Column tsUtc, Column worksDate) {
        return worksDate.isNotNull().and(SyntheticColumns.localDate(tsUtc).geq(worksDate));
    }

    /**
     * The heating slope in effect at {@code tsUtc}: {@code slope × (1 − reduction)} from the local day
     * {@code worksDate} on, {@code slope} before it or when {@code worksDate} is null (no works).
     */
    public static Column heatingSlopeAfterWorks(Column slope, Column tsUtc, Column worksDate, Column reduction) {
        return when(worksInEffect(tsUtc, worksDate), slope.multiply(lit(1.0).minus(reduction))).otherwise(slope);
    }

    /**
     * The base load in effect at {@code tsUtc}: {@code baseKw × (1 − reduction)} from the local day
     * {@code worksDate} on, {@code baseKw} before it or when {@code worksDate} is null (no works).
     */
    public static Column baseKwAfterWorks(Column baseKw, Column tsUtc, Column worksDate, Column reduction) {
        return when(worksInEffect(tsUtc, worksDate), baseKw.multiply(lit(1.0).minus(reduction))).otherwise(baseKw);
    }

    /**
     * Applies the works to a frame of meter half-hours: the same rows and columns, with
     * {@code heating_slope_kw_per_c} and {@code base_kw} replaced by their values after works where works are in
     * effect at {@code ts_start_utc}.
     *
     * @param metersIntervals rows with at least {@code building_id, ts_start_utc, heating_slope_kw_per_c, base_kw},
     *     e.g. the meters joined with {@link SyntheticRegion#intervals} and the weather; no column named like a
     *     works column
     * @param works the rows of {@link #works}
     */
    public static Dataset<Row> applyWorks(Dataset<Row> metersIntervals, Dataset<Row> works) {
        String[] columns = metersIntervals.columns();
        Dataset<Row> joined = metersIntervals.join(broadcast(works.select("building_id", "works_date",
                "heating_slope_reduction", "base_load_reduction")), new String[] {"building_id"}, "left");
        Dataset<Row> applied = withReductions(joined, col("ts_start_utc"));
        List<Column> out = new ArrayList<>();
        for (String c : columns) {
            out.add(col(c));
        }
        return applied.select(out.toArray(new Column[0]));
    }

    private static Dataset<Row> withReductions(Dataset<Row> rows, Column ts) {
        return rows
                .withColumn("heating_slope_kw_per_c", heatingSlopeAfterWorks(col("heating_slope_kw_per_c"), ts,
                        col("works_date"), col("heating_slope_reduction")))
                .withColumn("base_kw", baseKwAfterWorks(col("base_kw"), ts, col("works_date"),
                        col("base_load_reduction")));
    }

    private static Column pick(double[] values, Column oneBasedIndex) {
        Column[] lits = new Column[values.length];
        for (int i = 0; i < values.length; i++) {
            lits[i] = lit(values[i]);
        }
        return element_at(array(lits), oneBasedIndex);
    }
}
