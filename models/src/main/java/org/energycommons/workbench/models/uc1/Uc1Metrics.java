package org.energycommons.workbench.models.uc1;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.energycommons.workbench.models.usecase.BootstrapIntervals;
import org.energycommons.workbench.models.usecase.MetricInterval;
import org.energycommons.workbench.models.usecase.MetricMap;
import org.energycommons.workbench.models.usecase.UseCaseMetrics;

/**
 * The uc1 metrics of one segmentation model on one set of meters (held out, or fitted), as published in
 * {@code uc1.json}: agreement with the true archetypes, cluster separation, and how well the segment profiles
 * reproduce each meter's mean shapes next to the tariff-class profiles (the regulatory baseline).
 *
 * <p>Two components exist on one set only: the assigning classifier's agreement with the segmentation it
 * learnt (held-out meters) and the chosen number of segments (fitted meters, the set it was chosen on).
 *
 * <p>Every metric of a set is computed by {@link #of} from the set's {@link MeterScore} rows, and its 90 % interval
 * by {@link #intervals}: the same function on meters drawn with replacement (the adjusted Rand index recomputed on
 * the drawn meters' pairs of true archetype and segment, the silhouette as the mean of the drawn meters' own
 * silhouettes). {@code segments_used}, {@code meters} and {@code k} are counts that describe the set, not estimates:
 * they get no interval ({@code meters} is the sample size of every interval).
 *
 * @param ari adjusted Rand index of the segments against the true archetypes (NaN without a complete truth)
 * @param silhouette mean silhouette of the meters' segments in the standardised indicator space
 * @param nrmse mean per-meter NRMSE of the meter's segment profile (placed on its off-peak start) against its own
 *     mean shapes
 * @param nrmseBaseline mean per-meter NRMSE of the meter's tariff-class profile (the regulatory-profile baseline)
 * @param nrmseSegmentOnly mean per-meter NRMSE of the segment profile over all off-peak starts
 * @param nrmseTariffOffpeak mean per-meter NRMSE of the tariff-class profile placed on the off-peak start
 * @param offpeakPlacedShare share of meters whose segment profile was placed on their own off-peak start
 * @param segmentsUsed distinct segments the meters fell into
 * @param meters meters measured
 * @param agreement the share of meters assigned the segment of another model (the classifier against the
 *     segmentation it learnt, on held-out meters), or null
 * @param k the number of segments chosen by silhouette on the fitted meters (fitted set only), or null
 */
