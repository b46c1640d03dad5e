package org.energycommons.workbench.models.uc1;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.energycommons.workbench.models.usecase.MapMetrics;
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

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ari", ari);
        m.put("silhouette", silhouette);
        m.put("nrmse", nrmse);
        m.put("nrmse_baseline", nrmseBaseline);
        m.put("nrmse_reduction_vs_baseline", nrmseReductionVsBaseline());
        m.put("nrmse_segment_only", nrmseSegmentOnly);
        m.put("nrmse_tariff_offpeak", nrmseTariffOffpeak);
        m.put("offpeak_placed_share", offpeakPlacedShare);
        m.put("segments_used", segmentsUsed);
        m.put("meters", meters);
        if (agreement != null) {
            m.put(AGREEMENT_PREFIX + agreement.model(), agreement.share());
        }
        if (k != null) {
            m.put("k", k);
        }
        return m;
    }

    /** Reads the published form back ({@code null} values are undefined metrics, NaN). */
    public static Uc1Metrics fromMap(Map<String, Object> map) {
        MapMetrics v = new MapMetrics(map);
        Agreement agreement = null;
        for (String key : map.keySet()) {
            if (key.startsWith(AGREEMENT_PREFIX)) {
                agreement = new Agreement(key.substring(AGREEMENT_PREFIX.length()), v.value(key));
            }
        }
        return new Uc1Metrics(v.value("ari"), v.value("silhouette"), v.value("nrmse"), v.value("nrmse_baseline"),
                v.value("nrmse_segment_only"), v.value("nrmse_tariff_offpeak"), v.value("offpeak_placed_share"),
                (int) v.value("segments_used"), (int) v.value("meters"), agreement,
                map.get("k") instanceof Number n ? n.intValue() : null);
    }
}
