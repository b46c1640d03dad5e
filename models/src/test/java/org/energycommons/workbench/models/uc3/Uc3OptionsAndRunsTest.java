package org.energycommons.workbench.models.uc3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.energycommons.workbench.models.usecase.EvaluationSets;
import org.junit.jupiter.api.Test;

/** Options, the runs (real and fake works dates) and the selection rule. */
class Uc3OptionsAndRunsTest {

    @Test
    void optionsRoundTripThroughPropertiesAndRejectBadValues() {
        Uc3Options d = Uc3Options.defaults(42);
        assertEquals(d.toMap(), Uc3Options.of(d.toProperties(), 7).toMap());
        Properties p = new Properties();
        p.setProperty("workbench.uc3.billing_period_days", "28");
        p.setProperty("workbench.uc3.towt_knots_c", "0, 10, 20");
        p.setProperty("workbench.uc3.baseline_days", "300");
        Uc3Options o = Uc3Options.of(p, 7);
        assertEquals(28, o.billing().periodDays());
        assertEquals(300, o.billing().daily().baselineDays());
        assertEquals(3, o.hourly().knotsC().length);
        assertEquals(7, o.seed());
        Properties bad = new Properties();
        bad.setProperty("workbench.uc3.reporting_dayz", "10");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Uc3Options.of(bad, 1)).getMessage()
                .contains("unknown option workbench.uc3.reporting_dayz"));
        Properties knots = new Properties();
        knots.setProperty("workbench.uc3.towt_knots_c", "10,5");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Uc3Options.of(knots, 1)).getMessage()
                .contains("strictly ascending"));
        Properties reporting = new Properties();
        reporting.setProperty("workbench.uc3.min_reporting_days", "400");
        assertThrows(IllegalArgumentException.class, () -> Uc3Options.of(reporting, 1));
    }

    @Test
    void runsHaveRealDatesForWorksAndReproducibleFakeDatesLeavingABaseline() {
        LocalDate start = LocalDate.of(2023, 1, 1);
        LocalDate end = LocalDate.of(2024, 12, 30);
        Uc3Options o = Uc3Options.defaults(42);
        Map<String, Assignments.Works> works = Map.of("W1", new Assignments.Works(LocalDate.of(2024, 9, 1), "global"));
        Set<String> all = Set.of("W1", "P1", "P2", "V1", "V2", "V3");
        Uc3Options two = new Uc3Options(42, o.daily(), o.billing(), o.hourly(), 365, 90, 2);
        List<Assignment> runs = Assignments.of(works, Set.of("P1", "P2"), all, start, end, two);
        assertEquals(List.of("treated", "placebo", "placebo", "validation", "validation"),
                runs.stream().map(Assignment::role).toList());
        Assignment w = runs.get(0);
        assertEquals(LocalDate.of(2024, 9, 1), w.interventionDate());
        assertEquals(LocalDate.of(2023, 9, 2), w.baselineStart());
        assertEquals(end.plusDays(1), w.reportingEnd(), "the reporting period stops at the end of the data");
        for (Assignment a : runs.subList(1, 5)) {
            assertTrue(!a.interventionDate().isBefore(start.plusDays(365)), a.toString());
            assertTrue(!a.interventionDate().isAfter(end.plusDays(1).minusDays(90)), a.toString());
        }
        assertEquals(runs, Assignments.of(works, Set.of("P1", "P2"), all, start, end, two), "deterministic");
        assertTrue(Assignments.of(Map.of(), Set.of(), all, start, start.plusDays(59), o).stream()
                .allMatch(a -> a.interventionDate().equals(start.plusDays(30))), "short data: the middle");
    }

    @Test
    void theBestMethodHasTheLowestValidationPlaceboError() {
        Map<String, EvaluationSets> m = Map.of(
                SavingsFits.DAILY, metrics(0.8), SavingsFits.BILLING, metrics(0.6), SavingsFits.HOURLY, metrics(null));
        assertEquals(SavingsFits.BILLING, Uc3Evaluation.selectBest(SavingsFits.METHODS, m));
        Map<String, EvaluationSets> none = Map.of(
                SavingsFits.DAILY, metrics(null), SavingsFits.BILLING, metrics(null), SavingsFits.HOURLY, metrics(null));
        assertEquals(SavingsFits.DAILY, Uc3Evaluation.selectBest(SavingsFits.METHODS, none));
        assertEquals(2.5, Uc3Evaluation.median(List.of(4.0, 1.0, 2.0, 3.0)), 0);
        assertTrue(Double.isNaN(Uc3Evaluation.median(List.of())));
    }

    private static EvaluationSets metrics(Double validationError) {
        double nan = Double.NaN;
        return EvaluationSets.ofTimeSplit(new Uc3Metrics.Train(nan, nan, nan, 0),
                new Uc3Metrics.Validation(validationError == null ? nan : validationError, nan, 4, 4),
                new Uc3Metrics.Test(nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, null, 0, 0, 0, 0, 0));
    }
}
