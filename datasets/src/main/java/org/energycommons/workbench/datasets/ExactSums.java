package org.energycommons.workbench.datasets;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.negate;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.functions;

/**
 * Sums and means of doubles that are the same whatever order Spark adds the rows in: each value is rounded to a
 * millionth of its unit and added as a long, and a sum of longs does not depend on its order.
 *
 * <p>The order rows meet in follows the partitioning (the files read, the pseudonyms the rows are hashed by,
 * {@code local[N]}), and a sum of doubles follows the order in its last bits. A learner can make much of a last
 * bit: two values that were equal become two, and a tree's candidate splits change. A millionth of a kWh (a mWh)
 * or of a degree is far below what any source measures (a meter reads whole Wh); a sum stays exact up to
 * 9.2 × 10¹² units.
 */
public final class ExactSums {

    /** Millionths per unit. */
    public static final double SCALE = 1e6;

    private ExactSums() {
    }

    /** The sum of a double column, exact to a millionth, in any order (null when every value is null). */
    public static Column sum(Column c) {
        return units(c).divide(SCALE);
    }

    /** The mean of a double column's non-null values, exact to a millionth before the division, in any order. */
    public static Column mean(Column c) {
        return units(c).divide(count(c)).divide(SCALE);
    }

    /** {@link #mean(Column)} over a window. */
    public static Column mean(Column c, WindowSpec window) {
        return units(c).over(window).divide(count(c).over(window)).divide(SCALE);
    }

    /** The sum in millionths, as a long: to combine further before dividing by {@link #SCALE}. */
    public static Column units(Column c) {
        return functions.sum(halfUp(c.multiply(SCALE)));
    }

    /**
     * A double rounded to the nearest whole number, halves away from zero, as a long: what Spark's {@code round}
     * gives, in plain arithmetic. {@code round} goes through a {@code BigDecimal} for every row, which took more time
     * than the rest of an aggregation of ten million readings. The fractional part {@code |x| - floor(|x|)} of a
     * double is exact, so the comparison with one half is exact too (a double's shortest decimal form, which
     * {@code round} reads, never lies on the other side of a half than the double itself).
     */
    public static Column halfUp(Column x) {
        Column magnitude = abs(x);
        Column whole = floor(magnitude);
        Column rounded = when(magnitude.minus(whole).geq(0.5), whole.plus(1)).otherwise(whole);
        return when(x.lt(0), negate(rounded)).otherwise(rounded).cast("long");
    }
}
