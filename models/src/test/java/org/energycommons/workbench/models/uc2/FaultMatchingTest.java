package org.energycommons.workbench.models.uc2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The metric computation on hand-made alerts and faults, every figure worked out by hand. */
class FaultMatchingTest {

    private static final LocalDate FROM = LocalDate.of(2024, 1, 1);
    private static final LocalDate TO = LocalDate.of(2024, 12, 31);
    private static final List<String> TYPES = List.of("flat_meter", "spikes");

    private static LocalDate d(int dayOfJanuary) {
        return FROM.plusDays(dayOfJanuary - 1);
    }

    private static FaultMatching.AlertDay a(String building, int day) {
        return new FaultMatching.AlertDay(building, d(day));
    }

    @Test
    void scoresEpisodesDetectionsAndDelays() {
        List<FaultMatching.Fault> faults = List.of(
                new FaultMatching.Fault("A", "FLT-A-1", "flat_meter", d(10), d(14)),
                new FaultMatching.Fault("A", "FLT-A-2", "spikes", d(20), d(29)),
                new FaultMatching.Fault("B", "FLT-B-1", "spikes", d(5), d(8)),
                // Starts before the period: not evaluated, but alerts inside it are not false.
                new FaultMatching.Fault("C", "FLT-C-1", "flat_meter", FROM.minusDays(3), d(2)));
        List<FaultMatching.AlertDay> alerts = List.of(
                a("A", 12), a("A", 13), a("A", 15),   // one episode 12..13 (true, delay 2) + 15 (false)
                a("A", 23),                           // true, spikes delay 3
                a("A", 40), a("A", 41),               // one false episode
                a("B", 1),                            // false (before B's window)
                a("C", 1), a("C", 2),                 // true for C's earlier fault
                a("D", 50),                           // false
                new FaultMatching.AlertDay("D", FROM.minusDays(1))); // outside the period: ignored
        FaultMatching.Evaluation e = FaultMatching.evaluate(alerts, faults, FROM, TO, 730, TYPES);
        // Episodes: A{12-13}, A{15}, A{23}, A{40-41}, B{1}, C{1-2}, D{50} = 7; false: A15, A40-41, B1, D50 = 4.
        assertEquals(7, e.episodes());
        assertEquals(4, e.falseEpisodes());
        assertEquals(3.0 / 7, e.get("precision"), 1e-12);
        // Faults evaluated: A-1 (delay 2), A-2 (delay 3), B-1 (missed) → recall 2/3.
        assertEquals(2.0 / 3, e.get("recall"), 1e-12);
        double p = 3.0 / 7;
        double r = 2.0 / 3;
        assertEquals(2 * p * r / (p + r), e.get("f1"), 1e-12);
        assertEquals(2.5, e.get("median_detection_delay_days"), 1e-12);
        // 4 false alerts over 730 building-days = 2 building-years (of 365.25 days).
        assertEquals(4 / (730 / 365.25), e.get("false_alerts_per_building_year"), 1e-12);
        assertEquals(1.0, e.get("recall_flat_meter"), 1e-12);
        assertEquals(0.5, e.get("recall_spikes"), 1e-12);
        // flat_meter touched by A{12-13} and C{1-2}: 2 / (2 + 4); spikes by A{23}: 1 / (1 + 4).
        assertEquals(2.0 / 6, e.get("precision_flat_meter"), 1e-12);
        assertEquals(1.0 / 5, e.get("precision_spikes"), 1e-12);
        assertEquals(2.0, e.get("median_detection_delay_days_flat_meter"), 1e-12);
        assertEquals(3.0, e.get("median_detection_delay_days_spikes"), 1e-12);
        assertEquals(List.of(2, 3, -1), e.detections().stream().map(FaultMatching.Detection::delayDays).toList());
    }

    @Test
    void noAlertAndNoFaultGiveNaNNotAnException() {
        FaultMatching.Evaluation empty = FaultMatching.evaluate(List.of(), List.of(), FROM, TO, 0, TYPES);
        assertTrue(Double.isNaN(empty.get("precision")));
        assertTrue(Double.isNaN(empty.get("recall")));
        assertTrue(Double.isNaN(empty.get("f1")));
        assertTrue(Double.isNaN(empty.get("median_detection_delay_days")));
        assertTrue(Double.isNaN(empty.get("false_alerts_per_building_year")));
        assertTrue(Double.isNaN(empty.get("recall_spikes")));

        FaultMatching.Evaluation missed = FaultMatching.evaluate(List.of(), List.of(
                new FaultMatching.Fault("A", "F", "spikes", d(3), d(4))), FROM, TO, 365, TYPES);
        assertEquals(0.0, missed.get("recall"), 0);
        assertTrue(Double.isNaN(missed.get("f1")), "no alert: precision undefined, so F1 too");
        assertEquals(0.0, missed.get("false_alerts_per_building_year"), 0);
    }
}
