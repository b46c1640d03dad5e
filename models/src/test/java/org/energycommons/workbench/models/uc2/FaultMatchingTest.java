package org.energycommons.workbench.models.uc2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.energycommons.workbench.models.usecase.MetricInterval;
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

    /** The faults and alerts of {@link #scoresEpisodesDetectionsAndDelays}, by building. */
    private static List<FaultMatching.BuildingRecord> fourBuildings() {
        List<FaultMatching.Fault> faults = List.of(
                new FaultMatching.Fault("A", "FLT-A-1", "flat_meter", d(10), d(14)),
                new FaultMatching.Fault("A", "FLT-A-2", "spikes", d(20), d(29)),
                new FaultMatching.Fault("B", "FLT-B-1", "spikes", d(5), d(8)),
                new FaultMatching.Fault("C", "FLT-C-1", "flat_meter", FROM.minusDays(3), d(2)));
        List<FaultMatching.AlertDay> alerts = List.of(a("A", 12), a("A", 13), a("A", 15), a("A", 23), a("A", 40),
                a("A", 41), a("B", 1), a("C", 1), a("C", 2), a("D", 50));
        return FaultMatching.buildings(alerts, faults, Map.of("A", 200L, "B", 200L, "C", 200L, "D", 130L));
    }

    @Test
    void scoringBuildingsIsTheSameAsScoringTheirAlertsAndFaults_aRepeatCountsAsAnotherBuilding() {
        List<FaultMatching.BuildingRecord> buildings = fourBuildings();
        assertEquals(List.of("A", "B", "C", "D"), buildings.stream().map(FaultMatching.BuildingRecord::buildingId)
                .toList());
        FaultMatching.Evaluation e = FaultMatching.evaluateBuildings(buildings, FROM, TO, TYPES);
        assertEquals(7, e.episodes());
        assertEquals(4, e.falseEpisodes());
        assertEquals(2.0 / 3, e.get("recall"), 1e-12);
        assertEquals(4 / (730 / 365.25), e.get("false_alerts_per_building_year"), 1e-12);

        List<FaultMatching.BuildingRecord> twiceA = new ArrayList<>(buildings);
        twiceA.add(buildings.get(0));
        FaultMatching.Evaluation repeated = FaultMatching.evaluateBuildings(twiceA, FROM, TO, TYPES);
        // A again: 4 more episodes (2 false), 2 more faults both detected, 200 more building-days.
        assertEquals(11, repeated.episodes());
        assertEquals(6, repeated.falseEpisodes());
        assertEquals(4.0 / 5, repeated.get("recall"), 1e-12);
        assertEquals(6 / (930 / 365.25), repeated.get("false_alerts_per_building_year"), 1e-12);
    }

    @Test
    void theBootstrapFunctionOnEveryBuildingIsThePointValue_intervalsStateTheItemsCounted() {
        List<FaultMatching.BuildingRecord> buildings = fourBuildings();
        Uc2Metrics.Detection point = FaultMatching.evaluateBuildings(buildings, FROM, TO, TYPES).metrics();
        Map<String, Double> estimates = FaultMatching.estimates(point);
        assertEquals(List.of("precision", "recall", "f1", "median_detection_delay_days",
                "false_alerts_per_building_year", "recall_flat_meter", "precision_flat_meter", "f1_flat_meter",
                "median_detection_delay_days_flat_meter", "recall_spikes", "precision_spikes", "f1_spikes",
                "median_detection_delay_days_spikes"), List.copyOf(estimates.keySet()), "estimates, no count");
        estimates.forEach((name, v) -> assertEquals(point.value(name), v, 0.0, name));

        Map<String, MetricInterval> i = FaultMatching.intervals(buildings, FROM, TO, TYPES, 42L);
        assertEquals(estimates.keySet(), i.keySet());
        assertEquals(new MetricInterval(i.get("recall").low(), i.get("recall").high(), 3, "fault"), i.get("recall"));
        assertEquals(3, i.get("f1").n());
        assertEquals(7, i.get("precision").n());
        assertEquals("alert_episode", i.get("precision").unit());
        assertEquals(2, i.get("median_detection_delay_days").n());
        assertEquals(4, i.get("false_alerts_per_building_year").n());
        assertEquals("building", i.get("false_alerts_per_building_year").unit());
        assertEquals(1, i.get("recall_flat_meter").n(), "A-1 only: C-1 began before the period");
        assertEquals(2 + 4, i.get("precision_flat_meter").n());
        assertEquals(1 + 4, i.get("precision_spikes").n());
        assertEquals(1, i.get("median_detection_delay_days_spikes").n());
        i.forEach((name, interval) -> {
            if (Double.isFinite(interval.low())) {
                assertTrue(interval.low() <= point.value(name) + 1e-12 && point.value(name) <= interval.high()
                        + 1e-12, name + " " + interval);
            }
        });
        assertTrue(i.get("recall").high() - i.get("recall").low() > 0.3, "3 faults: a wide interval");
        assertEquals(i, FaultMatching.intervals(buildings, FROM, TO, TYPES, 42L), "seeded");
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
