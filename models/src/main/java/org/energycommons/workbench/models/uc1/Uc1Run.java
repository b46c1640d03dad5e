package org.energycommons.workbench.models.uc1;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.energycommons.workbench.datasets.grid.OffPeakStart;
import org.energycommons.workbench.models.provenance.DataFingerprint;
import org.energycommons.workbench.models.provenance.ModelProvenance;
import org.energycommons.workbench.models.usecase.DataKey;
import org.energycommons.workbench.models.usecase.EvaluationSets;
import smile.clustering.HierarchicalClustering;

/**
 * The uc1 experiment: segments meters with four clusterings (MLlib k-means, bisecting k-means, Gaussian mixture,
 * Smile Ward hierarchy), each with its number of segments chosen by silhouette over a range, selects the best by
 * silhouette (never by the truth), trains the classifier that assigns new meters, and evaluates everything on
 * meters held out of every fit.
 *
 * <p>Protocol: usable meters are split by a seeded hash of their load shape ({@link DataKey}, not their pseudonym)
 * into fitted meters and held-out (test) meters. Every choice (standardisation, k, best model, segment profiles,
 * tariff-class profiles) uses fitted meters only. The number of segments is chosen by silhouette from at least as
 * many segments as there are tariff classes among the fitted meters: the segments are meant to replace the
 * regulatory profiles, and a coarser segmentation cannot. Held-out meters are assigned by each model and
 * measured: adjusted Rand index against the true archetypes (evaluation only), silhouette, and the per-meter NRMSE
 * of the segment profile against the meter's own mean shapes, next to the NRMSE of its tariff class's average
 * profile (the regulatory-profile baseline, at the same resolution: season × day type × half-hour).
 *
 * <p>A segment profile is placed on the meter's off-peak start ({@link OffPeakStart}, read from its curve): it is
 * the mean of the fitted meters of the segment with the same off-peak start when there are at least
 * {@link Uc1Options#minProfileMeters()} of them, else the mean of all the segment's fitted meters. An off-peak water
 * heater adds a block of several times a dwelling's mean half-hour at the start of its off-peak hours, which differ
 * from meter to meter; a profile averaged over every start smears that block and misses every meter. So that the
 * part of the gain owed to the placement and the part owed to the segments can be told apart, two references are
 * measured too: {@code nrmse_segment_only} (segment profiles over all starts) and {@code nrmse_tariff_offpeak}
 * (tariff-class profiles placed on the off-peak start the same way).
 */
public final class Uc1Run {

    /** The clustering models, in report order. */
    public static final List<String> CLUSTERINGS = List.of(MllibSegmentModel.KMEANS, MllibSegmentModel.BISECTING,
            MllibSegmentModel.GMM, HierarchicalSegmentModel.TYPE);

    /** Split names. */
    public static final String FIT = "train";
    /** Held-out split name. */
    public static final String TEST = "test";

    /** What the clusterings "predict": there is no label, only the segment they find. */
    public static final String UNSUPERVISED_LABEL = "segment (unsupervised)";

    /** Least number of fitted meters to segment at all. */
    public static final int MIN_FIT_METERS = 10;

    private Uc1Run() {
    }

    /**
     * The outcome: models, metrics, result rows, or why there was not enough data.
     *
     * @param insufficient why nothing was fitted, or null
     * @param models the fitted clusterings, then the classifier
     * @param bestModel the clustering with the highest silhouette on fitted meters
     * @param evaluation model → its metrics on the held-out meters (judged) and on the fitted meters (with the
     *     number of segments chosen on them), in model order
     * @param silhouetteByK clustering → k → silhouette on fitted meters
     * @param segments {@link #SEGMENTS_SCHEMA} rows
     * @param centroids {@link #CENTROIDS_SCHEMA} rows
     * @param communeMix {@link #COMMUNE_MIX_SCHEMA} rows (before the secrecy guard)
     * @param exclusions exclusion reason → meters
     * @param split how meters were split
     */
    public record Outcome(String insufficient, List<SegmentModel> models, String bestModel,
                          Map<String, EvaluationSets> evaluation,
                          Map<String, Map<Integer, Double>> silhouetteByK, List<Row> segments, List<Row> centroids,
                          List<Row> communeMix, Map<String, Long> exclusions, Map<String, String> split) {
    }