public record Uc1Metrics(double ari, double silhouette, double nrmse, double nrmseBaseline, double nrmseSegmentOnly,
                         double nrmseTariffOffpeak, double offpeakPlacedShare, int segmentsUsed, int meters,
                         Agreement agreement, Integer k) implements UseCaseMetrics {

    /** The published names of the counts that describe a set, which get no interval. */
    public static final List<String> COUNTS = List.of("segments_used", "meters", "k");

    /** The unit of every uc1 interval: a meter, with all its days. */
    public static final String UNIT = "meter";

    /**
     * One measured meter: what a set's metrics are computed from.
     *
     * @param archetype the meter's true archetype, null when unknown (then the set has no ARI)
     * @param segment the segment the model put it in
     * @param silhouette its silhouette in the set (against every meter of the set), NaN with fewer than two
     *     segments
     * @param nrmse NRMSE of its segment profile (placed on its off-peak start) against its own mean shapes
     * @param nrmseBaseline NRMSE of its tariff-class profile
     * @param nrmseSegmentOnly NRMSE of its segment profile over all off-peak starts
     * @param nrmseTariffOffpeak NRMSE of its tariff-class profile placed on its off-peak start
     * @param placed whether its segment profile was placed on its own off-peak start
     * @param agreesWithOther whether another model put it in the same segment, null when there is no other model
     */
    public record MeterScore(String archetype, int segment, double silhouette, double nrmse, double nrmseBaseline,
                             double nrmseSegmentOnly, double nrmseTariffOffpeak, boolean placed,
                             Boolean agreesWithOther) {
    }

    /**
     * The metrics of a set of measured meters (no {@code k}).
     *
     * @param meters the meters, one row each (a meter drawn twice by a bootstrap counts twice)
     * @param otherModel the model whose segments the agreement is measured against, or null for no agreement
     */
    public static Uc1Metrics of(List<MeterScore> meters, String otherModel) {
        int n = meters.size();
        Object[] truth = new Object[n];
        Object[] predicted = new Object[n];
        boolean complete = n > 0;
        double silhouette = 0;
        double nrmse = 0;
        double baseline = 0;
        double segmentOnly = 0;
        double tariffOffPeak = 0;
        int placed = 0;
        int agreeing = 0;
        java.util.Set<Integer> segments = new java.util.HashSet<>();
        for (int i = 0; i < n; i++) {
            MeterScore m = meters.get(i);
            truth[i] = m.archetype();
            predicted[i] = m.segment();
            complete &= m.archetype() != null;
            silhouette += m.silhouette();
            nrmse += m.nrmse();
            baseline += m.nrmseBaseline();
            segmentOnly += m.nrmseSegmentOnly();
            tariffOffPeak += m.nrmseTariffOffpeak();
            placed += m.placed() ? 1 : 0;
            agreeing += Boolean.TRUE.equals(m.agreesWithOther()) ? 1 : 0;
            segments.add(m.segment());
        }
        double mean = n == 0 ? Double.NaN : 1.0 / n;
        return new Uc1Metrics(complete ? ClusterQuality.adjustedRandIndex(truth, predicted) : Double.NaN,
                silhouette * mean, nrmse * mean, baseline * mean, segmentOnly * mean, tariffOffPeak * mean,
                placed * mean, segments.size(), n,
                otherModel == null ? null : new Agreement(otherModel, agreeing * mean), null);
    }

    /**
     * The metrics of {@link #of} that are estimates, by published name (the counts of {@link #COUNTS} left out):
     * the function the bootstrap recomputes on each draw.
     */
    public static Map<String, Double> estimates(List<MeterScore> meters, String otherModel) {
        Map<String, Double> m = new LinkedHashMap<>();
        of(meters, otherModel).toMap().forEach((name, value) -> {
            if (!COUNTS.contains(name)) {
                m.put(name, value instanceof Number x ? x.doubleValue() : Double.NaN);
            }
        });
        return m;
    }

    /** The 90 % interval of every estimate of {@link #of}, over meters drawn with replacement, n = meters. */
    public static Map<String, MetricInterval> intervals(List<MeterScore> meters, String otherModel, long seed) {
        return BootstrapIntervals.of(meters, UNIT, draw -> estimates(draw, otherModel), seed);
    }

    /** Prefix of the published agreement key, followed by the other model's name. */
    public static final String AGREEMENT_PREFIX = "agreement_with_";

    /**
     * The share of meters two models put in the same segment.
     *
     * @param model the other model's name
     * @param share share of meters with the same segment, NaN without meters
     */
    public record Agreement(String model, double share) {
        public Agreement {
            Objects.requireNonNull(model, "model");
        }
    }

    /** 1 − {@link #nrmse} / {@link #nrmseBaseline}: the reduction of the profile error against the baseline. */
    public double nrmseReductionVsBaseline() {
        return 1 - nrmse / nrmseBaseline;
    }

    /** These metrics with the agreement with another model's segments. */
    public Uc1Metrics withAgreement(String model, double share) {
        return new Uc1Metrics(ari, silhouette, nrmse, nrmseBaseline, nrmseSegmentOnly, nrmseTariffOffpeak,
                offpeakPlacedShare, segmentsUsed, meters, new Agreement(model, share), k);
    }

    /** These metrics with the number of segments chosen on these (fitted) meters. */
    public Uc1Metrics withK(int chosenK) {
        return new Uc1Metrics(ari, silhouette, nrmse, nrmseBaseline, nrmseSegmentOnly, nrmseTariffOffpeak,
                offpeakPlacedShare, segmentsUsed, meters, agreement, chosenK);
    }

    /** The published names of the metrics every set has, in publication order. */
    public static final List<String> KEYS = List.of("ari", "silhouette", "nrmse", "nrmse_baseline",
            "nrmse_reduction_vs_baseline", "nrmse_segment_only", "nrmse_tariff_offpeak", "offpeak_placed_share",
            "segments_used", "meters");

    @Override
    public Map<String, Object> toMap() {
        MetricMap m = MetricMap.writing().put(KEYS, ari, silhouette, nrmse, nrmseBaseline,
                nrmseReductionVsBaseline(), nrmseSegmentOnly, nrmseTariffOffpeak, offpeakPlacedShare, segmentsUsed,
                meters);
        if (agreement != null) {
            m.put(AGREEMENT_PREFIX + agreement.model(), agreement.share());
        }
        return m.putPresent("k", k).toMap();
    }

    /** Reads the published form back ({@code null} values are undefined metrics, NaN). */
    public static Uc1Metrics fromMap(Map<String, Object> map) {
        MetricMap v = MetricMap.reading(map);
        Agreement agreement = null;
        for (String key : map.keySet()) {
            if (key.startsWith(AGREEMENT_PREFIX)) {
                agreement = new Agreement(key.substring(AGREEMENT_PREFIX.length()), v.number(key));
            }
        }
        return new Uc1Metrics(v.number("ari"), v.number("silhouette"), v.number("nrmse"), v.number("nrmse_baseline"),
                v.number("nrmse_segment_only"), v.number("nrmse_tariff_offpeak"), v.number("offpeak_placed_share"),
                v.count("segments_used"), v.count("meters"), agreement,
                map.get("k") instanceof Number n ? n.intValue() : null);
    }
}
