package org.energycommons.workbench.models.uc1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.energycommons.workbench.models.provenance.Json;
import org.junit.jupiter.api.Test;

/** {@link Uc1Metrics}: the published keys of each set, and reading them back. */
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

    /** The map as {@code uc1.json} carries it: undefined values null, read back by Jackson. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> viaJson(Map<String, Object> published) {
        Map<String, Object> m = new LinkedHashMap<>();
        published.forEach((k, v) -> m.put(k, v instanceof Double d && !Double.isFinite(d) ? null : v));
        return Json.read(Json.write(m), Map.class);
    }
}
