package org.energycommons.workbench.models.uc1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.energycommons.workbench.models.provenance.Json;
import org.energycommons.workbench.models.usecase.MetricInterval;
import org.junit.jupiter.api.Test;

/**
 * {@link Uc1Metrics}: the published keys of each set, reading them back, the metrics of per-meter scores and
 * their bootstrap intervals.
 */
class Uc1MetricsTest {

    private static final List<String> HELD_OUT_KEYS = List.of("ari", "silhouette", "nrmse", "nrmse_baseline",
            "nrmse_reduction_vs_baseline", "nrmse_segment_only", "nrmse_tariff_offpeak", "offpeak_placed_share",
            "segments_used", "meters");

    private static final Uc1Metrics HELD_OUT = new Uc1Metrics(0.91, 0.42, 0.12, 0.30, 0.2, 0.25, 0.75, 3, 40, null,
            null);

    @Test
    void publishedKeysInOrderPerSet() {
        assertEquals(HELD_OUT_KEYS, List.copyOf(HELD_OUT.toMap().keySet()));
        List<String> classifier = new java.util.ArrayList<>(HELD_OUT_KEYS);
        classifier.add("agreement_with_kmeans");
        assertEquals(classifier, List.copyOf(HELD_OUT.withAgreement("kmeans", 0.95).toMap().keySet()));
        List<String> fitted = new java.util.ArrayList<>(HELD_OUT_KEYS);
        fitted.add("k");
        assertEquals(fitted, List.copyOf(HELD_OUT.withK(3).toMap().keySet()));
        assertEquals(1 - 0.12 / 0.30, HELD_OUT.toMap().get("nrmse_reduction_vs_baseline"));
        assertEquals(3, HELD_OUT.withK(3).toMap().get("k"));
        assertEquals(40, HELD_OUT.toMap().get("meters"));
    }

    @Test
    void readsThePublishedFormBack() {
        for (Uc1Metrics m : List.of(HELD_OUT, HELD_OUT.withAgreement("gmm", 0.8), HELD_OUT.withK(4))) {
            Uc1Metrics back = Uc1Metrics.fromMap(viaJson(m.toMap()));
            assertEquals(m, back);
            assertEquals(m.toMap(), back.toMap());
        }
        Uc1Metrics noTruth = new Uc1Metrics(Double.NaN, 0.4, 0.1, 0.2, 0.2, 0.2, Double.NaN, 2, 0, null, null);
        Uc1Metrics back = Uc1Metrics.fromMap(viaJson(noTruth.toMap()));
        assertEquals(noTruth, back, "an undefined metric, null in the JSON, reads back as NaN");
        assertNull(back.k());
        assertNull(back.agreement());
        assertEquals(0.8, Uc1Metrics.fromMap(HELD_OUT.withAgreement("gmm", 0.8).toMap()).value("agreement_with_gmm"));
    }

    /** 40 meters of 2 archetypes, segmented with 4 mistakes; every tenth meter without a placed profile. */
    private static List<Uc1Metrics.MeterScore> scores() {
        List<Uc1Metrics.MeterScore> scores = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int archetype = i % 2;
            int segment = i < 4 ? 1 - archetype : archetype;
            scores.add(new Uc1Metrics.MeterScore(archetype == 0 ? "RES" : "PRO", segment, 0.3 + 0.01 * (i % 7),
                    0.10 + 0.005 * (i % 5), 0.30 + 0.01 * (i % 3), 0.2, 0.25, i % 10 != 0, i % 8 != 0));
        }
        return scores;
    }

    @Test
    void metricsOfPerMeterScores() {
        List<Uc1Metrics.MeterScore> scores = scores();
        Uc1Metrics m = Uc1Metrics.of(scores, "kmeans");
        Object[] truth = scores.stream().map(Uc1Metrics.MeterScore::archetype).toArray();
        Object[] segments = scores.stream().map(Uc1Metrics.MeterScore::segment).toArray();
        assertEquals(ClusterQuality.adjustedRandIndex(truth, segments), m.ari(), 1e-12);
        assertEquals(scores.stream().mapToDouble(Uc1Metrics.MeterScore::silhouette).average().orElseThrow(),
                m.silhouette(), 1e-12);
        assertEquals(scores.stream().mapToDouble(Uc1Metrics.MeterScore::nrmse).average().orElseThrow(),
                m.nrmse(), 1e-12);
        assertEquals(0.9, m.offpeakPlacedShare(), 1e-12);
        assertEquals(35 / 40.0, m.agreement().share(), 1e-12);
        assertEquals(2, m.segmentsUsed());
        assertEquals(40, m.meters());
        assertNull(Uc1Metrics.of(scores, null).agreement());
        List<Uc1Metrics.MeterScore> noTruth = scores.stream().map(s -> new Uc1Metrics.MeterScore(null,
                s.segment(), s.silhouette(), s.nrmse(), s.nrmseBaseline(), s.nrmseSegmentOnly(),
                s.nrmseTariffOffpeak(), s.placed(), null)).toList();
        assertTrue(Double.isNaN(Uc1Metrics.of(noTruth, null).ari()), "no truth, no ARI");
    }

    @Test
    void theBootstrapFunctionOnEveryMeterIsThePointValue() {
        List<Uc1Metrics.MeterScore> scores = scores();
        Uc1Metrics point = Uc1Metrics.of(scores, "kmeans");
        Map<String, Double> estimates = Uc1Metrics.estimates(scores, "kmeans");
        assertEquals(List.of("ari", "silhouette", "nrmse", "nrmse_baseline", "nrmse_reduction_vs_baseline",
                "nrmse_segment_only", "nrmse_tariff_offpeak", "offpeak_placed_share", "agreement_with_kmeans"),
                List.copyOf(estimates.keySet()), "every estimate, no count");
        estimates.forEach((name, value) -> assertEquals(point.value(name), value, 0.0, name));

        Map<String, MetricInterval> intervals = Uc1Metrics.intervals(scores, "kmeans", 42L);
        assertEquals(estimates.keySet(), intervals.keySet());
        intervals.forEach((name, i) -> {
            assertEquals(40, i.n(), name);
            assertEquals("meter", i.unit(), name);
            assertTrue(i.low() <= point.value(name) + 1e-12 && point.value(name) <= i.high() + 1e-12,
                    name + " " + i);
        });
        MetricInterval ari = intervals.get("ari");
        assertTrue(ari.high() - ari.low() > 0.05, "4 mistakes in 40 meters leave the ARI uncertain: " + ari);
        assertEquals(intervals, Uc1Metrics.intervals(scores, "kmeans", 42L), "seeded");
    }

    /** The map as {@code uc1.json} carries it: undefined values null, read back by Jackson. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> viaJson(Map<String, Object> published) {
        Map<String, Object> m = new LinkedHashMap<>();
        published.forEach((k, v) -> m.put(k, v instanceof Double d && !Double.isFinite(d) ? null : v));
        return Json.read(Json.write(m), Map.class);
    }
}
