package org.energycommons.workbench.models.uc5;

import java.io.Serializable;
import java.sql.Date;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.LongStream;
import org.energycommons.workbench.models.usecase.UseCases;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.energycommons.workbench.datasets.building.DpeThresholds;
import org.energycommons.workbench.datasets.lake.LakeFiles;
import org.energycommons.workbench.models.artifact.SerializedModels;
import org.energycommons.workbench.models.provenance.Json;
import org.energycommons.workbench.models.provenance.ModelProvenance;
import smile.base.cart.Loss;
import smile.base.cart.SplitRule;
import smile.classification.DataFrameClassifier;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.IntVector;
import smile.regression.DataFrameRegression;

/**
 * Smile models of uc5, trained on the driver (a region's certificates fit in memory) and applied on the executors:
 * random-forest ({@value #RF_CLASS}) and gradient-tree-boosting ({@value #GBT_CLASS}) classifiers of the
 * certificate class, and random-forest ({@value #RF_INTENSITY}) and gradient-tree-boosting
 * ({@value #GBT_INTENSITY}) regressors of primary energy and GHG whose predictions are read with the official
 * double threshold.
 *
 * <p>Class imbalance: Smile takes integer class weights in random-forest bootstraps and no weights elsewhere, so
 * each training row counts {@code max(1, round(2 w))} times, {@code w} being its class weight
 * ({@link Uc5Options#classWeight}): as class weights for the random-forest classifier, as replicated rows for the
 * other three.
 */
public final class SmileDpeModel implements DpeModel {

    /** Random-forest classifier of the class. */
    public static final String RF_CLASS = "rf-smile-class";
    /** Gradient-tree-boosting classifier of the class. */
    public static final String GBT_CLASS = "gbt-smile-class";
    /** Random-forest regressors of the intensities. */
    public static final String RF_INTENSITY = "rf-smile-intensity";
    /** Gradient-tree-boosting regressors of the intensities. */
    public static final String GBT_INTENSITY = "gbt-smile-intensity";
    /** The four types. */
    public static final List<String> TYPES = List.of(RF_CLASS, GBT_CLASS, RF_INTENSITY, GBT_INTENSITY);

    private static final String LABEL = "label";
    private static final int NODE_SIZE = 3;
    private static final int MAX_NODES = 64;

    private final String type;
    private final ModelProvenance provenance;
    private final DataFrameClassifier classifier;
    private final DataFrameRegression peModel;
    private final DataFrameRegression ghgModel;

    private SmileDpeModel(String type, ModelProvenance provenance, DataFrameClassifier classifier,
                          DataFrameRegression peModel, DataFrameRegression ghgModel) {
        this.type = type;
        this.provenance = provenance;
        this.classifier = classifier;
        this.peModel = peModel;
        this.ghgModel = ghgModel;
    }

