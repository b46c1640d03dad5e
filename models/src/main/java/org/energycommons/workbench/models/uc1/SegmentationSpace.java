package org.energycommons.workbench.models.uc1;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.energycommons.workbench.datasets.grid.OffPeakStart;

/**
 * The space meters are clustered in: nine behavioural indicators derived from a feature row, in three families
 * (the weekly schedule in winter, the weekly schedule in summer, heating) that weigh the same: each indicator is
 * scaled to unit variance over the meters the models were fitted on, then divided by the square root of the size
 * of its family.
 *
 * <p>The indicators are, for each season, the logarithm of the mean level of each day type relative to that of
 * working days (Wednesdays, school-holiday working days, Saturdays, Sundays and public holidays: 8 values, the
 * weekly and yearly schedule of the activity: opening days, school calendars, homes occupied at weekends), and the
 * logarithm of the heating share per degree-day (thermosensitivity as a share of the mean daily energy). They are
 * ratios, so they count the same whatever the size of the meter and whatever its base load. Why families that
 * weigh the same: the eight schedule ratios move together (a closed day is closed in both seasons), so with unit
 * variance each, the schedule would count eight times as much as heating, and the clusterings would merge heated and
 * unheated dwellings, which share a schedule, before they split activities.
 *
 * <p>Why not the raw shapes or the intra-day detail: the intra-day shape of a meter is dominated by a few
 * appliances placed on the clock by the contract, first of all the off-peak water heater switched on at the start
 * of the off-peak hours, which adds a large night-time block at a time that differs from meter to meter. Clusters
 * on shapes split meters by appliance and by off-peak slot rather than by behaviour, and the silhouette then
 * prefers them. The intra-day shape is what the segment profiles describe instead, placed on each meter's off-peak
 * start ({@link OffPeakStart}). Why not the absolute level of each season and day type either: it mixes the
 * schedule with heating, so heated and unheated buildings of one activity fall apart; the heating share carries
 * heating alone.
 *
 * <p>Points are divided by the standard deviations but not centred: Euclidean distances do not change with a shift,
 * and Spark's bisecting k-means cannot split a cluster whose centre is the origin (it perturbs a centre in
 * proportion to its norm), which centred data would give it at the first split.
 *
 * @param dimensions names of the indicators, in order
 * @param means mean of each indicator over the fitted meters (recorded, not subtracted)
 * @param sds scale of each indicator: its standard deviation over the fitted meters (1 where it does not vary) times
 *     the square root of the size of its family
 */
public record SegmentationSpace(List<String> dimensions, double[] means, double[] sds) {

    /**
     * Floor of the heating share per degree-day before the logarithm: 0.3 % of the mean daily energy per degree-day,
     * 3 % on a day of 10 degree-days, is within the day-to-day variation of a dwelling's energy and is what the pumps
     * and burners of a fuel-fired heating draw. Below it, meters are not heated by electricity and all alike; on a
     * log scale without this floor, their noise-level differences would split them into segments of their own.
     */
    public static final double MIN_HEATING_SHARE = 3e-3;

    /** The day type the other day types of a season are compared with. */
    public static final String REFERENCE_DAY_TYPE = "workday";

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
        for (String s : Uc1Features.SEASONS) {
            for (String d : Uc1Features.DAY_TYPES) {
                if (!d.equals(REFERENCE_DAY_TYPE)) {
                    names.add("log_ratio_" + s + "_" + d + "_to_" + REFERENCE_DAY_TYPE);
                }
            }
        }
        names.add("log_heating_share_per_dd");
        return names;
    }

    /**
     * The size of the family of each indicator, in {@link #indicatorNames()} order: the day-type ratios of one
     * season form a family, heating is a family of its own.
     */
    public static int[] familySizes() {
        int perSeason = Uc1Features.DAY_TYPES.size() - 1;
        int[] sizes = new int[indicatorNames().size()];
        java.util.Arrays.fill(sizes, perSeason);
        sizes[sizes.length - 1] = 1;
        return sizes;
    }

    /** The raw (not standardised) indicators of a usable feature row. */
    public static double[] indicators(Row features) {
        double[] x = new double[indicatorNames().size()];
        int k = 0;
        for (String s : Uc1Features.SEASONS) {
            double reference = Math.log(mean(values(features, Uc1Features.shapeColumn(s, REFERENCE_DAY_TYPE))));
            for (String d : Uc1Features.DAY_TYPES) {
                if (!d.equals(REFERENCE_DAY_TYPE)) {
                    x[k++] = Math.log(mean(values(features, Uc1Features.shapeColumn(s, d)))) - reference;
                }
            }
        }
        double share = features.getDouble(features.fieldIndex("heating_share_per_dd"));
        x[k] = Math.log(Math.max(MIN_HEATING_SHARE, share));
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
        int[] family = familySizes();
        for (int j = 0; j < d; j++) {
            sds[j] = (sds[j] > 1e-12 ? Math.sqrt(sds[j]) : 1.0) * Math.sqrt(family[j]);
        }
        return new SegmentationSpace(indicatorNames(), means, sds);
    }

    /** Scales raw indicators by {@link #sds()}. */
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
