package org.energycommons.workbench.models.uc1;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * The space meters are clustered in: 19 behavioural indicators derived from a feature row, each scaled to unit
 * variance with the standard deviations of the meters the models were fitted on.
 *
 * <p>Why these and not the 480 raw shape values: raw shapes are dominated by the intra-day detail of a few
 * appliances (an off-peak water heater adds a large night-time spike), so clusters on raw shapes split meters by
 * appliance rather than by behaviour. The indicators are, on a log scale so that ratios count the same whatever the
 * size of the meter: the relative level of each season and day type (10 values: when in the week and in the year
 * the meter consumes, which carries opening days, school calendars and heating), the heating share per
 * degree-day (thermosensitivity as a share of the mean daily energy) and the intra-day shape of summer working days
 * in eight 3-hour blocks (when in the day, outside the heating season). Standardising every indicator gives each
 * the same weight, so no unit or block dominates by its scale.
 *
 * <p>Points are divided by the standard deviations but not centred: Euclidean distances do not change with a shift,
 * and Spark's bisecting k-means cannot split a cluster whose centre is the origin (it perturbs a centre in
 * proportion to its norm), which centred data would give it at the first split.
 *
 * @param dimensions names of the indicators, in order
 * @param means mean of each indicator over the fitted meters (recorded, not subtracted)
 * @param sds standard deviation of each indicator over the fitted meters (1 where it does not vary)
 */
public record SegmentationSpace(List<String> dimensions, double[] means, double[] sds) {

    /** Floor of the heating share per degree-day before the logarithm: meters with none are all alike. */
    public static final double MIN_HEATING_SHARE = 1e-3;

    /** Blocks of the summer working-day shape. */
    public static final int SHAPE_BLOCKS = 8;

    public SegmentationSpace {
        dimensions = List.copyOf(dimensions);
        if (means.length != dimensions.size() || sds.length != dimensions.size()) {
            throw new IllegalArgumentException("segmentation space: " + dimensions.size() + " dimensions but "
                    + means.length + " means and " + sds.length + " standard deviations");
        }
        means = means.clone();
        sds = sds.clone();
    }

    /** The indicator names, in order. */
    public static List<String> indicatorNames() {
        List<String> names = new ArrayList<>();
        for (String s : LoadShapeFeatures.SEASONS) {
            for (String d : LoadShapeFeatures.DAY_TYPES) {
                names.add("log_level_" + s + "_" + d);
            }
        }
        names.add("log_heating_share_per_dd");
        for (int b = 0; b < SHAPE_BLOCKS; b++) {
            names.add("log_summer_workday_block_" + (b * 24 / SHAPE_BLOCKS) + "h");
        }
        return names;
    }

    /** The raw (not standardised) indicators of a usable feature row. */
    public static double[] indicators(Row features) {
        double[] x = new double[indicatorNames().size()];
        int k = 0;
        for (String name : LoadShapeFeatures.shapeColumns()) {
            x[k++] = Math.log(mean(values(features, name)));
        }
        double share = features.getDouble(features.fieldIndex("heating_share_per_dd"));
        x[k++] = Math.log(Math.max(MIN_HEATING_SHARE, share));
        double[] summer = values(features, LoadShapeFeatures.shapeColumn("summer", "workday"));
        double dayMean = mean(summer);
        int width = LoadShapeFeatures.HALF_HOURS / SHAPE_BLOCKS;
        for (int b = 0; b < SHAPE_BLOCKS; b++) {
            double sum = 0;
            for (int i = b * width; i < (b + 1) * width; i++) {
                sum += summer[i];
            }
            x[k++] = Math.log(sum / width / dayMean);
        }
        return x;
    }

    /** Fits the standardisation on the raw indicators of the meters to cluster. */
    public static SegmentationSpace fit(double[][] raw) {
        if (raw.length == 0) {
            throw new IllegalArgumentException("segmentation space: no meter to fit on");
        }
        int d = raw[0].length;
        double[] means = new double[d];
        double[] sds = new double[d];
        for (double[] x : raw) {
            for (int j = 0; j < d; j++) {
                means[j] += x[j] / raw.length;
            }
        }
        for (double[] x : raw) {
            for (int j = 0; j < d; j++) {
                sds[j] += (x[j] - means[j]) * (x[j] - means[j]) / raw.length;
            }
        }
        for (int j = 0; j < d; j++) {
            sds[j] = sds[j] > 1e-12 ? Math.sqrt(sds[j]) : 1.0;
        }
        return new SegmentationSpace(indicatorNames(), means, sds);
    }

    /** Scales raw indicators to unit standard deviation. */
    public double[] standardise(double[] raw) {
        double[] z = new double[raw.length];
        for (int j = 0; j < raw.length; j++) {
            z[j] = raw[j] / sds[j];
        }
        return z;
    }

    /** The standardised point of a usable feature row. */
    public double[] point(Row features) {
        return standardise(indicators(features));
    }

    static double[] values(Row row, String column) {
        List<Object> list = row.getList(row.fieldIndex(column));
        double[] v = new double[list.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = ((Number) list.get(i)).doubleValue();
        }
        return v;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }
}
