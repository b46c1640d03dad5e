package org.energycommons.workbench.models.uc2;

import org.energycommons.workbench.models.usecase.InsufficientDataException;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.when;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.energycommons.workbench.models.artifact.PartitionScoring;
import org.energycommons.workbench.models.usecase.SeededFit;
import smile.anomaly.IsolationForest;

/**
 * The uc2 isolation forest (Smile {@link IsolationForest}) on one vector per building-day: the per-building
 * residual z-scores of the expected-consumption model, their 7-day mean at night, the spike ratio, the share of
 * repeated readings and the closed-day flag. A day is anomalous when its score exceeds a threshold tuned on the
 * tuning period.
 */
public final class AnomalyForest implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The vector's components, as columns {@link #withVector} adds. */
    public static final List<String> VECTOR = List.of("if_daily_z", "if_night_z", "if_day_z", "if_night_z_7d",
            "if_log_spike_ratio", "if_flat_share", "if_closed");
    /** Days of the night-residual mean. */
    public static final int DRIFT_DAYS = 7;
    /** z-scores are clipped to ±this: a broken day is anomalous enough without dominating the trees' splits. */
    public static final double CLIP = 20.0;

    private final IsolationForest forest;
    private final double threshold;
    private final Map<String, String> params;

    AnomalyForest(IsolationForest forest, double threshold, Map<String, String> params) {
        this.forest = forest;
        this.threshold = threshold;
        this.params = params;
    }

    /** Adds the vector's columns to scored building-days (with the residual z-scores). */
    public static Dataset<Row> withVector(Dataset<Row> scored) {
        Column dayNumber = datediff(col("local_date"), lit(java.sql.Date.valueOf("1970-01-01")));
        return scored
                .withColumn("if_daily_z", clip(col("daily_residual_z")))
                .withColumn("if_night_z", clip(col("night_residual_z")))
                .withColumn("if_day_z", clip(col("day_residual_z")))
                .withColumn("if_night_z_7d", clip(avg(col("night_residual_z")).over(Window.partitionBy("building_id")
                        .orderBy(dayNumber).rangeBetween(-(DRIFT_DAYS - 1), 0))))
                .withColumn("if_log_spike_ratio", log(greatest(col("spike_ratio"), lit(1e-3))))
                .withColumn("if_flat_share", col("flat_share"))
                .withColumn("if_closed", when(col("closed"), 1.0).otherwise(0.0));
    }

    private static Column clip(Column c) {
        return least(lit(CLIP), greatest(lit(-CLIP), c));
    }

    /** Fits the forest on the vectors of training days; the threshold is set later by {@link #withThreshold}. */
    public static AnomalyForest fit(double[][] vectors, Uc2Options options) {
        if (vectors.length < 2) {
            throw new InsufficientDataException("isolation forest needs at least 2 training days, got "
                    + vectors.length);
        }
        int depth = (int) Math.ceil(Math.log(Math.max(2, vectors.length * options.forestSubsample())) / Math.log(2));
        // Smile builds the trees in a parallel stream, each thread drawing from its own generator: on one seeded
        // thread, the same seed gives the same forest.
        IsolationForest forest = SeededFit.run(options.seed(), () -> IsolationForest.fit(vectors,
                options.forestTrees(), depth, options.forestSubsample(), 0));
        Map<String, String> params = new LinkedHashMap<>();
        params.put("ntrees", String.valueOf(options.forestTrees()));
        params.put("maxDepth", String.valueOf(depth));
        params.put("subsample", String.valueOf(options.forestSubsample()));
        params.put("extensionLevel", "0");
        params.put("vector", String.join(",", VECTOR));
        return new AnomalyForest(forest, Double.NaN, params);
    }

    /** The same forest with an alert threshold on its score. */
    public AnomalyForest withThreshold(double threshold) {
        Map<String, String> p = new LinkedHashMap<>(params);
        p.put("threshold", String.valueOf(threshold));
        return new AnomalyForest(forest, threshold, p);
    }

    /** The alert threshold on the score (NaN before tuning). */
    public double threshold() {
        return threshold;
    }

    /** Parameters, as recorded in the registry. */
    public Map<String, String> params() {
        return params;
    }

    /** Anomaly scores of vectors (higher is more anomalous, about 0.5 for an ordinary day). */
    public double[] score(double[][] vectors) {
        return forest.score(vectors);
    }

    /** The vector of a row carrying the {@link #VECTOR} columns; missing values become 0. */
    public static double[] vector(Row r) {
        double[] v = new double[VECTOR.size()];
        for (int i = 0; i < v.length; i++) {
            Object o = r.getAs(VECTOR.get(i));
            double d = o == null ? 0.0 : ((Number) o).doubleValue();
            v[i] = Double.isFinite(d) ? d : 0.0;
        }
        return v;
    }

    /** Adds {@code if_score} to rows carrying the {@link #VECTOR} columns; runs on the executors. */
    public Dataset<Row> score(Dataset<Row> withVector) {
        StructType out = withVector.schema().add("if_score", DataTypes.DoubleType, false);
        AnomalyForest model = this;
        return PartitionScoring.append(withVector, out, rows -> {
            double[][] x = new double[rows.size()][];
            for (int i = 0; i < x.length; i++) {
                x[i] = vector(rows.get(i));
            }
            double[] s = model.score(x);
            Object[][] scores = new Object[x.length][];
            for (int i = 0; i < x.length; i++) {
                scores[i] = new Object[] {s[i]};
            }
            return scores;
        });
    }
}
