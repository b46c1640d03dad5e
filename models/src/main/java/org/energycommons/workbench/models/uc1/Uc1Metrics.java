package org.energycommons.workbench.models.uc1;

import java.util.List;
import java.util.Map;
import java.util.Objects;
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