    /** Schema of the segments table: one row per usable meter and model. */
    public static final StructType SEGMENTS_SCHEMA = StructType.fromDDL("""
            meter_id STRING NOT NULL, model STRING NOT NULL, segment INT NOT NULL, split STRING NOT NULL,
            is_best_model BOOLEAN NOT NULL""");

    /**
     * Schema of the centroids table: the profile of each segment on fitted meters, over all off-peak starts
     * ({@code offpeak_start_hh} null), then on each off-peak start shared by enough fitted meters of the segment
     * ({@code -1}: meters without one).
     */
    public static final StructType CENTROIDS_SCHEMA = StructType.fromDDL("""
            model STRING NOT NULL, segment INT NOT NULL, season STRING NOT NULL, day_type STRING NOT NULL,
            hh INT NOT NULL, value DOUBLE NOT NULL, n_meters INT NOT NULL, largest_share DOUBLE NOT NULL,
            offpeak_start_hh INT""");

    /** Schema of the commune mix: meters of each segment of the best model per commune. */
    public static final StructType COMMUNE_MIX_SCHEMA = StructType.fromDDL("""
            commune_code STRING NOT NULL, model STRING NOT NULL, segment INT NOT NULL, n_meters INT NOT NULL,
            commune_meters INT NOT NULL, share DOUBLE NOT NULL, largest_share DOUBLE NOT NULL""");

    /** One usable meter on the driver. */
    private record Meter(String id, String unit, String commune, String tariff, double meanDailyKwh,
                         double[] shapes, double[] raw, boolean test, int offPeakStart) {
    }

