package org.energycommons.workbench.models.uc2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.energycommons.workbench.models.provenance.Json;
import org.junit.jupiter.api.Test;

/** {@link Uc2Metrics}: the published keys of a detector and of the expected-consumption model, read back. */
class Uc2MetricsTest {

    private static final LocalDate FROM = LocalDate.of(2024, 1, 1);

    private static Uc2Metrics.Detection scored() {
        List<FaultMatching.Fault> faults = List.of(
                new FaultMatching.Fault("A", "F1", "flat_meter", FROM.plusDays(3), FROM.plusDays(6)),
                new FaultMatching.Fault("B", "F2", "spikes", FROM.plusDays(10), FROM.plusDays(12)));
        List<FaultMatching.AlertDay> alerts = List.of(new FaultMatching.AlertDay("A", FROM.plusDays(4)),
                new FaultMatching.AlertDay("C", FROM.plusDays(20)));
        return FaultMatching.evaluate(alerts, faults, FROM, FROM.plusDays(59), 180, List.of("flat_meter", "spikes"))
                .metrics();
    }

    @Test
    void publishedKeysInOrder() {
        Uc2Metrics.Detection d = scored();
        assertEquals(List.of("precision", "recall", "f1", "median_detection_delay_days",
                "false_alerts_per_building_year", "faults", "detected_faults", "alert_episodes", "false_alerts",
                "recall_flat_meter", "precision_flat_meter", "f1_flat_meter", "median_detection_delay_days_flat_meter",
                "faults_flat_meter", "recall_spikes", "precision_spikes", "f1_spikes",
                "median_detection_delay_days_spikes", "faults_spikes"), List.copyOf(d.toMap().keySet()));
        // Counts are published as numbers with a fraction, as before the typed record.
        assertEquals(2.0, d.toMap().get("faults"));
        assertEquals(1.0, d.toMap().get("faults_spikes"));
        assertEquals(List.of("precision", "recall", "f1", "median_detection_delay_days",
                "false_alerts_per_building_year"), List.copyOf(Uc2Metrics.Detection.undefined().toMap().keySet()));
        assertEquals(List.of("mape_daily_kwh", "median_abs_daily_residual_z"),
                List.copyOf(new Uc2Metrics.ExpectedConsumption(0.1, 0.7).toMap().keySet()));
    }

    @Test
    void readsEachPublishedFormBack() {
        for (Uc2Metrics m : List.of(scored(), Uc2Metrics.Detection.undefined(),
                new Uc2Metrics.ExpectedConsumption(0.08, 0.66), new Uc2Metrics.ExpectedConsumption(Double.NaN, 1))) {
            Uc2Metrics back = Uc2Metrics.fromMap(viaJson(m.toMap()));
            assertEquals(m, back);
            assertEquals(m.toMap(), back.toMap());
        }
        assertInstanceOf(Uc2Metrics.ExpectedConsumption.class,
                Uc2Metrics.fromMap(new Uc2Metrics.ExpectedConsumption(0.1, 0.2).toMap()));
        assertEquals(0.5, scored().value("recall"));
        assertEquals(1.0, scored().byFaultType().get("flat_meter").recall());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> viaJson(Map<String, Object> published) {
        Map<String, Object> m = new LinkedHashMap<>();
        published.forEach((k, v) -> m.put(k, v instanceof Double d && !Double.isFinite(d) ? null : v));
        return Json.read(Json.write(m), Map.class);
    }
}
