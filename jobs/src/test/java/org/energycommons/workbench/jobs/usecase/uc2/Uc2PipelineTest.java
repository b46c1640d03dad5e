package org.energycommons.workbench.jobs.usecase.uc2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.energycommons.workbench.models.uc2.Uc2Metrics;
import org.energycommons.workbench.models.usecase.EvaluationSets;
import org.energycommons.workbench.models.usecase.MetricInterval;
import org.junit.jupiter.api.Test;

/** The note a detector gets when a criterion's metric rests on a small sample. */
class Uc2PipelineTest {

    private static EvaluationSets sets(int buildings, int faults) {
        Uc2Metrics.Detection d = new Uc2Metrics.Detection(0.9, 0.9, 0.9, 0, 0.1, null, Map.of());
        return EvaluationSets.ofTimeSplit(d, d, d).withIntervals(EvaluationSets.TEST, Map.of(
                "f1", new MetricInterval(0.8, 0.95, faults, "fault"),
                "false_alerts_per_building_year", new MetricInterval(0.0, 0.2, buildings, "building")));
    }

    @Test
    void aCriterionOnFewerThanThirtyItemsIsNotedWithItsCount() {
        Map<String, String> settings = Map.of("threshold", "0.5");
        Map<String, String> notes = Uc2Pipeline.withSampleNote(settings, sets(27, 40));
        assertEquals("0.5", notes.get("threshold"));
        assertTrue(notes.get("small_samples").startsWith("false_alerts_per_building_year rests on 27 buildings (< 30)"),
                notes.get("small_samples"));
        assertTrue(!notes.get("small_samples").contains("f1"), "40 faults are enough");
        assertEquals(settings, Uc2Pipeline.withSampleNote(settings, sets(30, 40)), "no small sample, no note");
    }
}
