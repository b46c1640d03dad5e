/*
 * Energy Commons Workbench
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package org.energycommons.workbench.reports.usecase.uc1;

import static org.energycommons.workbench.reports.usecase.PageFixtures.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.energycommons.workbench.models.usecase.EvaluationSets;
import org.energycommons.workbench.models.usecase.MapMetrics;
import org.energycommons.workbench.models.usecase.MetricInterval;
import org.energycommons.workbench.models.usecase.UseCase;
import org.energycommons.workbench.models.usecase.UseCaseResult;
import org.energycommons.workbench.models.usecase.UseCases;
import org.energycommons.workbench.reports.usecase.PageFixtures;

/**
 * A realistic, fully populated uc1 page data, as the jobs would give it for the default synthetic region: the four
 * clusterings and the classifier with their held-out and fitted metrics (intervals on the best one), six segments
 * (five publishable, one withheld) with all their typical days, silhouette curves with a failed fit, six communes
 * and meters kept out for several reasons. The page tests and the site's rendering checks use it.
 */
public final class Uc1Sample {

    /** The best segmentation of the sample. */
    public static final String BEST = "hierarchical-ward-smile";

    /** The classifier that assigns new meters to the best segmentation's segments. */
    public static final String CLASSIFIER = "segment-classifier-rf-mllib";

    private static final UseCase UC1 = UseCases.require("uc1");
    private static final String[] SEASONS = {"winter", "summer"};
    private static final String[] DAY_TYPES = {"workday", "wednesday", "school_holiday", "saturday",
        "sunday_holiday"};

    private Uc1Sample() {
    }

    /**
     * The sample page data.
     *
     * @return a new page data, every section filled
     */
    public static Uc1PageData data() {
        List<UseCaseResult.ModelEntry> models = List.of(
                model("kmeans-mllib", "spark-mllib", 7, 0.412, 0.784, 0.431, 0.214, 0.301, 0.276, 0.239, null),
                model("bisecting-kmeans-mllib", "spark-mllib", 6, 0.398, 0.751, 0.418, 0.221, 0.301, 0.283, 0.239,
                        null),
                model("gmm-mllib", "spark-mllib", 4, 0.355, 0.688, 0.372, 0.236, 0.301, 0.290, 0.239, null),
                model(BEST, "smile", 6, 0.447, 0.862, 0.455, 0.196, 0.301, 0.271, 0.239, Map.of(
                        "ari", new MetricInterval(0.811, 0.904, 118, "meter"),
                        "nrmse_reduction_vs_baseline", new MetricInterval(0.297, 0.398, 118, "meter"))),
                model(CLASSIFIER, "spark-mllib", 6, 0.441, 0.848, 0.455, 0.198, 0.301, 0.272, 0.239, null));
        Map<String, Object> split = new LinkedHashMap<>();
        split.put("train", "meters whose seeded hash is at or above 0.3 (276 meters)");
        split.put("test", "meters whose seeded hash is below 0.3 (118 meters)");
        split.put("segments_tried", "4..8 (at least the 4 tariff classes of the fitted meters)");
        split.put("excluded", "11 meters");
        UseCaseResult result = PageFixtures.result(UC1, BEST, models, tables(),
                "split", split,
                "selection", "k per algorithm and best model = highest mean silhouette on the fitted meters (no "
                        + "truth); metrics on held-out meters",
                "exclusions", exclusions());
        return new Uc1PageData(UC1, result, tables(), PageFixtures.REGION,
                profiles(), silhouetteByK(), communeMix(), exclusions(), 1, "2026-12-06T01:48:42Z");
    }

    private static UseCaseResult.ModelEntry model(String name, String engine, int k, double silhouette, double ari,
                                                  double fittedSilhouette, double nrmse, double baseline,
                                                  double segmentOnly, double tariffOffPeak,
                                                  Map<String, MetricInterval> intervals) {
        Map<String, Object> heldOut = metrics("ari", ari, "silhouette", silhouette, "nrmse", nrmse,
                "nrmse_baseline", baseline, "nrmse_reduction_vs_baseline", 1 - nrmse / baseline,
                "nrmse_segment_only", segmentOnly, "nrmse_tariff_offpeak", tariffOffPeak, "offpeak_placed_share",
                0.89, "segments_used", k, "meters", 118);
        if (name.equals(CLASSIFIER)) {
            heldOut.put("agreement_with_" + BEST, 0.966);
        }
        Map<String, Object> fitted = metrics("ari", ari + 0.012, "silhouette", fittedSilhouette, "nrmse",
                nrmse - 0.008, "nrmse_baseline", baseline - 0.004, "nrmse_reduction_vs_baseline",
                1 - (nrmse - 0.008) / (baseline - 0.004), "nrmse_segment_only", segmentOnly - 0.006,
                "nrmse_tariff_offpeak", tariffOffPeak - 0.005, "offpeak_placed_share", 0.93, "segments_used", k,
                "meters", 276, "k", k);
        EvaluationSets sets = EvaluationSets.ofHeldOut(new MapMetrics(fitted), new MapMetrics(heldOut));
        if (intervals != null) {
            sets = sets.withIntervals(EvaluationSets.HELD_OUT, intervals);
        }
        Map<String, String> notes = new LinkedHashMap<>();
        notes.put("k", String.valueOf(k));
        notes.put("role", name.equals(CLASSIFIER) ? "assigns new meters to the segments of " + BEST
                : "segmentation");
        return new UseCaseResult.ModelEntry(name, engine, "uc1-" + name + "-7f3a9c2e", sets, notes);
    }

