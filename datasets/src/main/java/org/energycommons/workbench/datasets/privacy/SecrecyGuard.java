package org.energycommons.workbench.datasets.privacy;

import static org.apache.spark.sql.functions.col;

import java.util.Properties;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The statistical-secrecy guard every publication goes through: an aggregate is published only if it gathers at
 * least {@code minPoints} delivery points and no single point weighs more than {@code maxShare} of it (French
 * energy-data rule, Code de l'énergie D.111-52/53; defaults 10 points and 85%).
 *
 * @param minPoints least number of delivery points in a published aggregate
 * @param maxShare largest share of the aggregate one point may hold, in (0, 1]
 */
public record SecrecyGuard(int minPoints, double maxShare) implements java.io.Serializable {

    /** Properties key prefix. */
    public static final String PREFIX = "workbench.secrecy.";

    public SecrecyGuard {
        if (minPoints < 1) {
            throw new IllegalArgumentException("secrecy minPoints must be >= 1, got " + minPoints);
        }
        if (!(maxShare > 0 && maxShare <= 1)) {
            throw new IllegalArgumentException("secrecy maxShare must be in (0, 1], got " + maxShare);
        }
    }

    /** The French default: 10 points, 85%. */
    public static SecrecyGuard french() {
        return new SecrecyGuard(10, 0.85);
    }

    /** Reads {@code workbench.secrecy.min_points} and {@code workbench.secrecy.max_share}, French defaults. */
    public static SecrecyGuard of(Properties props) {
        SecrecyGuard d = french();
        return new SecrecyGuard(
                Integer.parseInt(props.getProperty(PREFIX + "min_points", String.valueOf(d.minPoints))),
                Double.parseDouble(props.getProperty(PREFIX + "max_share", String.valueOf(d.maxShare))));
    }

    /** The options as properties. */
    public Properties toProperties() {
        Properties p = new Properties();
        p.setProperty(PREFIX + "min_points", String.valueOf(minPoints));
        p.setProperty(PREFIX + "max_share", String.valueOf(maxShare));
        return p;
    }

    /** Whether one aggregate may be published. */
    public boolean allows(long points, double largestShare) {
        return points >= minPoints && largestShare <= maxShare;
    }

    /** The condition, as a Spark column, over a point-count column and a largest-share column. */
    public Column allowsColumn(String pointsColumn, String largestShareColumn) {
        return col(pointsColumn).geq(minPoints).and(col(largestShareColumn).leq(maxShare));
    }

    /** Keeps only the aggregates that may be published. */
    public Dataset<Row> publishable(Dataset<Row> aggregates, String pointsColumn, String largestShareColumn) {
        return aggregates.filter(allowsColumn(pointsColumn, largestShareColumn));
    }
}
