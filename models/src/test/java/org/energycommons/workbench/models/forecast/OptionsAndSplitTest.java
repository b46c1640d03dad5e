package org.energycommons.workbench.models.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Properties;
import org.energycommons.workbench.datasets.privacy.SecrecyGuard;
import org.energycommons.workbench.models.usecase.Criterion;
import org.energycommons.workbench.models.usecase.UnknownUseCaseException;
import org.energycommons.workbench.models.usecase.UseCases;
import org.junit.jupiter.api.Test;

class OptionsAndSplitTest {

    @Test
    void optionsRoundTripThroughPropertiesAndRejectBadValues() {
        ForecastOptions o = ForecastOptions.defaults(9);
        assertEquals(o, ForecastOptions.of(o.toProperties(), 1));
        Properties bad = new Properties();
        bad.setProperty("workbench.uc4.gbt_depht", "3");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ForecastOptions.of(bad, 1));
        assertTrue(e.getMessage().startsWith("unknown option workbench.uc4.gbt_depht"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ForecastOptions(1, 0, 5, 0.1, 10, 5, 8, 0.1, 0.7));
        assertThrows(IllegalArgumentException.class, () -> new ForecastOptions(1, 10, 5, 1.5, 10, 5, 8, 0.1, 0.7));
    }

    @Test
    void theSplitIsOrderedInTimeAndCoversEveryDayOnce() {
        TimeSplit s = TimeSplit.byFractions(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 4, 10), 0.7, 0.15);
        assertEquals(LocalDate.of(2023, 3, 12), s.validationStart());
        assertEquals(LocalDate.of(2023, 3, 27), s.testStart());
        assertEquals("2023-01-01..2023-03-11", s.describe().get("train"));
        assertThrows(IllegalArgumentException.class,
                () -> new TimeSplit(LocalDate.of(2023, 1, 5), LocalDate.of(2023, 1, 1), LocalDate.of(2023, 2, 1),
                        LocalDate.of(2023, 3, 1)));
    }

    @Test
    void criteriaCompareAndAMissingValueIsNeverMet() {
        assertTrue(Criterion.atLeast("skill", 0.2).isMetBy(0.2));
        assertTrue(!Criterion.atMost("mape", 0.1).isMetBy(0.11));
        assertTrue(!Criterion.atLeast("recall", 0.7).isMetBy(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new Criterion("m", "best", "=>", 1));
    }

    @Test
    void unknownAndUnimplementedUseCasesAreClearErrors() {
        assertEquals("uc4", UseCases.require("uc4").id());
        assertEquals("unknown use case 'uc9'; known: uc1, uc2, uc3, uc4, uc5, uc6",
                assertThrows(UnknownUseCaseException.class, () -> UseCases.require("uc9")).getMessage());
        UseCases.ALL.stream().filter(u -> !u.implemented()).forEach(u -> assertTrue(assertThrows(
                UnknownUseCaseException.class, () -> UseCases.require(u.id())).getMessage().contains("not implemented")));
    }

    @Test
    void theSecrecyGuardNeedsTenPointsAndNoDominantPoint() {
        SecrecyGuard g = SecrecyGuard.french();
        assertTrue(g.allows(10, 0.85));
        assertTrue(!g.allows(9, 0.2));
        assertTrue(!g.allows(50, 0.86));
        assertEquals(g, SecrecyGuard.of(g.toProperties()));
        assertThrows(IllegalArgumentException.class, () -> new SecrecyGuard(0, 0.5));
    }
}