    /**
     * Runs the experiment.
     *
     * @param features the uc1 feature table ({@link Uc1Features})
     * @param truth {@code meter_id, archetype}, read for evaluation only; null when there is no truth
     * @param inputTables input table versions, recorded in every provenance
     * @param options settings
     * @param log progress lines
     */
    public static Outcome run(Dataset<Row> features, Dataset<Row> truth, Map<String, Long> inputTables,
                              Uc1Options options, Consumer<String> log) {
        SparkSession spark = features.sparkSession();
        Map<String, Long> exclusions = new TreeMap<>();
        for (Row r : features.filter(col(Uc1Features.EXCLUSION).isNotNull())
                .groupBy(Uc1Features.EXCLUSION).count().collectAsList()) {
            exclusions.put(r.getString(0), r.getLong(1));
        }
        Dataset<Row> usable = features.filter(col(Uc1Features.EXCLUSION).isNull());
        List<Meter> meters = new ArrayList<>();
        for (Row r : usable.collectAsList()) {
            String id = r.getString(r.fieldIndex("meter_id"));
            // Features to single precision: their last bits depend on the order Spark added the readings in (the
            // partitioning), and a Gaussian mixture turns a last bit into another clustering.
            double[] shapes = singlePrecision(Uc1Features.concatenatedShapes(r));
            String commune = r.getString(r.fieldIndex("commune_code"));
            String tariff = r.getString(r.fieldIndex("tariff_profile"));
            double meanDailyKwh = (float) r.getDouble(r.fieldIndex("mean_daily_kwh"));
            // The split and the order of the fits are drawn from what the meter is, not from its pseudonym: the
            // same seed gives the same figures whatever the workspace's pseudonymisation key.
            double[] values = Arrays.copyOf(shapes, shapes.length + 1);
            values[shapes.length] = meanDailyKwh;
            String unit = DataKey.of("uc1-meter", new String[] {commune, tariff}, values);
            meters.add(new Meter(id, unit, commune, tariff, meanDailyKwh, shapes,
                    singlePrecision(SegmentationSpace.indicators(r)),
                    isHeldOut(unit, options), OffPeakStart.detect(shapes)));
        }
        meters.sort(Comparator.comparing(Meter::unit).thenComparing(Meter::id));
        List<Meter> fit = meters.stream().filter(m -> !m.test()).toList();
        List<Meter> test = meters.stream().filter(Meter::test).toList();
        Map<String, String> split = new LinkedHashMap<>();
        split.put("rule", "meters held out by a seeded hash of their load shape: fraction " + options.testFraction()
                + ", seed " + options.seed());
        split.put(FIT, fit.size() + " meters (every fit and choice)");
        split.put(TEST, test.size() + " meters (assigned and measured only)");
        split.put("excluded", exclusions.values().stream().mapToLong(Long::longValue).sum() + " meters");
        if (fit.size() < MIN_FIT_METERS || test.size() < 2) {
            String reason = String.format("insufficient data: %d usable meters (%d to fit, %d held out); at least %d "
                    + "to fit and 2 held out are needed; exclusions: %s", meters.size(), fit.size(), test.size(),
                    MIN_FIT_METERS, exclusions);
            log.accept(reason);
            return new Outcome(reason, List.of(), null, Map.of(), Map.of(), List.of(), List.of(), List.of(),
                    exclusions, split);
        }
        Map<String, String> archetypes = new HashMap<>();
        if (truth != null) {
            for (Row r : truth.select("meter_id", "archetype").collectAsList()) {
                archetypes.put(r.getString(0), r.getString(1));
            }
        }

        SegmentationSpace space = SegmentationSpace.fit(fit.stream().map(Meter::raw).toArray(double[][]::new));
        double[][] fitPoints = fit.stream().map(m -> space.standardise(m.raw())).toArray(double[][]::new);
        double[][] testPoints = test.stream().map(m -> space.standardise(m.raw())).toArray(double[][]::new);
        String fingerprint = DataFingerprint.of(usable.filter(col("meter_id").isin(
                fit.stream().map(Meter::id).toArray())), fingerprintColumns());
        Uc1Training training = new Uc1Training(inputTables, split, fit.size(), fingerprint,
                SegmentationSpace.indicatorNames());
        Dataset<Row> fitFrame = pointsFrame(spark, fit, fitPoints, null).cache();
        fitFrame.count();

        int kMax = Math.min(options.kMax(), fit.size() - 1);
        int tariffClasses = (int) fit.stream().map(Meter::tariff).distinct().count();
        int kMin = Math.min(kMax, Math.max(options.kMin(), tariffClasses));
        split.put("segments_tried", kMin + ".." + kMax + " (at least the " + tariffClasses
                + " tariff classes of the fitted meters)");
        Map<String, Map<Integer, Double>> curves = new LinkedHashMap<>();
        Map<String, SegmentModel> chosen = new LinkedHashMap<>();
        Map<String, Double> chosenSilhouette = new LinkedHashMap<>();
        for (String type : CLUSTERINGS) {
            Map<Integer, Double> curve = new TreeMap<>();
            SegmentModel best = null;
            double bestSilhouette = Double.NEGATIVE_INFINITY;
            HierarchicalClustering tree = type.equals(HierarchicalSegmentModel.TYPE)
                    ? HierarchicalSegmentModel.tree(fitPoints) : null;
            for (int k = kMin; k <= kMax; k++) {
                SegmentModel model;
                try {
                    model = tree != null
                            ? HierarchicalSegmentModel.cut(tree, fitPoints, k, space, options, training)
                            : MllibSegmentModel.fit(type, fitFrame, k, space, options, training);
                } catch (RuntimeException e) {
                    if (!type.equals(MllibSegmentModel.GMM)) {
                        throw e;
                    }
                    // A Gaussian mixture may fail on a degenerate covariance: that k is skipped, not the run.
                    log.accept(type + " k=" + k + " failed: " + e.getMessage());
                    curve.put(k, Double.NaN);
                    continue;
                }
                int[] labels = model instanceof HierarchicalSegmentModel h ? h.fittedLabels() : model.assign(fitPoints);
                double s = ClusterQuality.silhouette(fitPoints, labels);
                curve.put(k, s);
                // Highest silhouette wins; the smaller k keeps a tie.
                if (!Double.isNaN(s) && s > bestSilhouette) {
                    bestSilhouette = s;
                    best = model;
                }
            }
            curves.put(type, curve);
            if (best != null) {
                chosen.put(type, best);
                chosenSilhouette.put(type, bestSilhouette);
                log.accept(String.format("%s: k=%d by silhouette %.3f", type, best.k(), bestSilhouette));
            }
        }
        if (chosen.isEmpty()) {
            String reason = "insufficient data: no clustering could be fitted";
            log.accept(reason);
            return new Outcome(reason, List.of(), null, Map.of(), curves, List.of(), List.of(), List.of(), exclusions,
                    split);
        }
        String bestModel = chosenSilhouette.entrySet().stream()
                .max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        SegmentModel best = chosen.get(bestModel);
        int[] bestFitLabels = best instanceof HierarchicalSegmentModel h ? h.fittedLabels() : best.assign(fitPoints);
        Dataset<Row> labelled = pointsFrame(spark, fit, fitPoints, bestFitLabels);
        SegmentClassifier classifier = SegmentClassifier.fit(labelled, best.k(), bestModel, space, options, training);
        fitFrame.unpersist();

        List<SegmentModel> models = new ArrayList<>(chosen.values());
        models.add(classifier);
        double[] overall = meanProfiles(fit, m -> "all").get("all");
        SegmentProfiles tariffProfiles = SegmentProfiles.pooled(fit, Meter::tariff, overall);
        SegmentProfiles tariffOffPeak = SegmentProfiles.placed(fit, Meter::tariff, options.minProfileMeters(),
                overall);
        Map<String, EvaluationSets> evaluation = new LinkedHashMap<>();
        List<Row> segments = new ArrayList<>();
        List<Row> centroids = new ArrayList<>();
        List<Row> communeMix = new ArrayList<>();
        int[] bestTestLabels = best.assign(testPoints);
        for (SegmentModel model : models) {
            String name = model.provenance().name();
            int[] fitLabels = model instanceof HierarchicalSegmentModel h ? h.fittedLabels() : model.assign(fitPoints);
            int[] testLabels = model.assign(testPoints);
            // Segments are numbered 1..k by decreasing number of fitted meters, whatever the engine's ids.
            int[] rank = ranks(model == classifier ? bestFitLabels : fitLabels, model.k());
            Map<String, Integer> fitSegment = new HashMap<>();
            for (int i = 0; i < fit.size(); i++) {
                fitSegment.put(fit.get(i).id(), fitLabels[i]);
            }
            Function<Meter, String> segmentOf = m -> String.valueOf(fitSegment.get(m.id()));
            SegmentProfiles profiles = SegmentProfiles.placed(fit, segmentOf, options.minProfileMeters(), overall);
            SegmentProfiles segmentOnly = SegmentProfiles.pooled(fit, segmentOf, overall);
            References references = new References(tariffProfiles, tariffOffPeak, segmentOnly);
            // The silhouette k was chosen by is the fitted meters' silhouette, computed on the same labels.
            List<Uc1Metrics.MeterScore> fittedScores = scores(fit, fitPoints, fitLabels, profiles, references,
                    archetypes, null);
            String other = model == classifier ? bestModel : null;
            List<Uc1Metrics.MeterScore> heldOutScores = scores(test, testPoints, testLabels, profiles, references,
                    archetypes, model == classifier ? bestTestLabels : null);
            Uc1Metrics fitted = Uc1Metrics.of(fittedScores, null).withK(model.k());
            Uc1Metrics heldOut = Uc1Metrics.of(heldOutScores, other);
            evaluation.put(name, EvaluationSets.ofHeldOut(fitted, heldOut)
                    .withIntervals(EvaluationSets.HELD_OUT, Uc1Metrics.intervals(heldOutScores, other,
                            options.seed()))
                    .withIntervals(EvaluationSets.FITTED, Uc1Metrics.intervals(fittedScores, null, options.seed())));
            for (int i = 0; i < fit.size(); i++) {
                segments.add(RowFactory.create(fit.get(i).id(), name, rank[fitLabels[i]] + 1, FIT,
                        name.equals(bestModel)));
            }
            for (int i = 0; i < test.size(); i++) {
                segments.add(RowFactory.create(test.get(i).id(), name, rank[testLabels[i]] + 1, TEST,
                        name.equals(bestModel)));
            }
            if (model != classifier) {
                centroids.addAll(centroidRows(name, profiles, rank));
            }
            if (name.equals(bestModel)) {
                communeMix.addAll(communeRows(name, fit, fitLabels, test, testLabels, rank));
            }
        }
        Uc1Metrics bestTest = (Uc1Metrics) evaluation.get(bestModel).judgedMetrics();
        log.accept(String.format("best %s (k=%d): held-out ARI %.3f, silhouette %.3f, NRMSE %.3f vs tariff-class "
                        + "profiles %.3f (segments over all off-peak starts %.3f, tariff classes on them %.3f)",
                bestModel, best.k(), bestTest.ari(), bestTest.silhouette(), bestTest.nrmse(),
                bestTest.nrmseBaseline(), bestTest.nrmseSegmentOnly(), bestTest.nrmseTariffOffpeak()));
        return new Outcome(null, models, bestModel, evaluation, curves, segments, centroids, communeMix, exclusions,
                split);
    }