    private static Map<String, Long> tables() {
        Map<String, Long> tables = new LinkedHashMap<>();
        tables.put("gold/features/uc1", 3L);
        tables.put("silver/load_curve", 12L);
        tables.put("silver/meters", 4L);
        tables.put("silver/communes", 2L);
        tables.put("silver/weather_hourly", 7L);
        tables.put("silver/calendar", 2L);
        return tables;
    }

    private static Map<String, Long> exclusions() {
        Map<String, Long> exclusions = new TreeMap<>();
        exclusions.put("a ratio is undefined (zero consumption)", 1L);
        exclusions.put("heating degree-days do not vary", 1L);
        exclusions.put("no complete day of readings", 3L);
        exclusions.put("no complete day of type summer saturday, summer sunday holiday", 2L);
        exclusions.put("only 87 complete days (at least 120 needed)", 4L);
        return exclusions;
    }

    /**
     * Five segments: electric heating with an off-peak water heater, gas-heated homes, small offices and shops,
     * second homes, and shops open on Saturdays.
     */
    private static List<Uc1PageData.SegmentProfile> profiles() {
        List<Uc1PageData.SegmentProfile> profiles = new ArrayList<>();
        int[] meters = {112, 74, 41, 27, 14};
        for (int s = 0; s < meters.length; s++) {
            Map<String, double[]> shapes = new LinkedHashMap<>();
            for (String season : SEASONS) {
                for (String dayType : DAY_TYPES) {
                    shapes.put(season + "_" + dayType, day(s, season.equals("winter"), dayType));
                }
            }
            profiles.add(new Uc1PageData.SegmentProfile(s + 1, meters[s], shapes));
        }
        return profiles;
    }

    /** A normalised typical day (48 half-hours, mean about 1) of a segment. */
    private static double[] day(int segment, boolean winter, String dayType) {
        boolean weekend = dayType.equals("saturday") || dayType.equals("sunday_holiday");
        double[] v = new double[48];
        double sum = 0;
        for (int i = 0; i < 48; i++) {
            double h = i / 2.0;
            double x = switch (segment) {
                case 0 -> 0.6 + (winter ? 0.5 : 0.1) + bump(h, 7.5, 1.2, 0.6) + bump(h, 19.5, 1.8, 1.1)
                        + (h >= 22.5 || h < 1 ? 1.6 : 0);
                case 1 -> 0.5 + bump(h, 8, 1.0, 0.5) + bump(h, 13, 1.0, weekend ? 0.6 : 0.2)
                        + bump(h, 20, 2.0, 1.0);
                case 2 -> weekend ? 0.35 : 0.3 + (h >= 8 && h < 18.5 ? (winter ? 1.9 : 1.5) : 0);
                case 3 -> 0.4 + (weekend ? 0.3 + bump(h, 12.5, 2.5, 0.9) + bump(h, 20, 2.0, 0.8) : 0.05);
                default -> dayType.equals("sunday_holiday") ? 0.3
                        : 0.3 + (h >= 9 && h < 19 ? (dayType.equals("saturday") ? 2.2 : 1.6) : 0);
            };
            v[i] = x;
            sum += x;
        }
        for (int i = 0; i < 48; i++) {
            v[i] = Math.round(v[i] * 48 / sum * 1000) / 1000.0;
        }
        return v;
    }

    private static double bump(double h, double centre, double width, double height) {
        double d = (h - centre) / width;
        return height * Math.exp(-d * d / 2);
    }

    private static Map<String, Map<Integer, Double>> silhouetteByK() {
        Map<String, Map<Integer, Double>> curves = new LinkedHashMap<>();
        curves.put("kmeans-mllib", curve(0.382, 0.401, 0.409, 0.431, 0.398));
        curves.put("bisecting-kmeans-mllib", curve(0.377, 0.412, 0.418, 0.407, 0.389));
        curves.put("gmm-mllib", curve(0.372, 0.351, 0.333, 0.329, Double.NaN));
        curves.put(BEST, curve(0.421, 0.438, 0.455, 0.442, 0.427));
        return curves;
    }

    private static Map<Integer, Double> curve(double... byK) {
        Map<Integer, Double> curve = new TreeMap<>();
        for (int i = 0; i < byK.length; i++) {
            curve.put(4 + i, byK[i]);
        }
        return curve;
    }

    private static List<Uc1PageData.CommuneCell> communeMix() {
        List<Uc1PageData.CommuneCell> cells = new ArrayList<>();
        String[] communes = {"99001", "99002", "99003", "99004", "99005", "99006"};
        int[] communeMeters = {138, 82, 61, 47, 38, 28};
        int[][] bySegment = {{52, 31, 22, 0, 14}, {30, 21, 12, 11, 0}, {24, 13, 0, 10, 0}, {19, 0, 0, 0, 0},
            {15, 0, 0, 0, 0}, {0, 0, 0, 0, 0}};
        for (int c = 0; c < communes.length; c++) {
            for (int s = 0; s < bySegment[c].length; s++) {
                int n = bySegment[c][s];
                if (n >= 10) {
                    cells.add(new Uc1PageData.CommuneCell(communes[c], s + 1, n, communeMeters[c],
                            n / (double) communeMeters[c]));
                }
            }
        }
        return cells;
    }
}