    /** Fits a model of the given type on the training set. */
    public static SmileDpeModel fit(String type, DpeTrainingSet training, Uc5Options options) {
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("unknown Smile uc5 model type '" + type + "'; known: " + TYPES);
        }
        String[] names = Uc5Features.FEATURES.toArray(String[]::new);
        int p = names.length;
        Map<String, String> params = new LinkedHashMap<>();
        params.put("classBalance", options.classBalance());
        params.put("maxClassWeight", String.valueOf(options.maxClassWeight()));
        params.put("nodeSize", String.valueOf(NODE_SIZE));
        params.put("maxNodes", String.valueOf(MAX_NODES));
        Formula formula = Formula.lhs(LABEL);
        // Smile draws subsamples from a global generator: seed it for reproducible trees.
        smile.math.MathEx.setSeed(options.seed());
        String algorithm;
        DataFrameClassifier classifier = null;
        DataFrameRegression pe = null;
        DataFrameRegression ghg = null;
        if (type.equals(RF_CLASS)) {
            algorithm = "RandomForest (classification, class weights)";
            int mtry = Math.max(1, (int) Math.floor(Math.sqrt(p)));
            params.put("ntrees", String.valueOf(options.rfTrees()));
            params.put("maxDepth", String.valueOf(options.rfDepth()));
            params.put("mtry", String.valueOf(mtry));
            int[] present = new TreeSet<>(boxed(training.classIndex())).stream().mapToInt(Integer::intValue)
                    .toArray();
            int[] classWeight = new int[present.length];
            for (int i = 0; i < present.length; i++) {
                classWeight[i] = copies(training.classWeights()[present[i]]);
            }
            DataFrame data = DataFrame.of(training.x(), names).merge(IntVector.of(LABEL, training.classIndex()));
            classifier = smile.classification.RandomForest.fit(formula, data, options.rfTrees(), mtry,
                    SplitRule.GINI, options.rfDepth(), MAX_NODES, 1, 1.0, classWeight, seeds(options));
        } else {
            Replicated r = replicate(training);
            if (type.equals(GBT_CLASS)) {
                algorithm = "GradientTreeBoost (classification, replicated rows)";
                params.put("ntrees", String.valueOf(options.gbtIterations()));
                params.put("maxDepth", String.valueOf(options.gbtDepth()));
                params.put("shrinkage", String.valueOf(options.gbtStepSize()));
                params.put("subsample", "0.8");
                DataFrame data = DataFrame.of(r.x, names).merge(IntVector.of(LABEL, r.classIndex));
                classifier = smile.classification.GradientTreeBoost.fit(formula, data, options.gbtIterations(),
                        options.gbtDepth(), MAX_NODES, NODE_SIZE, options.gbtStepSize(), 0.8);
            } else if (type.equals(RF_INTENSITY)) {
                algorithm = "RandomForest (regression of primary energy and GHG, replicated rows)";
                int mtry = Math.max(1, p / 3);
                params.put("ntrees", String.valueOf(options.rfTrees()));
                params.put("maxDepth", String.valueOf(options.rfDepth()));
                params.put("mtry", String.valueOf(mtry));
                pe = smile.regression.RandomForest.fit(formula, regressionFrame(r.x, names, r.pe), options.rfTrees(),
                        mtry, options.rfDepth(), MAX_NODES, NODE_SIZE, 1.0, seeds(options));
                ghg = smile.regression.RandomForest.fit(formula, regressionFrame(r.x, names, r.ghg),
                        options.rfTrees(), mtry, options.rfDepth(), MAX_NODES, NODE_SIZE, 1.0, seeds(options));
            } else {
                algorithm = "GradientTreeBoost (regression of primary energy and GHG, least absolute deviation, "
                        + "replicated rows)";
                params.put("ntrees", String.valueOf(options.gbtIterations()));
                params.put("maxDepth", String.valueOf(options.gbtDepth()));
                params.put("shrinkage", String.valueOf(options.gbtStepSize()));
                params.put("subsample", "0.8");
                params.put("loss", "huber(0.9)");
                pe = smile.regression.GradientTreeBoost.fit(formula, regressionFrame(r.x, names, r.pe),
                        Loss.huber(0.9), options.gbtIterations(), options.gbtDepth(), MAX_NODES, NODE_SIZE,
                        options.gbtStepSize(), 0.8);
                ghg = smile.regression.GradientTreeBoost.fit(formula, regressionFrame(r.x, names, r.ghg),
                        Loss.huber(0.9), options.gbtIterations(), options.gbtDepth(), MAX_NODES, NODE_SIZE,
                        options.gbtStepSize(), 0.8);
            }
        }
        ModelProvenance provenance = ModelProvenance.create(UseCases.UC5.id(), type, "smile", algorithm, params, options.seed(),
                training.inputTables(), Uc5Features.FEATURES,
                classifier != null ? "certificate_class" : "certificate_pe_kwh_m2,certificate_ghg_kg_m2",
                training.split(), training.size(), training.fingerprint());
        return new SmileDpeModel(type, provenance, classifier, pe, ghg);
    }

    private static List<Integer> boxed(int[] values) {
        List<Integer> list = new ArrayList<>(values.length);
        for (int v : values) {
            list.add(v);
        }
        return list;
    }

    private static LongStream seeds(Uc5Options options) {
        return LongStream.range(0, options.rfTrees()).map(i -> options.seed() * 1_000_003L + i);
    }

    /** How many times a row of class weight {@code w} counts. */
    static int copies(double w) {
        return (int) Math.max(1, Math.round(2 * w));
    }

    private record Replicated(double[][] x, int[] classIndex, double[] pe, double[] ghg) {
    }

    private static Replicated replicate(DpeTrainingSet t) {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            for (int c = 0; c < copies(t.weight()[i]); c++) {
                rows.add(i);
            }
        }
        int n = rows.size();
        double[][] x = new double[n][];
        int[] cls = new int[n];
        double[] pe = new double[n];
        double[] ghg = new double[n];
        for (int j = 0; j < n; j++) {
            int i = rows.get(j);
            x[j] = t.x()[i];
            cls[j] = t.classIndex()[i];
            pe[j] = t.primaryEnergy()[i];
            ghg[j] = t.ghg()[i];
        }
        return new Replicated(x, cls, pe, ghg);
    }

    private static DataFrame regressionFrame(double[][] x, String[] names, double[] y) {
        double[][] withLabel = new double[x.length][names.length + 1];
        for (int i = 0; i < x.length; i++) {
            System.arraycopy(x[i], 0, withLabel[i], 0, names.length);
            withLabel[i][names.length] = y[i];
        }
        String[] all = java.util.Arrays.copyOf(names, names.length + 1);
        all[names.length] = LABEL;
        return DataFrame.of(withLabel, all);
    }

    @Override
    public ModelProvenance provenance() {
        return provenance;
    }

    @Override
    public String approach() {
        return classifier != null ? CLASSIFICATION : REGRESSION;
    }

    @Override
    public Dataset<Row> predict(Dataset<Row> features) {
        StructType in = features.schema();
        StructType out = in
                .add(PREDICTED_CLASS, DataTypes.StringType, true)
                .add(PREDICTED_PE, DataTypes.DoubleType, true)
                .add(PREDICTED_GHG, DataTypes.DoubleType, true);
        String[] names = Uc5Features.FEATURES.toArray(String[]::new);
        int[] featureIndex = Uc5Features.FEATURES.stream().mapToInt(in::fieldIndex).toArray();
        int surfaceIndex = in.fieldIndex("surface_m2");
        int dateIndex = in.fieldIndex("reference_date");
        Scorer scorer = new Scorer(classifier, peModel, ghgModel);
        MapPartitionsFunction<Row, Row> score = partition -> {
            List<Row> buffer = new ArrayList<>();
            partition.forEachRemaining(buffer::add);
            if (buffer.isEmpty()) {
                return Collections.<Row>emptyIterator();
            }
            double[][] x = new double[buffer.size()][featureIndex.length];
            for (int i = 0; i < buffer.size(); i++) {
                Row r = buffer.get(i);
                for (int j = 0; j < featureIndex.length; j++) {
                    Object v = r.get(featureIndex[j]);
                    x[i][j] = v == null ? 0.0 : ((Number) v).doubleValue();
                }
            }
            DataFrame frame = DataFrame.of(x, names);
            List<Row> result = new ArrayList<>(buffer.size());
            int[] classes = scorer.classifier == null ? null : scorer.classifier.predict(frame);
            double[] pe = scorer.pe == null ? null : scorer.pe.predict(frame);
            double[] ghg = scorer.ghg == null ? null : scorer.ghg.predict(frame);
            for (int i = 0; i < buffer.size(); i++) {
                Row r = buffer.get(i);
                String letter;
                Double peValue = null;
                Double ghgValue = null;
                if (classes != null) {
                    letter = DpeThresholds.letter(classes[i]);
                } else {
                    peValue = Math.max(0.0, pe[i]);
                    ghgValue = Math.max(0.0, ghg[i]);
                    letter = DpeThresholds.officialClass(peValue, ghgValue, r.getDouble(surfaceIndex),
                            ((Date) r.get(dateIndex)).toLocalDate());
                }
                Object[] values = new Object[r.length() + 3];
                for (int k = 0; k < r.length(); k++) {
                    values[k] = r.get(k);
                }
                values[r.length()] = letter;
                values[r.length() + 1] = peValue;
                values[r.length() + 2] = ghgValue;
                result.add(RowFactory.create(values));
            }
            return result.iterator();
        };
        return features.mapPartitions(score, Encoders.row(out));
    }

    /** The fitted Smile objects shipped to the executors. */
    private record Scorer(DataFrameClassifier classifier, DataFrameRegression pe, DataFrameRegression ghg)
            implements Serializable {
    }

    @Override
    public void save(String dir, LakeFiles files) {
        if (classifier != null) {
            SerializedModels.save(classifier, dir + "/smile-class.ser", files, "Smile model");
        } else {
            SerializedModels.save(peModel, dir + "/smile-pe.ser", files, "Smile model");
            SerializedModels.save(ghgModel, dir + "/smile-ghg.ser", files, "Smile model");
        }
        files.writeString(dir + "/" + DpeModelFile.NAME, Json.write(new DpeModelFile(type, approach(), provenance,
                Map.of())));
    }

    static SmileDpeModel load(String dir, DpeModelFile file, LakeFiles files) {
        if (file.type().equals(RF_CLASS) || file.type().equals(GBT_CLASS)) {
            return new SmileDpeModel(file.type(), file.provenance(),
                    SerializedModels.load(dir + "/smile-class.ser", files, DataFrameClassifier.class, "Smile model"),
                    null, null);
        }
        return new SmileDpeModel(file.type(), file.provenance(), null,
                SerializedModels.load(dir + "/smile-pe.ser", files, DataFrameRegression.class, "Smile model"),
                SerializedModels.load(dir + "/smile-ghg.ser", files, DataFrameRegression.class, "Smile model"));
    }

}
