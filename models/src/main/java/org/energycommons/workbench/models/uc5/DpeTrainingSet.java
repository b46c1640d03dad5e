package org.energycommons.workbench.models.uc5;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.energycommons.workbench.datasets.building.DpeThresholds;
import org.energycommons.workbench.models.provenance.DataFingerprint;

/**
 * The certified dwellings a uc5 model learns from, in the two forms the engines need: a Spark table with the class
 * index and class weight (MLlib), and the same rows as arrays on the driver (Smile; a region has thousands of
 * certificates, not millions). Labels are the certificates, never the truth.
 *
 * @param rows the training rows as a local table: features, {@link #CLASS_INDEX}, {@link #CLASS_WEIGHT} and the
 *     certificate intensities
 * @param x feature matrix, {@link Uc5Features#FEATURES} order
 * @param classIndex certificate class, 0 (A) to 6 (G)
 * @param primaryEnergy certificate primary energy, kWh/m²/yr
 * @param ghg certificate GHG emissions, kgCO2e/m²/yr
 * @param weight class weight of each row ({@link Uc5Options#classWeight})
 * @param classWeights weight of each class index (1 for absent classes)
 * @param inputTables Delta versions of the tables read
 * @param split how the rows were split
 * @param fingerprint fingerprint of the training rows
 */
public record DpeTrainingSet(Dataset<Row> rows, double[][] x, int[] classIndex, double[] primaryEnergy, double[] ghg,
                             double[] weight, double[] classWeights, Map<String, Long> inputTables,
                             Map<String, String> split, String fingerprint) {

    /** Class index column (double, as MLlib wants labels). */
    public static final String CLASS_INDEX = "class_index";
    /** Class weight column. */
    public static final String CLASS_WEIGHT = "class_weight";

    /** Number of rows. */
    public int size() {
        return classIndex.length;
    }

    /**
     * Collects the training rows and computes the class weights.
     *
     * @param train certified dwellings of the training split
     * @throws IllegalArgumentException when a certificate class is not a DPE class letter or an intensity is
     *     missing
     */
    public static DpeTrainingSet of(Dataset<Row> train, Uc5Options options, Map<String, Long> inputTables,
                                    Map<String, String> split) {
        List<String> features = Uc5Features.FEATURES;
        List<Column> select = new ArrayList<>();
        features.forEach(f -> select.add(col(f).cast("double")));
        select.add(col("certificate_class"));
        select.add(col("certificate_pe_kwh_m2").cast("double"));
        select.add(col("certificate_ghg_kg_m2").cast("double"));
        // In dwelling order: the learners' subsamples follow the row order, which must not depend on the layout.
        List<Row> collected = train.orderBy("building_id").select(select.toArray(Column[]::new)).collectAsList();
        int n = collected.size();
        int k = features.size();
        double[][] x = new double[n][k];
        int[] cls = new int[n];
        double[] pe = new double[n];
        double[] ghg = new double[n];
        long[] counts = new long[DpeThresholds.CLASSES.size()];
        for (int i = 0; i < n; i++) {
            Row r = collected.get(i);
            for (int j = 0; j < k; j++) {
                x[i][j] = r.isNullAt(j) ? 0.0 : r.getDouble(j);
            }
            cls[i] = DpeThresholds.indexOf(r.getString(k));
            if (r.isNullAt(k + 1) || r.isNullAt(k + 2)) {
                throw new IllegalArgumentException("certificate without primary energy or GHG in the training rows");
            }
            pe[i] = r.getDouble(k + 1);
            ghg[i] = r.getDouble(k + 2);
            counts[cls[i]]++;
        }
        long largest = 0;
        for (long c : counts) {
            largest = Math.max(largest, c);
        }
        double[] classWeights = new double[counts.length];
        for (int c = 0; c < counts.length; c++) {
            classWeights[c] = options.classWeight(counts[c], largest);
        }
        double[] weight = new double[n];
        for (int i = 0; i < n; i++) {
            weight[i] = classWeights[cls[i]];
        }
        // MLlib learns from a one-partition local copy: on a few hundred rows, scheduling dominates the cost.
        StructType schema = new StructType();
        for (String f : features) {
            schema = schema.add(f, DataTypes.DoubleType, false);
        }
        schema = schema.add(CLASS_INDEX, DataTypes.DoubleType, false)
                .add(CLASS_WEIGHT, DataTypes.DoubleType, false)
                .add("certificate_pe_kwh_m2", DataTypes.DoubleType, false)
                .add("certificate_ghg_kg_m2", DataTypes.DoubleType, false);
        List<Row> local = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Object[] v = new Object[k + 4];
            for (int j = 0; j < k; j++) {
                v[j] = x[i][j];
            }
            v[k] = (double) cls[i];
            v[k + 1] = weight[i];
            v[k + 2] = pe[i];
            v[k + 3] = ghg[i];
            local.add(RowFactory.create(v));
        }
        Dataset<Row> rows = train.sparkSession().createDataFrame(local, schema).coalesce(1);
        String fingerprint = DataFingerprint.of(train, "building_id", "certificate_class", "certificate_pe_kwh_m2");
        return new DpeTrainingSet(rows, x, cls, pe, ghg, weight, classWeights, inputTables,
                new LinkedHashMap<>(split), fingerprint);
    }
}
