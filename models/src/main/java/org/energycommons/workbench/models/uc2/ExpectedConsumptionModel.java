package org.energycommons.workbench.models.uc2;

import org.energycommons.workbench.models.usecase.InsufficientDataException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.energycommons.workbench.models.artifact.PartitionScoring;
import org.energycommons.workbench.models.forecast.SmileBoosting;
import smile.base.cart.Loss;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.regression.GradientTreeBoost;

/**
 * The expected-consumption model of uc2: gradient-boosted trees (Smile) trained across all public buildings on
 * weather, calendar and building features, predicting the log of a day's consumption, night base load and
 * daytime load; plus, per building, the robust spread of its residuals on open and on closed days, so that a
 * residual becomes a per-building z-score.
 *
 * <p>The building features include the building's own reference levels (median night and daytime power over the
 * training period): one global model then serves every building, including one with little history, which only
 * needs its references (a building never seen takes the median references and spreads of all buildings).
 */
public final class ExpectedConsumptionModel implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Predicted quantities, as feature-table columns. */
    public static final List<String> TARGETS = List.of("daily_kwh", "night_kw", "day_kw");
    /** Short names of the targets in residual columns: {@code <short>_residual_z}, {@code expected_<target>}. */
    public static final List<String> SHORT = List.of("daily", "night", "day");
    /** Model inputs, in order. */
    public static final List<String> FEATURES = List.of("closed", "is_school_holiday", "is_public_holiday",
            "iso_day_of_week", "month", "temperature_mean_c", "temperature_min_c", "temperature_max_c", "hdd_12",
            "hdd_15", "hdd_18", "log_surface_m2", "construction_year", "electric_heating", "is_education",
            "ref_log_night_kw", "ref_log_day_kw_open", "ref_log_day_kw_closed");
    /** Smallest residual spread (log units) a z-score divides by: a very regular building is not over-alerted. */
    public static final double MIN_SPREAD = 0.03;
    /** Smallest power taken before a log, kW or kWh. */
    public static final double FLOOR = 0.01;

    private final GradientTreeBoost[] models;
    /** building → {ref_log_night_kw, ref_log_day_kw_open, ref_log_day_kw_closed, ref_night_to_day_ratio}. */
    private final Map<String, double[]> references;
    /** building + "|open" or "|closed" → per target {median, spread}. */
    private final Map<String, double[]> spreads;
    private final double[] defaultReferences;
    private final double[] defaultSpreadsOpen;
    private final double[] defaultSpreadsClosed;
    private final Map<String, String> params;

    private ExpectedConsumptionModel(GradientTreeBoost[] models, Map<String, double[]> references,
                                     Map<String, double[]> spreads, double[] defaultReferences,
                                     double[] defaultSpreadsOpen, double[] defaultSpreadsClosed,
                                     Map<String, String> params) {
        this.models = models;
        this.references = references;
        this.spreads = spreads;
        this.defaultReferences = defaultReferences;
        this.defaultSpreadsOpen = defaultSpreadsOpen;
        this.defaultSpreadsClosed = defaultSpreadsClosed;
        this.params = params;
    }

    /** The fit's parameters, as recorded in the registry. */
    public Map<String, String> params() {
        return params;
    }

    /** Buildings with their own references and residual spreads. */
    public int buildings() {
        return references.size();
    }

    /**
     * Fits the model on training days (rows of {@link Uc2Features}).
     *
     * @param train the training days, collected (tens of thousands of rows at most: one per building-day)
     */
    public static ExpectedConsumptionModel fit(List<Row> train, Uc2Options options) {
        if (train.isEmpty()) {
            throw new InsufficientDataException("no training day to fit the expected-consumption model");
        }
        Map<String, double[]> references = references(train);
        double[] defaultRefs = medianColumns(new ArrayList<>(references.values()), 4);
        double[][] x = new double[train.size()][];
        double[][] y = new double[TARGETS.size()][train.size()];
        for (int i = 0; i < train.size(); i++) {
            Row r = train.get(i);
            x[i] = inputs(r, references.getOrDefault(r.<String>getAs("building_id"), defaultRefs));
            for (int t = 0; t < TARGETS.size(); t++) {
                y[t][i] = logOf(r, TARGETS.get(t));
            }
        }
        // Smile draws its subsamples from a global generator: seed it for reproducible trees.
        smile.math.MathEx.setSeed(options.seed());
        GradientTreeBoost[] models = new GradientTreeBoost[TARGETS.size()];
        SmileBoosting boosting = new SmileBoosting(options.gbtTrees(), options.gbtDepth(), options.gbtMaxNodes(), 5,
                options.gbtShrinkage(), 0.8);
        String[] names = names();
        for (int t = 0; t < TARGETS.size(); t++) {
            double[][] xy = new double[x.length][];
            for (int i = 0; i < x.length; i++) {
                xy[i] = Arrays.copyOf(x[i], x[i].length + 1);
                xy[i][x[i].length] = y[t][i];
            }
            // Huber loss: days with injected faults in the training period barely pull the fit.
            models[t] = boosting.fit(Formula.lhs("y"), DataFrame.of(xy, names), Loss.huber(0.9));
        }
        double[][] predicted = new double[TARGETS.size()][];
        DataFrame frame = DataFrame.of(x, Arrays.copyOf(names, names.length - 1));
        for (int t = 0; t < TARGETS.size(); t++) {
            predicted[t] = models[t].predict(frame);
        }
        Map<String, List<double[]>> residualsByGroup = new HashMap<>();
        for (int i = 0; i < train.size(); i++) {
            Row r = train.get(i);
            double[] res = new double[TARGETS.size()];
            for (int t = 0; t < TARGETS.size(); t++) {
                res[t] = y[t][i] - predicted[t][i];
            }
            residualsByGroup.computeIfAbsent(group(r.getAs("building_id"), r.getAs("closed")), k -> new ArrayList<>())
                    .add(res);
        }
        Map<String, double[]> spreads = new HashMap<>();
        List<double[]> open = new ArrayList<>();
        List<double[]> closed = new ArrayList<>();
        residualsByGroup.forEach((key, rows) -> {
            double[] s = robustSpreads(rows);
            spreads.put(key, s);
            (key.endsWith("|closed") ? closed : open).add(s);
        });
        Map<String, String> leading = new LinkedHashMap<>();
        leading.put("targets", "log(" + String.join("), log(", TARGETS) + ")");
        leading.put("loss", "huber(0.9)");
        Map<String, String> params = boosting.params(leading);
        params.put("residual_scale", "per building and open/closed: median and 1.4826 x MAD, spread >= "
                + MIN_SPREAD);
        return new ExpectedConsumptionModel(models, references, spreads, defaultRefs,
                open.isEmpty() ? fallbackSpreads() : medianColumns(open, 2 * TARGETS.size()),
                closed.isEmpty() ? fallbackSpreads() : medianColumns(closed, 2 * TARGETS.size()), params);
    }

    /** The columns {@link #score} adds to the feature rows. */
    public static List<String> scoreColumns() {
        List<String> c = new ArrayList<>();
        for (String t : TARGETS) {
            c.add("expected_" + t);
        }
        for (String s : SHORT) {
            c.add(s + "_residual_z");
        }
        c.add("ref_night_to_day_ratio");
        return c;
    }

    /**
     * Adds the expected values ({@code expected_daily_kwh, expected_night_kw, expected_day_kw}), the per-building
     * residual z-scores ({@code daily_residual_z, night_residual_z, day_residual_z}) and the building's reference
     * night-to-day ratio ({@code ref_night_to_day_ratio}) to feature rows; runs on the executors.
     */
    public Dataset<Row> score(Dataset<Row> features) {
        StructType in = features.schema();
        StructType out = in;
        for (String c : scoreColumns()) {
            out = out.add(c, DataTypes.DoubleType, false);
        }
        ExpectedConsumptionModel model = this;
        return PartitionScoring.append(features, out, rows -> {
            double[][] extra = model.scoreRows(rows);
            Object[][] values = new Object[extra.length][];
            for (int i = 0; i < extra.length; i++) {
                values[i] = Arrays.stream(extra[i]).boxed().toArray();
            }
            return values;
        });
    }

    /** The values of {@link #scoreColumns()} for each row (rows carry the feature-table columns). */
    double[][] scoreRows(List<Row> rows) {
        double[][] x = new double[rows.size()][];
        for (int i = 0; i < rows.size(); i++) {
            x[i] = inputs(rows.get(i), referencesOf(rows.get(i).getAs("building_id")));
        }
        String[] names = names();
        DataFrame frame = DataFrame.of(x, Arrays.copyOf(names, names.length - 1));
        double[][] predicted = new double[TARGETS.size()][];
        for (int t = 0; t < TARGETS.size(); t++) {
            predicted[t] = models[t].predict(frame);
        }
        int n = TARGETS.size();
        double[][] result = new double[rows.size()][2 * n + 1];
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            String building = r.getAs("building_id");
            boolean closed = r.getAs("closed");
            double[] s = spreads.getOrDefault(group(building, closed), closed ? defaultSpreadsClosed
                    : defaultSpreadsOpen);
            for (int t = 0; t < n; t++) {
                result[i][t] = Math.exp(predicted[t][i]);
                double residual = logOf(r, TARGETS.get(t)) - predicted[t][i];
                result[i][n + t] = (residual - s[2 * t]) / s[2 * t + 1];
            }
            result[i][2 * n] = referencesOf(building)[3];
        }
        return result;
    }

    private double[] referencesOf(String building) {
        return references.getOrDefault(building, defaultReferences);
    }

    private static String group(Object building, Object closed) {
        return building + (Boolean.TRUE.equals(closed) ? "|closed" : "|open");
    }

    private static String[] names() {
        String[] names = FEATURES.toArray(new String[FEATURES.size() + 1]);
        names[FEATURES.size()] = "y";
        return names;
    }

    /** Per building: median log night power, median log daytime power on open and on closed days, night/day. */
    private static Map<String, double[]> references(List<Row> train) {
        Map<String, List<Row>> byBuilding = new HashMap<>();
        for (Row r : train) {
            byBuilding.computeIfAbsent(r.getAs("building_id"), k -> new ArrayList<>()).add(r);
        }
        Map<String, double[]> refs = new HashMap<>();
        byBuilding.forEach((building, rows) -> {
            double night = median(rows.stream().mapToDouble(r -> logOf(r, "night_kw")).toArray());
            double dayOpen = median(rows.stream().filter(r -> !r.<Boolean>getAs("closed"))
                    .mapToDouble(r -> logOf(r, "day_kw")).toArray());
            double dayClosed = median(rows.stream().filter(r -> r.<Boolean>getAs("closed"))
                    .mapToDouble(r -> logOf(r, "day_kw")).toArray());
            double ratio = median(rows.stream().filter(r -> !r.<Boolean>getAs("closed"))
                    .mapToDouble(r -> value(r, "night_to_day_ratio")).toArray());
            refs.put(building, new double[] {night, Double.isNaN(dayOpen) ? night : dayOpen,
                Double.isNaN(dayClosed) ? night : dayClosed, Double.isNaN(ratio) ? 1.0 : ratio});
        });
        return refs;
    }

    private static double[] inputs(Row r, double[] refs) {
        double[] x = new double[FEATURES.size()];
        x[0] = flag(r, "closed");
        x[1] = flag(r, "is_school_holiday");
        x[2] = flag(r, "is_public_holiday");
        x[3] = value(r, "iso_day_of_week");
        x[4] = value(r, "month");
        x[5] = value(r, "temperature_mean_c");
        x[6] = value(r, "temperature_min_c");
        x[7] = value(r, "temperature_max_c");
        x[8] = value(r, "hdd_12");
        x[9] = value(r, "hdd_15");
        x[10] = value(r, "hdd_18");
        x[11] = Math.log(Math.max(1.0, value(r, "surface_m2")));
        x[12] = value(r, "construction_year");
        x[13] = value(r, "electric_heating");
        x[14] = "education".equals(r.getAs("building_use")) ? 1.0 : 0.0;
        x[15] = refs[0];
        x[16] = refs[1];
        x[17] = refs[2];
        for (int i = 0; i < x.length; i++) {
            // Smile trees need finite inputs; a missing weather day becomes a neutral 0.
            if (!Double.isFinite(x[i])) {
                x[i] = 0.0;
            }
        }
        return x;
    }

    static double value(Row r, String column) {
        Object v = r.getAs(column);
        return v == null ? Double.NaN : ((Number) v).doubleValue();
    }

    private static double flag(Row r, String column) {
        Object v = r.getAs(column);
        return Boolean.TRUE.equals(v) ? 1.0 : 0.0;
    }

    private static double logOf(Row r, String column) {
        double v = value(r, column);
        return Math.log(Math.max(FLOOR, Double.isNaN(v) ? FLOOR : v));
    }

    private static double[] robustSpreads(List<double[]> residuals) {
        int n = TARGETS.size();
        double[] s = new double[2 * n];
        for (int t = 0; t < n; t++) {
            final int target = t;
            double[] v = residuals.stream().mapToDouble(r -> r[target]).toArray();
            double median = median(v);
            double mad = median(Arrays.stream(v).map(e -> Math.abs(e - median)).toArray());
            s[2 * t] = median;
            s[2 * t + 1] = Math.max(MIN_SPREAD, 1.4826 * mad);
        }
        return s;
    }

    private static double[] fallbackSpreads() {
        double[] s = new double[2 * TARGETS.size()];
        for (int t = 0; t < TARGETS.size(); t++) {
            s[2 * t + 1] = 0.1;
        }
        return s;
    }

    /** Median of each column of the rows, ignoring NaN. */
    private static double[] medianColumns(List<double[]> rows, int columns) {
        double[] m = new double[columns];
        for (int c = 0; c < columns; c++) {
            final int k = c;
            m[c] = median(rows.stream().mapToDouble(r -> r[k]).toArray());
        }
        return m;
    }

    /** Median ignoring NaN; NaN when nothing is left. */
    static double median(double[] values) {
        double[] v = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