    /**
     * Whether a meter is held out of every fit: a seeded hash of its {@link DataKey} (from its load shape, not
     * its pseudonym) below the test fraction.
     */
    static boolean isHeldOut(String unitKey, Uc1Options options) {
        String h = ModelProvenance.shortHash("uc1-split", String.valueOf(options.seed()), unitKey);
        return Long.parseLong(h.substring(0, 8), 16) / (double) (1L << 32) < options.testFraction();
    }

    private static double[] singlePrecision(double[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }

    private static String[] fingerprintColumns() {
        List<String> c = new ArrayList<>(List.of("meter_id", "n_days", "mean_daily_kwh"));
        c.addAll(Uc1Features.SCALARS);
        c.addAll(Uc1Features.shapeColumns());
        return c.toArray(String[]::new);
    }

    private static Dataset<Row> pointsFrame(SparkSession spark, List<Meter> meters, double[][] points, int[] labels) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < points.length; i++) {
            rows.add(RowFactory.create(meters.get(i).id(), SegmentModel.vector(points[i]),
                    labels == null ? 0.0 : (double) labels[i]));
        }
        StructType schema = new StructType()
                .add("meter_id", DataTypes.StringType, false)
                .add("features", SQLDataTypes.VectorType(), false)
                .add("label", DataTypes.DoubleType, false);
        // One partition: a few hundred points, where task overhead would dominate every iteration.
        return spark.createDataFrame(rows, schema).coalesce(1);
    }

    private static Map<String, double[]> meanProfiles(List<Meter> meters,
                                                      java.util.function.Function<Meter, String> key) {
        Map<String, double[]> sums = new TreeMap<>();
        Map<String, Integer> counts = new HashMap<>();
        for (Meter m : meters) {
            double[] s = sums.computeIfAbsent(key.apply(m), k -> new double[m.shapes().length]);
            for (int j = 0; j < s.length; j++) {
                s[j] += m.shapes()[j];
            }
            counts.merge(key.apply(m), 1, Integer::sum);
        }
        sums.forEach((k, s) -> {
            for (int j = 0; j < s.length; j++) {
                s[j] /= counts.get(k);
            }
        });
        return sums;
    }

    /** The tariff-class profiles (the baseline) and the profiles that tell the gain apart, for one model. */
    private record References(SegmentProfiles tariff, SegmentProfiles tariffOffPeak, SegmentProfiles segmentOnly) {
    }

    /**
     * Mean shapes of groups of fitted meters (segments or tariff classes), and, when placed, of each group and
     * off-peak start shared by at least {@code minMeters} of its fitted meters.
     */
    private record SegmentProfiles(Map<String, List<Meter>> members, Map<String, double[]> means, boolean placed,
                                   double[] overall) {

        static SegmentProfiles pooled(List<Meter> fit, Function<Meter, String> group, double[] overall) {
            return of(fit, group, false, 0, overall);
        }

        static SegmentProfiles placed(List<Meter> fit, Function<Meter, String> group, int minMeters,
                                      double[] overall) {
            return of(fit, group, true, minMeters, overall);
        }

        private static SegmentProfiles of(List<Meter> fit, Function<Meter, String> group, boolean placed,
                                          int minMeters, double[] overall) {
            Map<String, List<Meter>> members = new TreeMap<>();
            for (Meter m : fit) {
                members.computeIfAbsent(group.apply(m), g -> new ArrayList<>()).add(m);
                if (placed) {
                    members.computeIfAbsent(key(group.apply(m), m.offPeakStart()), g -> new ArrayList<>()).add(m);
                }
            }
            // Only the placed profiles need enough meters: a group's own profile is always there.
            members.entrySet().removeIf(e -> e.getKey().contains("@") && e.getValue().size() < minMeters);
            Map<String, double[]> means = new TreeMap<>();
            members.forEach((g, ms) -> means.put(g, meanProfiles(ms, m -> "all").get("all")));
            return new SegmentProfiles(members, means, placed, overall);
        }

        private static String key(String group, int offPeakStart) {
            return group + "@" + offPeakStart;
        }

        /** The profile of a meter of the group: on its off-peak start if placed and known, else the group's. */
        double[] profile(String group, int offPeakStart) {
            double[] p = placed ? means.get(key(group, offPeakStart)) : null;
            if (p == null) {
                p = means.get(group);
            }
            // A group no fitted meter fell into has no profile: the overall mean shape stands in.
            return p == null ? overall : p;
        }

        /** Whether a meter of the group gets a profile placed on its own off-peak start. */
        boolean placesOn(String group, int offPeakStart) {
            return placed && means.containsKey(key(group, offPeakStart));
        }
    }

    /**
     * Each meter's scores under a model: its true archetype, segment, silhouette in the set and profile errors.
     *
     * @param otherLabels another model's segments of the same meters (the agreement), or null
     */
    private static List<Uc1Metrics.MeterScore> scores(List<Meter> meters, double[][] points, int[] labels,
                                                      SegmentProfiles profiles, References references,
                                                      Map<String, String> archetypes, int[] otherLabels) {
        double[] silhouettes = ClusterQuality.silhouettes(points, labels);
        List<Uc1Metrics.MeterScore> scores = new ArrayList<>();
        for (int i = 0; i < meters.size(); i++) {
            Meter m = meters.get(i);
            String segment = String.valueOf(labels[i]);
            scores.add(new Uc1Metrics.MeterScore(archetypes.get(m.id()), labels[i], silhouettes[i],
                    ClusterQuality.nrmse(m.shapes(), profiles.profile(segment, m.offPeakStart())),
                    ClusterQuality.nrmse(m.shapes(), references.tariff().profile(m.tariff(), 0)),
                    ClusterQuality.nrmse(m.shapes(), references.segmentOnly().profile(segment, 0)),
                    ClusterQuality.nrmse(m.shapes(), references.tariffOffPeak().profile(m.tariff(),
                            m.offPeakStart())),
                    profiles.placesOn(segment, m.offPeakStart()),
                    otherLabels == null ? null : otherLabels[i] == labels[i]));
        }
        return scores;
    }

    /** rank[label] = position of the label by decreasing count (ties by label), 0-based. */
    static int[] ranks(int[] labels, int k) {
        int size = k;
        for (int l : labels) {
            size = Math.max(size, l + 1);
        }
        int[] counts = new int[size];
        for (int l : labels) {
            counts[l]++;
        }
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt((Integer i) -> -counts[i]).thenComparingInt(i -> i));
        int[] rank = new int[size];
        for (int r = 0; r < size; r++) {
            rank[order[r]] = r;
        }
        return rank;
    }

    private static List<Row> centroidRows(String model, SegmentProfiles profiles, int[] rank) {
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, double[]> e : profiles.means().entrySet()) {
            String[] key = e.getKey().split("@");
            int c = Integer.parseInt(key[0]);
            Integer start = key.length > 1 ? Integer.valueOf(key[1]) : null;
            List<Meter> members = profiles.members().get(e.getKey());
            double total = members.stream().mapToDouble(Meter::meanDailyKwh).sum();
            double largest = members.stream().mapToDouble(Meter::meanDailyKwh).max().orElse(0);
            double[] p = e.getValue();
            int j = 0;
            for (String season : Uc1Features.SEASONS) {
                for (String day : Uc1Features.DAY_TYPES) {
                    for (int hh = 0; hh < Uc1Features.HALF_HOURS; hh++) {
                        rows.add(RowFactory.create(model, rank[c] + 1, season, day, hh, p[j++], members.size(),
                                total > 0 ? largest / total : 1.0, start));
                    }
                }
            }
        }
        return rows;
    }

    private static List<Row> communeRows(String model, List<Meter> fit, int[] fitLabels, List<Meter> test,
                                         int[] testLabels, int[] rank) {
        Map<String, Map<Integer, double[]>> cells = new TreeMap<>();
        Map<String, Integer> communeMeters = new HashMap<>();
        for (int s = 0; s < 2; s++) {
            List<Meter> ms = s == 0 ? fit : test;
            int[] labels = s == 0 ? fitLabels : testLabels;
            for (int i = 0; i < ms.size(); i++) {
                Meter m = ms.get(i);
                // count, total energy, largest energy
                double[] cell = cells.computeIfAbsent(m.commune(), c -> new TreeMap<>())
                        .computeIfAbsent(rank[labels[i]] + 1, c -> new double[3]);
                cell[0]++;
                cell[1] += m.meanDailyKwh();
                cell[2] = Math.max(cell[2], m.meanDailyKwh());
                communeMeters.merge(m.commune(), 1, Integer::sum);
            }
        }
        List<Row> rows = new ArrayList<>();
        cells.forEach((commune, bySegment) -> bySegment.forEach((segment, cell) -> {
            int total = communeMeters.get(commune);
            rows.add(RowFactory.create(commune, model, segment, (int) cell[0], total, cell[0] / total,
                    cell[1] > 0 ? cell[2] / cell[1] : 1.0));
        }));
        return rows;
    }
}
